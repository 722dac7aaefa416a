import ExcelJS from 'exceljs';
import { validateRoster } from '../domain';
import { writeTable, type TableColumn, type TableRow } from './entries-export';
import { parseRosterFile } from './roster-file';

const columns: TableColumn[] = [
  { header: '号码', key: 'bib' },
  { header: '姓名', key: 'name', width: 20 },
  { header: '身份证号', key: 'residentId', width: 24 },
  { header: '成绩', key: 'score' },
  { header: '备注', key: 'note' },
];
const rows: TableRow[] = [
  { bib: 'A0001', name: '王芳', residentId: '33010219900307123X', score: 12.5, note: null },
  { bib: '0002', name: '阿依古丽·买买提', residentId: '650102197603150085', score: 3, note: '含,逗号 "引号"\n换行' },
];

async function loadSheet(file: Buffer): Promise<ExcelJS.Worksheet> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(file as unknown as ExcelJS.Buffer);
  return workbook.worksheets[0];
}

describe('writeTable — csv', () => {
  it('writes a BOM, a header row and CRLF-terminated rows, quoting where needed', async () => {
    const file = await writeTable('csv', columns, rows);
    expect([...file.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(file.subarray(3).toString('utf8')).toBe(
      '号码,姓名,身份证号,成绩,备注\r\n' +
        'A0001,王芳,\t33010219900307123X,12.5,\r\n' +
        '\t0002,阿依古丽·买买提,\t650102197603150085,3,"含,逗号 ""引号""\n换行"\r\n',
    );
  });

  it('writes only the header for no rows, and blanks for missing keys', async () => {
    const file = await writeTable('csv', columns.slice(0, 2), [{ bib: 'A0003' }]);
    expect(file.toString('utf8')).toBe('\ufeff号码,姓名\r\nA0003,\r\n');
    expect((await writeTable('csv', columns.slice(0, 2), [])).toString('utf8')).toBe('\ufeff号码,姓名\r\n');
  });
});

describe('writeTable — xlsx', () => {
  it('writes one sheet with a bold, frozen header row and the given or fitted widths', async () => {
    const sheet = await loadSheet(await writeTable('xlsx', columns, rows));
    expect(sheet.name).toBe('报名表');
    expect(sheet.getRow(1).values).toEqual([undefined, '号码', '姓名', '身份证号', '成绩', '备注']);
    expect(sheet.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(sheet.getRow(2).getCell(1).font?.bold).toBeFalsy();
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.getColumn(2).width).toBe(20);
    expect(sheet.getColumn(3).width).toBe(24);
    expect(sheet.getColumn(1).width).toBeGreaterThanOrEqual(8);
  });

  it('uses the given sheet name', async () => {
    expect((await loadSheet(await writeTable('xlsx', columns, [], '第一届职工运动会'))).name).toBe('第一届职工运动会');
  });

  it('writes strings as text cells, even when they look like numbers, and numbers as numbers', async () => {
    const sheet = await loadSheet(
      await writeTable('xlsx', [{ header: 'a', key: 'a' }, { header: 'b', key: 'b' }, { header: 'c', key: 'c' }, { header: 'd', key: 'd' }], [
        { a: '330102199003071230', b: '0012', c: 7, d: null },
        { a: '=1+1', b: '13812345678', c: 0, d: '' },
      ]),
    );
    const cell = (r: number, c: number) => sheet.getRow(r).getCell(c);
    expect([cell(2, 1).type, cell(2, 1).value]).toEqual([ExcelJS.ValueType.String, '330102199003071230']);
    expect([cell(2, 2).type, cell(2, 2).value]).toEqual([ExcelJS.ValueType.String, '0012']);
    expect([cell(2, 3).type, cell(2, 3).value]).toEqual([ExcelJS.ValueType.Number, 7]);
    expect(cell(2, 4).type).toBe(ExcelJS.ValueType.Null);
    // A user-typed "=…" must never become a formula in the export.
    expect([cell(3, 1).type, cell(3, 1).value]).toEqual([ExcelJS.ValueType.String, '=1+1']);
    expect([cell(3, 2).type, cell(3, 2).value]).toEqual([ExcelJS.ValueType.String, '13812345678']);
    expect([cell(3, 3).type, cell(3, 3).value]).toEqual([ExcelJS.ValueType.Number, 0]);
  });
});

describe('writeTable — csv cells Excel would misread', () => {
  it('keeps long digit strings, leading zeros and formula-like text as text', async () => {
    const file = await writeTable('csv', [{ header: 'v', key: 'v' }], [{ v: '=HYPERLINK("x")' }, { v: '13812345678' }, { v: '0002' }, { v: '王芳' }, { v: 42 }]);
    expect(file.subarray(3).toString('utf8').split('\r\n').slice(1, 6)).toEqual(['"\t=HYPERLINK(""x"")"', '\t13812345678', '\t0002', '王芳', '42']);
  });
});

describe('writeTable → parseRosterFile round trip', () => {
  it.each(['xlsx', 'csv'] as const)('keeps Chinese names, IDs and bibs intact (%s)', async (format) => {
    const sheet = await parseRosterFile(await writeTable(format, columns, rows), format);
    expect(sheet.headers).toEqual(['号码', '姓名', '身份证号', '成绩', '备注']);
    // CSV cells that Excel would turn into numbers carry a leading tab; the roster import trims it.
    const text = (v: unknown) => (typeof v === 'string' ? v.replace(/^\t/, '') : v);
    expect(sheet.rows.map((r) => [text(r.号码), r.姓名, text(r.身份证号), r.备注])).toEqual([
      ['A0001', '王芳', '33010219900307123X', ''],
      ['0002', '阿依古丽·买买提', '650102197603150085', '含,逗号 "引号"\n换行'],
    ]);
    // Only xlsx has number cells; CSV is text throughout.
    expect(sheet.rows.map((r) => r.成绩)).toEqual(format === 'xlsx' ? [12.5, 3] : ['12.5', '3']);
  });

  it.each(['xlsx', 'csv'] as const)('produces a roster the domain accepts (%s)', async (format) => {
    const roster: TableColumn[] = ['姓名', '性别', '出生日期', '手机号', '身份证号', '工会会员号', '项目'].map((h) => ({ header: h, key: h }));
    const people: TableRow[] = [
      { 姓名: '王芳', 性别: '女', 出生日期: '1990-03-07', 手机号: '13987654321', 身份证号: '330102199003071249', 工会会员号: null, 项目: '跳远' },
      { 姓名: '阿依古丽·买买提', 性别: '女', 出生日期: '1976-03-15', 手机号: '15900001111', 身份证号: '650102197603150085', 工会会员号: 'HZ001', 项目: '太极拳' },
    ];
    const result = validateRoster(await parseRosterFile(await writeTable(format, roster, people), format), { today: '2026-11-21' });
    expect(result.errors).toEqual([]);
    expect(result.rows.map((r) => [r.row, r.name, r.residentId])).toEqual([
      [2, '王芳', '330102199003071249'],
      [3, '阿依古丽·买买提', '650102197603150085'],
    ]);
  });
});
