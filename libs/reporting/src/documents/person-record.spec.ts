import ExcelJS from 'exceljs';
import { pdfText } from '../../../../test/support/pdf-inspect';
import { personRecordWorkbook, renderPersonRecordPdf, type PersonRecordData } from '.';

// Rendering embeds a CJK font and pdfjs reads it back in a worker thread: slower than a pure unit test.
jest.setTimeout(30_000);

const record: PersonRecordData = {
  person: { name: '李晓华', organisation: '杭州市西湖区总工会' },
  generatedAt: '2026-06-01 09:30',
  entries: [
    { eventName: '2026年杭州市职工职业技能大赛', itemName: '电工', eventKind: 'skill_competition', startsOn: '2026-04-20', status: 'approved', place: 2, total: '92.50' },
    { eventName: '西湖环湖徒步', itemName: '10公里', eventKind: 'hiking', startsOn: null, status: '已撤回', place: null, total: null },
  ],
  awards: [
    { serial: 'HZ2026-000456', kind: 'award', eventName: '2026年杭州市职工职业技能大赛', itemName: '电工', awardName: '二等奖', title: null, prizeMoney: '3000.00', status: 'active', grantedOn: '2026-05-01' },
    { serial: 'HZ2026-000789', kind: 'recognition', eventName: null, itemName: null, awardName: '杭州工匠', title: null, prizeMoney: null, status: 'revoked', grantedOn: '2026-05-20' },
  ],
};

describe('person record', () => {
  it('lists entries and awards in the PDF', async () => {
    const text = await pdfText(await renderPersonRecordPdf(record));
    for (const s of ['李晓华', '参赛记录', '获奖记录', '2026年杭州市职工职业技能大赛', '西湖环湖徒步', '二等奖', '杭州工匠', 'HZ2026-000456', '技能竞赛', '已撤销', '第 1 页，共 1 页']) {
      expect(text).toContain(s);
    }
  });

  it('runs over several pages, repeating the header row', async () => {
    const many = { ...record, entries: Array.from({ length: 60 }, (_, i) => ({ ...record.entries[0], itemName: `项目${i + 1}` })) };
    const text = await pdfText(await renderPersonRecordPdf(many));
    expect(text).toContain('项目60');
    expect(text).toMatch(/第 1 页，共 [2-9] 页/);
    expect(text.split('开始日期').length - 1).toBeGreaterThan(1);
  });

  it('writes a workbook with one sheet each for entries and awards', async () => {
    const workbook = new ExcelJS.Workbook();
    // exceljs types its input as the older non-generic Buffer; the bytes are the same.
    await workbook.xlsx.load((await personRecordWorkbook(record)) as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['参赛记录', '获奖记录']);
    const entries = workbook.getWorksheet('参赛记录')!;
    expect(entries.getRow(1).values).toEqual([undefined, '活动', '项目', '类型', '开始日期', '状态', '名次', '成绩']);
    expect(entries.getCell('A2').value).toBe('2026年杭州市职工职业技能大赛');
    expect(entries.getCell('F2').value).toBe(2);
    const awards = workbook.getWorksheet('获奖记录')!;
    expect(awards.getCell('A1').value).toBe('证书编号');
    expect(awards.getCell('E3').value).toBe('杭州工匠');
    expect(awards.getCell('H3').value).toBe('已撤销');
  });
});
