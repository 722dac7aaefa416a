import ExcelJS from 'exceljs';
import { PassThrough } from 'node:stream';
import { validateRoster } from '../domain';
import { parseRosterFile, RosterFileError } from './roster-file';

const today = '2026-11-21';
const HEADERS = ['姓名', '性别', '出生日期', '手机号', '身份证号', '工会会员号', '项目'];
const 张伟 = ['张伟', '男', '1990-03-07', '13812345678', '330102199003071230', 'HZ2024000123', '100米'];
const 李娜 = ['李娜', '女', '1990-03-07', '13987654321', '330102199003071249', '', '跳远'];

async function xlsx(build: (sheet: ExcelJS.Worksheet) => void): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  build(workbook.addWorksheet('名单'));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const csv = (text: string) => Buffer.from(text, 'utf8');

/** A workbook from exceljs' streaming writer: inline strings, no shared strings part, data descriptors. */
async function streamedWorkbook(rows: number, row: string[] = 张伟): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: false, useStyles: false });
  const sheet = workbook.addWorksheet('名单');
  sheet.addRow(HEADERS).commit();
  for (let i = 0; i < rows; i++) sheet.addRow(row).commit();
  sheet.commit();
  await workbook.commit();
  return Buffer.concat(chunks);
}

async function fileError(promise: Promise<unknown>): Promise<RosterFileError> {
  const error = await promise.then(
    () => { throw new Error('expected parseRosterFile to reject'); },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(RosterFileError);
  return error as RosterFileError;
}

const isBlankRecord = (r: Readonly<Record<string, unknown>>) => Object.values(r).every((v) => v === '');

describe('parseRosterFile — xlsx', () => {
  it('keys rows by header text and keeps cell text untrimmed', async () => {
    const file = await xlsx((s) => {
      s.addRow([...HEADERS.slice(0, 2), ' 备注 ']);
      s.addRow([' 王芳 ', '女', 'x']);
    });
    expect(await parseRosterFile(file, 'xlsx')).toEqual({
      headers: ['姓名', '性别', ' 备注 '],
      rows: [{ 姓名: ' 王芳 ', 性别: '女', ' 备注 ': 'x' }],
    });
  });

  it('keeps blank rows in the middle so that rows[i] is Excel row i + 2', async () => {
    const file = await xlsx((s) => {
      s.getRow(1).values = HEADERS;
      s.getRow(2).values = 张伟;
      // Rows 3 and 4 are never written: exceljs does not materialise them when loading.
      s.getRow(5).values = ['李娜', '未知', ...李娜.slice(2)];
    });
    const sheet = await parseRosterFile(file, 'xlsx');
    expect(sheet.rows).toHaveLength(4);
    expect(sheet.rows[0].姓名).toBe('张伟');
    expect(isBlankRecord(sheet.rows[1]) && isBlankRecord(sheet.rows[2])).toBe(true);
    expect(sheet.rows[3].姓名).toBe('李娜');

    const result = validateRoster(sheet, { today });
    expect(result.rows.map((r) => r.row)).toEqual([2]);
    expect(result.errors).toEqual([expect.objectContaining({ row: 5, field: '性别', code: 'GENDER_INVALID' })]);
  });

  it('gives every header key to a row, with "" for cells that are empty', async () => {
    const file = await xlsx((s) => {
      s.addRow(['姓名', '性别', '项目']);
      s.addRow(['王芳', null, '太极拳']);
    });
    expect((await parseRosterFile(file, 'xlsx')).rows).toEqual([{ 姓名: '王芳', 性别: '', 项目: '太极拳' }]);
  });

  it('keeps the position of an empty header cell but makes no key of it', async () => {
    const file = await xlsx((s) => {
      s.getRow(1).getCell(1).value = '姓名';
      s.getRow(1).getCell(3).value = '项目';
      s.getRow(2).values = ['王芳', '无表头', '太极拳'];
    });
    expect(await parseRosterFile(file, 'xlsx')).toEqual({ headers: ['姓名', '', '项目'], rows: [{ 姓名: '王芳', 项目: '太极拳' }] });
    expect(await parseRosterFile(csv('姓名,,项目,\n王芳,无表头,太极拳,x\n'), 'csv')).toEqual({
      headers: ['姓名', '', '项目'],
      rows: [{ 姓名: '王芳', 项目: '太极拳' }],
    });
  });

  it('reduces typed cells to what the user sees, keeping numbers as numbers', async () => {
    const file = await xlsx((s) => {
      s.addRow(['日期', '数字', '富文本', '公式', '链接', '错误']);
      const row = s.addRow([]);
      row.getCell(1).value = new Date(Date.UTC(1990, 2, 7));
      row.getCell(2).value = 330102199003071230;
      row.getCell(3).value = { richText: [{ text: '阿依古丽', font: { bold: true } }, { text: '·买买提' }] };
      row.getCell(4).value = { formula: 'A1&"x"', result: '计算结果' };
      row.getCell(5).value = { text: '报名须知', hyperlink: 'https://example.com' };
      row.getCell(6).value = { error: '#N/A' };
    });
    expect((await parseRosterFile(file, 'xlsx')).rows[0]).toEqual({
      日期: '1990-03-07',
      数字: 330102199003071230,
      富文本: '阿依古丽·买买提',
      公式: '计算结果',
      链接: '报名须知',
      错误: '#N/A',
    });
  });

  it('hands a numeric resident-ID cell to the domain as a number, which reports it', async () => {
    const file = await xlsx((s) => {
      s.addRow(HEADERS);
      s.addRow([...张伟.slice(0, 4), 330102199003071230, ...张伟.slice(5)]);
    });
    const result = validateRoster(await parseRosterFile(file, 'xlsx'), { today });
    expect(result.errors.map((e) => e.code)).toEqual(['RESIDENT_ID_NUMERIC_CELL']);
  });

  it('reads a Date-typed birth date cell as the same calendar date', async () => {
    const file = await xlsx((s) => {
      s.addRow(HEADERS);
      s.addRow([张伟[0], 张伟[1], new Date(Date.UTC(1990, 2, 7)), ...张伟.slice(3)]);
    });
    const result = validateRoster(await parseRosterFile(file, 'xlsx'), { today });
    expect(result.errors).toEqual([]);
    expect(result.rows[0].birthDate).toBe('1990-03-07');
  });

  it('reads the first worksheet only', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('名单').addRows([['姓名'], ['王芳']]);
    workbook.addWorksheet('说明').addRows([['说明'], ['请勿修改表头']]);
    const file = Buffer.from(await workbook.xlsx.writeBuffer());
    expect(await parseRosterFile(file, 'xlsx')).toEqual({ headers: ['姓名'], rows: [{ 姓名: '王芳' }] });
  });

  it('reads the first tab even when another sheet comes first in the file', async () => {
    const workbook = new ExcelJS.Workbook();
    const notes = workbook.addWorksheet('说明');
    notes.addRows([['说明'], ['请勿修改表头']]);
    workbook.addWorksheet('名单').addRows([['姓名'], ['王芳']]);
    // The tab moved to the front keeps its part (sheet2.xml) behind the other one.
    (notes as unknown as { orderNo: number }).orderNo = 1;
    (workbook.getWorksheet('名单') as unknown as { orderNo: number }).orderNo = 0;
    const file = Buffer.from(await workbook.xlsx.writeBuffer());
    expect(await parseRosterFile(file, 'xlsx')).toEqual({ headers: ['姓名'], rows: [{ 姓名: '王芳' }] });
  });

  it('reads a workbook of inline strings, as streaming writers make them', async () => {
    const file = await streamedWorkbook(3);
    const sheet = await parseRosterFile(file, 'xlsx');
    expect(sheet.headers).toEqual(HEADERS);
    expect(sheet.rows).toEqual([0, 1, 2].map(() => Object.fromEntries(HEADERS.map((h, i) => [h, 张伟[i]]))));
  });

  it('stops reading a big workbook as soon as it exceeds maxRows', async () => {
    const file = await streamedWorkbook(200_000, ['王芳']);
    const started = Date.now();
    const error = await fileError(parseRosterFile(file, 'xlsx', { maxRows: 100 }));
    expect([error.code, error.message]).toEqual(['FILE_TOO_MANY_ROWS', '名单文件超过100行（含空行）的上限，未导入任何数据；请删除多余行或拆分后分批导入']);
    expect(Date.now() - started).toBeLessThan(1000);
  }, 60_000);

  it('parses 10,000 blank rows under the header quickly, and the domain reports the roster empty', async () => {
    // What Excel stores for rows that were formatted or cleared: the row and a style, no values
    // (here the ID column set to text, as roster templates do).
    const file = await xlsx((s) => {
      s.addRow(HEADERS);
      for (let r = 2; r <= 10_001; r++) s.getRow(r).getCell(5).numFmt = '@';
    });
    const started = Date.now();
    const sheet = await parseRosterFile(file, 'xlsx');
    expect(Date.now() - started).toBeLessThan(1000);
    // Trailing rows without values are no part of the roster; the domain sees the same emptiness.
    expect(sheet.rows).toEqual([]);
    expect(validateRoster(sheet, { today }).errors).toEqual([expect.objectContaining({ row: 0, code: 'ROSTER_EMPTY' })]);
  });

  it('reads rows of empty-text cells (e.g. formulas yielding "") as blank, like formatting-only rows', async () => {
    const file = await xlsx((s) => {
      s.addRow(HEADERS);
      for (let i = 0; i < 10_000; i++) s.addRow(HEADERS.map(() => ''));
      s.addRow(张伟);
    });
    const sheet = await parseRosterFile(file, 'xlsx');
    // The gap keeps the row numbers: 张伟 is Excel row 10,002.
    expect(sheet.rows).toHaveLength(10_001);
    expect(sheet.rows.slice(0, 10_000).every(isBlankRecord)).toBe(true);
    expect(sheet.rows[10_000]['姓名']).toBe('张伟');
  }, 30_000);

  it('does not count formatting-only rows of a pre-formatted template against maxRows', async () => {
    const file = await xlsx((s) => {
      s.addRow(HEADERS);
      s.addRow(张伟);
      for (let r = 3; r <= 5_000; r++) s.getRow(r).getCell(5).numFmt = '@';
    });
    const sheet = await parseRosterFile(file, 'xlsx', { maxRows: 10 });
    expect(sheet.rows).toHaveLength(1);
    expect(validateRoster(sheet, { today }).rows).toHaveLength(1);
  });

  it('rejects more than maxRows rows, counting blank rows before the last one', async () => {
    const rows = (lastRow: number) => xlsx((s) => {
      s.getRow(1).values = HEADERS;
      s.getRow(2).values = 张伟;
      s.getRow(lastRow).values = 李娜;
    });
    expect((await parseRosterFile(await rows(6), 'xlsx', { maxRows: 5 })).rows).toHaveLength(5);
    const error = await fileError(parseRosterFile(await rows(7), 'xlsx', { maxRows: 5 }));
    expect(error.code).toBe('FILE_TOO_MANY_ROWS');
    expect(error.message).toContain('5');
  });

  it('rejects a buffer that is not an xlsx file', async () => {
    const error = await fileError(parseRosterFile(csv('姓名,性别\n王芳,女\n'), 'xlsx'));
    expect(error.code).toBe('FILE_UNREADABLE');
    expect(error.message).toMatch(/xlsx/);
  });

  it('rejects an empty buffer', async () => {
    expect((await fileError(parseRosterFile(Buffer.alloc(0), 'xlsx'))).code).toBe('FILE_EMPTY');
  });

  it('rejects a sheet without a header in row 1', async () => {
    expect((await fileError(parseRosterFile(await xlsx(() => {}), 'xlsx'))).code).toBe('FILE_EMPTY');
    const headerInRow2 = await xlsx((s) => { s.getRow(2).values = HEADERS; });
    expect((await fileError(parseRosterFile(headerInRow2, 'xlsx'))).code).toBe('FILE_EMPTY');
  });

  it('rejects a workbook without worksheets', async () => {
    const file = Buffer.from(await new ExcelJS.Workbook().xlsx.writeBuffer());
    expect((await fileError(parseRosterFile(file, 'xlsx'))).code).toBe('FILE_NO_SHEET');
  });
});

describe('parseRosterFile — csv', () => {
  it('parses rows keyed by header text, without trimming', async () => {
    expect(await parseRosterFile(csv('姓名,性别\r\n 王芳 ,女\r\n'), 'csv')).toEqual({
      headers: ['姓名', '性别'],
      rows: [{ 姓名: ' 王芳 ', 性别: '女' }],
    });
  });

  it('strips a UTF-8 BOM so the first header is clean', async () => {
    const file = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), csv('姓名,性别\r\n王芳,女\r\n')]);
    const sheet = await parseRosterFile(file, 'csv');
    expect(sheet.headers[0]).toBe('姓名');
    expect(sheet.rows[0]).toEqual({ 姓名: '王芳', 性别: '女' });
  });

  it('rejects a GBK-encoded file with a hint to save as CSV UTF-8', async () => {
    // "姓名,性别\r\n" as Excel in China writes it by default (GBK).
    const gbk = Buffer.from([0xd0, 0xd5, 0xc3, 0xfb, 0x2c, 0xd0, 0xd4, 0xb1, 0xf0, 0x0d, 0x0a]);
    const error = await fileError(parseRosterFile(gbk, 'csv'));
    expect(error.code).toBe('FILE_NOT_UTF8');
    expect(error.message).toContain('CSV UTF-8（逗号分隔）');
  });

  it('does not turn a final newline into a phantom row', async () => {
    expect((await parseRosterFile(csv('姓名\n王芳\n'), 'csv')).rows).toEqual([{ 姓名: '王芳' }]);
    expect((await parseRosterFile(csv('姓名\r\n王芳'), 'csv')).rows).toEqual([{ 姓名: '王芳' }]);
  });

  it('keeps blank lines as blank rows so that rows[i] is row i + 2', async () => {
    const text = ['姓名,项目', '张伟,100米', '', ',', '李娜,跳远', '', ''].join('\r\n');
    const sheet = await parseRosterFile(csv(text), 'csv');
    expect(sheet.rows).toEqual([
      { 姓名: '张伟', 项目: '100米' },
      { 姓名: '', 项目: '' },
      { 姓名: '', 项目: '' },
      { 姓名: '李娜', 项目: '跳远' },
      { 姓名: '', 项目: '' },
    ]);
  });

  it('counts a quoted cell spanning lines as one row, and blank lines inside it as none', async () => {
    const text = '姓名,备注\n王芳,"第一行\n\n第三行"\n\n李娜,\n';
    const sheet = await parseRosterFile(csv(text), 'csv');
    expect(sheet.rows).toEqual([
      { 姓名: '王芳', 备注: '第一行\n\n第三行' },
      { 姓名: '', 备注: '' },
      { 姓名: '李娜', 备注: '' },
    ]);
  });

  it('numbers rows right with the domain when blank rows sit between data rows', async () => {
    const lines = [HEADERS, 张伟, [], [], ['李娜', '未知', ...李娜.slice(2)]].map((r) => r.join(','));
    const result = validateRoster(await parseRosterFile(csv(lines.join('\n')), 'csv'), { today });
    expect(result.rows.map((r) => r.row)).toEqual([2]);
    expect(result.errors).toEqual([expect.objectContaining({ row: 5, field: '性别', code: 'GENDER_INVALID' })]);
  });

  it('tolerates short and long rows, and mixed line endings', async () => {
    const sheet = await parseRosterFile(csv('姓名,性别,项目\r\n王芳\n李娜,女,跳远,多余\r王五,男\r\n'), 'csv');
    expect(sheet.rows).toEqual([
      { 姓名: '王芳', 性别: '', 项目: '' },
      { 姓名: '李娜', 性别: '女', 项目: '跳远' },
      { 姓名: '王五', 性别: '男', 项目: '' },
    ]);
  });

  it('keeps an 18-digit resident ID as text (CSV has no numbers)', async () => {
    const sheet = await parseRosterFile(csv('身份证号\n330102199003071230\n'), 'csv');
    expect(sheet.rows[0].身份证号).toBe('330102199003071230');
  });

  it('rejects broken quoting as unreadable, naming the line', async () => {
    const error = await fileError(parseRosterFile(csv('姓名,备注\n王芳,"没有结束\n李娜,x\n'), 'csv'));
    expect(error.code).toBe('FILE_UNREADABLE');
    expect(error.message).toMatch(/第\d+行/);
  });

  it('rejects a file without a header row', async () => {
    for (const file of [Buffer.alloc(0), Buffer.from([0xef, 0xbb, 0xbf]), csv('\r\n\r\n'), csv(',,\n王芳,女\n'), csv('\n姓名\n王芳\n')]) {
      expect((await fileError(parseRosterFile(file, 'csv'))).code).toBe('FILE_EMPTY');
    }
  });

  it('parses 10,000 blank lines under the header quickly, and the domain reports the roster empty', async () => {
    const started = Date.now();
    const sheet = await parseRosterFile(csv(HEADERS.join(',') + '\r\n' + '\r\n'.repeat(10_000)), 'csv');
    expect(Date.now() - started).toBeLessThan(1000);
    expect(sheet.rows).toHaveLength(10_000);
    expect(sheet.rows.every(isBlankRecord)).toBe(true);
    expect(validateRoster(sheet, { today }).errors).toEqual([expect.objectContaining({ row: 0, code: 'ROSTER_EMPTY' })]);
  });

  it('rejects more than maxRows rows, counting blank lines including trailing ones', async () => {
    const withRows = (n: number) => csv('姓名\n王芳\n' + '\n'.repeat(n - 1));
    expect((await parseRosterFile(withRows(5), 'csv', { maxRows: 5 })).rows).toHaveLength(5);
    expect((await fileError(parseRosterFile(withRows(6), 'csv', { maxRows: 5 }))).code).toBe('FILE_TOO_MANY_ROWS');
    const dataRows = csv('姓名\n' + '王芳\n'.repeat(6));
    expect((await fileError(parseRosterFile(dataRows, 'csv', { maxRows: 5 }))).code).toBe('FILE_TOO_MANY_ROWS');
  });

  it('stops reading a huge file as soon as it exceeds maxRows', async () => {
    const huge = csv('姓名\n' + '王芳\n'.repeat(1_000_000));
    const started = Date.now();
    expect((await fileError(parseRosterFile(huge, 'csv', { maxRows: 100 }))).code).toBe('FILE_TOO_MANY_ROWS');
    expect(Date.now() - started).toBeLessThan(500);
  });

  it('defaults maxRows to 20,000', async () => {
    const rows = (n: number) => csv('姓名\n' + '\n'.repeat(n));
    expect((await parseRosterFile(rows(20_000), 'csv')).rows).toHaveLength(20_000);
    expect((await fileError(parseRosterFile(rows(20_001), 'csv'))).code).toBe('FILE_TOO_MANY_ROWS');
  });
});
