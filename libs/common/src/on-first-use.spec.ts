import ExcelJS from 'exceljs';
import { plainRows, rowBreaks, streamedWorkbook } from './on-first-use';

describe('streamed workbooks', () => {
  it('turns the event loop once every so many rows, so the compression can keep up', async () => {
    const rowBreak = rowBreaks(3);
    const turns: boolean[] = [];
    for (let i = 0; i < 7; i++) turns.push(rowBreak() !== undefined);
    expect(turns).toEqual([false, false, true, false, false, true, false]);
    // what a break waits for is a turn of the loop: work queued behind it runs first
    let ran = false;
    setImmediate(() => (ran = true));
    await rowBreaks(1)();
    expect(ran).toBe(true);
  });

  it('writes every plain row, in order, with its Chinese text, beside a bold header and a date in its own format', async () => {
    const body = await streamedWorkbook(async (book) => {
      const sheet = book.addWorksheet('扫码记录');
      const header = sheet.addRow(['序号', '号码', '时间']);
      header.font = { bold: true };
      header.commit();
      const write = plainRows(sheet);
      for (let i = 1; i <= 2500; i++) await write([i, `第${i}号`, i === 7 ? new Date(Date.UTC(2026, 11, 7, 12)) : '']);
      sheet.commit();
    });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(body as unknown as Parameters<typeof book.xlsx.load>[0]);
    const sheet = book.getWorksheet('扫码记录')!;
    expect([sheet.rowCount, sheet.getRow(2).values, sheet.getRow(2501).values]).toEqual([2501, [undefined, 1, '第1号'], [undefined, 2500, '第2500号']]);
    expect([sheet.getCell('A1').font?.bold, sheet.getCell('A2').font?.bold]).toEqual([true, undefined]);
    expect([sheet.getCell('C8').value, sheet.getCell('C8').numFmt]).toEqual([new Date(Date.UTC(2026, 11, 7, 12)), 'mm-dd-yy']);
  });

  it('gives the cells of plain rows one style object, which the writer works out once; a date keeps its own', () => {
    const sheet = new ExcelJS.Workbook().addWorksheet('s');
    const write = plainRows(sheet);
    void write(['H0001', 1, new Date()]);
    void write(['H0002', 2, new Date()]);
    const [a, b] = [sheet.getRow(1), sheet.getRow(2)];
    expect([a.getCell(1).style === b.getCell(1).style, a.getCell(2).style === b.getCell(1).style, a.getCell(3).style === b.getCell(3).style]).toEqual([true, true, false]);
  });
});
