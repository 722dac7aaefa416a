import { pdfText, renderFirstPage } from '../../../../test/support/pdf-inspect';
import { renderCertificatePdf, type CertificateData } from '.';

// Rendering embeds a CJK font and pdfjs reads it back in a worker thread: slower than a pure unit test.
jest.setTimeout(30_000);

const certificate: CertificateData = {
  serial: 'HZ2026-000123',
  personName: '王小明',
  eventName: '2026年杭州市职工职业技能大赛',
  itemName: '焊工',
  awardName: '一等奖',
  title: '技术能手',
  citation: null,
  issuer: '杭州市总工会',
  grantedOn: '2026-05-01',
  verifyUrl: 'https://awards.example.cn/v/3kT9qZ0bX1yW2vU4sR6pQa',
  revoked: false,
};

describe('certificate PDF', () => {
  it('is one non-blank A4 landscape page whose text carries the name, serial and award', async () => {
    const pdf = await renderCertificatePdf(certificate);
    const page = await renderFirstPage(pdf);
    expect([page.width, page.height]).toEqual([842, 596]);
    expect(page.inkRatio).toBeGreaterThan(0.02);
    expect(page.png.subarray(1, 4).toString()).toBe('PNG');

    const text = await pdfText(pdf);
    for (const s of ['荣誉证书', '王小明', 'HZ2026-000123', '一等奖', '技术能手', '杭州市总工会', '2026年5月1日', '扫码验证']) {
      expect(text).toContain(s);
    }
    expect(text.replace(/\n/g, '')).toContain('在2026年杭州市职工职业技能大赛焊工中荣获一等奖');
    expect(text).not.toContain('已撤销');
  });

  it('embeds the QR code as an image and the font as a subset', async () => {
    const pdf = (await renderCertificatePdf(certificate)).toString('latin1');
    expect(pdf).toMatch(/\/Subtype \/Image/);
    expect(pdf).toMatch(/\/FontFile2/);
    expect(pdf).toMatch(/\/ToUnicode/);
  });

  it('marks a revoked certificate', async () => {
    const pdf = await renderCertificatePdf({ ...certificate, revoked: true });
    expect(await pdfText(pdf)).toContain('已撤销');
  });

  it('words a recognition by its citation and title', async () => {
    const pdf = await renderCertificatePdf({
      ...certificate,
      eventName: null,
      itemName: null,
      awardName: '杭州工匠',
      title: null,
      citation: '在平凡岗位上勤勉敬业、精益求精，',
    });
    const text = (await pdfText(pdf)).replace(/\n/g, '');
    expect(text).toContain('在平凡岗位上勤勉敬业、精益求精，');
    expect(text).toContain('被授予“杭州工匠”称号');
  });
});
