import { readFileSync, writeFileSync } from 'node:fs';
import { renderFirstPage } from '../../../../test/support/pdf-inspect';
import { renderCertificatePdf, renderPersonRecordPdf } from '.';
const d = { serial: 'HZ2026-000123', personName: '王小明', eventName: '2026年杭州市职工职业技能大赛', itemName: '焊工', awardName: '一等奖', title: '技术能手', citation: null, issuer: '杭州市总工会', grantedOn: '2026-05-01', verifyUrl: 'https://awards.example.cn/v/3kT9qZ0bX1yW2vU4sR6pQa', revoked: false };
it('times', async () => {
  for (let i = 0; i < 4; i++) {
    const t = Date.now();
    await renderCertificatePdf(d);
    console.log(i, Date.now() - t);
  }
  for (const [name, pdf] of [['cert', await renderCertificatePdf(d)], ['revoked', await renderCertificatePdf({ ...d, revoked: true })], ['rec', await renderCertificatePdf({ ...d, eventName: null, itemName: null, awardName: '杭州工匠', title: '技术能手', citation: '在平凡岗位上勤勉敬业、精益求精，为杭州高质量发展作出突出贡献，' })]] as const) {
    const t = Date.now();
    const r = await renderFirstPage(pdf, 2);
    console.log(name, 'render', Date.now() - t, r.inkRatio, r.width, r.height);
    writeFileSync(`/tmp/${name}.png`, r.png);
  }
  const many = JSON.parse(readFileSync('/tmp/record.json', 'utf8'));
  writeFileSync('/tmp/record.pdf', await renderPersonRecordPdf(many));
  writeFileSync('/tmp/record.png', (await renderFirstPage(await renderPersonRecordPdf(many), 1.5)).png);
}, 60000);
