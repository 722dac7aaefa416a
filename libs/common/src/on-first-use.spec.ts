import ExcelJS from 'exceljs';
import { rowBreaks, streamedWorkbook } from './on-first-use';

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

  it('writes every row a fill with breaks adds, in order, with its Chinese text', async () => {
    const body = await streamedWorkbook(async (book) => {
      const sheet = book.addWorksheet('扫码记录');
      const rowBreak = rowBreaks();
      for (let i = 1; i <= 2500; i++) {
        sheet.addRow([i, `第${i}号`]).commit();
        await rowBreak();
      }
      sheet.commit();
    });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(body as unknown as Parameters<typeof book.xlsx.load>[0]);
    const sheet = book.getWorksheet('扫码记录')!;
    expect([sheet.rowCount, sheet.getRow(1).values, sheet.getRow(2500).values]).toEqual([2500, [undefined, 1, '第1号'], [undefined, 2500, '第2500号']]);
  });
});
