import { excelSerialToIsoDate, parseRosterDate, validateRoster, type RosterSheet } from './roster';

const today = '2026-11-21';
const HEADERS = ['姓名', '性别', '出生日期', '手机号', '身份证号', '工会会员号', '项目'];

type Cells = Record<string, unknown>;
const 张伟: Cells = { 姓名: '张伟', 性别: '男', 出生日期: '1990-03-07', 手机号: '13812345678', 身份证号: '330102199003071230', 工会会员号: 'HZ2024000123', 项目: '100米' };
const 李娜: Cells = { 姓名: '李娜', 性别: '女', 出生日期: '1990-03-07', 手机号: '13987654321', 身份证号: '330102199003071249', 工会会员号: '', 项目: '跳远、4×100米接力' };
const 王芳: Cells = { 姓名: '王芳', 性别: '女', 出生日期: 27834, 手机号: 15900001111, 身份证号: '650102197603150085', 工会会员号: null, 项目: '太极拳' };

function roster(rows: Cells[], headers = HEADERS): RosterSheet {
  return { headers, rows };
}

describe('validateRoster', () => {
  it('returns valid rows with Excel row numbers and normalised values', () => {
    const result = validateRoster(roster([张伟, 李娜, 王芳]), { today });
    expect(result.errors).toEqual([]);
    expect(result.rows).toEqual([
      { row: 2, name: '张伟', gender: 'male', birthDate: '1990-03-07', mobile: '13812345678', residentId: '330102199003071230', unionMemberNo: 'HZ2024000123', items: ['100米'] },
      { row: 3, name: '李娜', gender: 'female', birthDate: '1990-03-07', mobile: '13987654321', residentId: '330102199003071249', unionMemberNo: null, items: ['跳远', '4×100米接力'] },
      { row: 4, name: '王芳', gender: 'female', birthDate: '1976-03-15', mobile: '15900001111', residentId: '650102197603150085', unionMemberNo: null, items: ['太极拳'] },
    ]);
  });

  describe('columns', () => {
    it('reports every missing column on the header row and validates no rows', () => {
      const headers = ['姓名', '性别', '出生日期', '项目'];
      expect(validateRoster(roster([张伟], headers), { today })).toEqual({
        rows: [],
        errors: [
          { row: 1, field: '手机号', code: 'ROSTER_COLUMN_MISSING', message: '缺少必需的列“手机号”' },
          { row: 1, field: '身份证号', code: 'ROSTER_COLUMN_MISSING', message: '缺少必需的列“身份证号”' },
          { row: 1, field: '工会会员号', code: 'ROSTER_COLUMN_MISSING', message: '缺少必需的列“工会会员号”' },
        ],
      });
    });

    it('reports a column that appears twice', () => {
      expect(validateRoster(roster([张伟], [...HEADERS, '姓名 ']), { today }).errors).toEqual([
        { row: 1, field: '姓名', code: 'ROSTER_COLUMN_DUPLICATE', message: '列“姓名”出现了多次' },
      ]);
    });

    it('tolerates spaces around header text and extra columns', () => {
      const headers = [' 姓名', '性别 ', '出生日期', '手机号', '身份证号', '工会会员号', '项目', '备注'];
      const row = { ' 姓名': '张伟', '性别 ': '男', 出生日期: '1990-03-07', 手机号: '13812345678', 身份证号: '330102199003071230', 工会会员号: '', 项目: '100米', 备注: '队长' };
      const result = validateRoster(roster([row], headers), { today });
      expect(result.errors).toEqual([]);
      expect(result.rows[0].name).toBe('张伟');
    });
  });

  describe('empty rows and file size', () => {
    it('skips blank rows but keeps Excel numbering', () => {
      const blank = { 姓名: '', 性别: '  ', 出生日期: null, 手机号: undefined, 身份证号: '', 工会会员号: '', 项目: '' };
      const result = validateRoster(roster([张伟, blank, {}, 李娜]), { today });
      expect(result.errors).toEqual([]);
      expect(result.rows.map((r) => r.row)).toEqual([2, 5]);
    });

    it('treats a row with text only in an extra column as blank', () => {
      const result = validateRoster(roster([张伟, { 备注: '以上为第一批' }], [...HEADERS, '备注']), { today });
      expect(result.errors).toEqual([]);
      expect(result.rows).toHaveLength(1);
    });

    it('refuses a file with no data rows', () => {
      const expected = { rows: [], errors: [{ row: 0, field: null, code: 'ROSTER_EMPTY', message: '名单中没有任何数据行' }] };
      expect(validateRoster(roster([]), { today })).toEqual(expected);
      expect(validateRoster(roster([{}, { 姓名: ' ' }]), { today })).toEqual(expected);
    });

    it('refuses more than 5,000 data rows', () => {
      const rows = Array.from({ length: 5001 }, () => 张伟);
      expect(validateRoster(roster(rows), { today })).toEqual({
        rows: [],
        errors: [{ row: 0, field: null, code: 'ROSTER_TOO_MANY_ROWS', message: '名单最多5000行数据，当前为5001行，请拆分后分批导入' }],
      });
    });

    it('accepts exactly 5,000 data rows (blank rows do not count)', () => {
      const rows: Cells[] = Array.from({ length: 5000 }, () => 张伟);
      rows.push({}, {});
      const result = validateRoster(roster(rows), { today });
      expect(result.errors.some((e) => e.code === 'ROSTER_TOO_MANY_ROWS')).toBe(false);
      // Same person 5,000 times: the first row is valid, the rest are duplicates.
      expect(result.rows).toHaveLength(1);
      expect(result.errors).toHaveLength(4999);
    });

    it('honours a smaller configured cap', () => {
      expect(validateRoster(roster([张伟, 李娜, 王芳]), { today, maxRows: 2 }).errors[0].message).toBe(
        '名单最多2行数据，当前为3行，请拆分后分批导入',
      );
    });
  });

  describe('姓名', () => {
    const errorsFor = (name: unknown) => validateRoster(roster([{ ...张伟, 姓名: name }]), { today }).errors;

    it('requires a name', () => {
      expect(errorsFor('  ')).toEqual([{ row: 2, field: '姓名', code: 'NAME_REQUIRED', message: '姓名不能为空' }]);
    });

    it.each([['John Smith'], ['张3'], ['张伟A'], ['张·'], ['·张伟']])('refuses %p', (name) => {
      expect(errorsFor(name)).toEqual([{ row: 2, field: '姓名', code: 'NAME_INVALID', message: '姓名须为中文汉字，少数民族姓名可用“·”分隔' }]);
    });

    it('accepts minority names with a middle dot, normalising look-alike dots', () => {
      const row = { ...李娜, 姓名: '阿依古丽•买买提', 出生日期: '2000-02-29', 身份证号: '440304200002290022' };
      const result = validateRoster(roster([row]), { today });
      expect(result.errors).toEqual([]);
      expect(result.rows[0].name).toBe('阿依古丽·买买提');
    });

    it('removes alignment spaces inside two-character names', () => {
      const result = validateRoster(roster([{ ...王芳, 姓名: '王　芳' }]), { today });
      expect(result.rows[0].name).toBe('王芳');
    });

    it('accepts 30 characters and refuses 31', () => {
      expect(errorsFor('欧'.repeat(30))).toEqual([]);
      expect(errorsFor('欧'.repeat(31))).toEqual([{ row: 2, field: '姓名', code: 'NAME_TOO_LONG', message: '姓名不能超过30个字' }]);
    });
  });

  describe('性别', () => {
    it('requires 男 or 女', () => {
      const result = validateRoster(roster([{ ...张伟, 性别: '男性' }, { ...李娜, 性别: '' }]), { today });
      expect(result.errors).toEqual([
        { row: 2, field: '性别', code: 'GENDER_INVALID', message: '性别须填写“男”或“女”' },
        { row: 3, field: '性别', code: 'GENDER_REQUIRED', message: '性别不能为空' },
      ]);
    });

    it('refuses a gender that contradicts the ID number', () => {
      expect(validateRoster(roster([{ ...张伟, 性别: '女' }]), { today }).errors).toEqual([
        { row: 2, field: '身份证号', code: 'RESIDENT_ID_GENDER_MISMATCH', message: '身份证号显示性别为男，与性别列“女”不一致' },
      ]);
    });
  });

  describe('出生日期', () => {
    const errorsFor = (value: unknown) => validateRoster(roster([{ ...张伟, 出生日期: value }]), { today }).errors;

    it('accepts an Excel serial date', () => {
      expect(errorsFor(32939)).toEqual([]);
    });

    it('accepts 1990/3/7 as typed by hand', () => {
      expect(errorsFor('1990/3/7')).toEqual([]);
    });

    it('requires a value', () => {
      expect(errorsFor(null)).toEqual([{ row: 2, field: '出生日期', code: 'BIRTH_DATE_REQUIRED', message: '出生日期不能为空' }]);
    });

    it.each([['1990-02-30'], ['1990年3月7日'], ['19900307'], ['1990-03/07'], [true], [-5]])('refuses %p', (value) => {
      expect(errorsFor(value)).toEqual([
        { row: 2, field: '出生日期', code: 'BIRTH_DATE_INVALID', message: '出生日期格式不正确，应为YYYY-MM-DD格式的有效日期（如1990-01-31）' },
      ]);
    });

    it('refuses a future date', () => {
      expect(errorsFor('2026-11-22')).toEqual([{ row: 2, field: '出生日期', code: 'BIRTH_DATE_FUTURE', message: '出生日期晚于今天' }]);
    });

    it('refuses a date before 1900', () => {
      expect(errorsFor('1899-12-31')).toEqual([{ row: 2, field: '出生日期', code: 'BIRTH_DATE_TOO_EARLY', message: '出生日期早于1900年' }]);
    });

    it('refuses a date that contradicts the ID number', () => {
      expect(errorsFor('1990-03-08')).toEqual([
        { row: 2, field: '身份证号', code: 'RESIDENT_ID_BIRTH_DATE_MISMATCH', message: '身份证号中的出生日期（1990-03-07）与出生日期列（1990-03-08）不一致' },
      ]);
    });

    it('matches a 29 February birth date given as an Excel serial', () => {
      const row = { ...李娜, 出生日期: 36585, 身份证号: '440304200002290022' };
      expect(validateRoster(roster([row]), { today }).rows[0].birthDate).toBe('2000-02-29');
    });
  });

  describe('身份证号', () => {
    const errorsFor = (value: unknown) => validateRoster(roster([{ ...张伟, 身份证号: value }]), { today }).errors;

    it('reports the ID validation failure against the column', () => {
      expect(errorsFor('330102199003071231')).toEqual([
        { row: 2, field: '身份证号', code: 'RESIDENT_ID_CHECKSUM', message: '身份证号校验位不正确，请核对是否有输错的数字' },
      ]);
      expect(errorsFor('')).toEqual([{ row: 2, field: '身份证号', code: 'RESIDENT_ID_REQUIRED', message: '身份证号不能为空' }]);
    });

    it('explains an ID that Excel turned into a number', () => {
      expect(errorsFor(330102199003071230)).toEqual([
        { row: 2, field: '身份证号', code: 'RESIDENT_ID_NUMERIC_CELL', message: '身份证号被Excel存成了数字，末几位已丢失，请将该列设为文本格式后重新填写' },
      ]);
    });

    it('checks the province code when asked', () => {
      const row = { ...张伟, 身份证号: '990102199003071233' };
      expect(validateRoster(roster([row]), { today }).errors).toEqual([]);
      expect(validateRoster(roster([row]), { today, checkResidentIdProvince: true }).errors).toEqual([
        { row: 2, field: '身份证号', code: 'RESIDENT_ID_REGION_INVALID', message: '身份证号前两位不是有效的省级行政区划代码' },
      ]);
    });

    it('accepts a lower-case x and stores it upper-case', () => {
      const row = { ...李娜, 姓名: '刘秀英', 出生日期: '1949-12-31', 身份证号: '11010519491231002x' };
      expect(validateRoster(roster([row]), { today }).rows[0].residentId).toBe('11010519491231002X');
    });

    it('refuses a duplicate ID inside the file, naming the first row', () => {
      const result = validateRoster(roster([张伟, 李娜, { ...张伟, 姓名: '张卫', 身份证号: ' 330102199003071230 ' }]), { today });
      expect(result.errors).toEqual([{ row: 4, field: '身份证号', code: 'RESIDENT_ID_DUPLICATE', message: '身份证号与第2行重复' }]);
      expect(result.rows.map((r) => r.row)).toEqual([2, 3]);
    });

    it('reports a duplicate even when the first occurrence has other errors', () => {
      // Fixing row 2 would still leave the person in the file twice.
      const result = validateRoster(roster([{ ...张伟, 手机号: '123' }, 张伟]), { today });
      expect(result.errors.map((e) => [e.row, e.code])).toEqual([
        [2, 'MOBILE_FORMAT'],
        [3, 'RESIDENT_ID_DUPLICATE'],
      ]);
    });
  });

  describe('手机号, 工会会员号 and 项目', () => {
    it('validates the mobile number', () => {
      const result = validateRoster(roster([{ ...张伟, 手机号: '12812345678' }, { ...李娜, 手机号: '' }]), { today });
      expect(result.errors).toEqual([
        { row: 2, field: '手机号', code: 'MOBILE_FORMAT', message: '手机号格式不正确，应为以1开头的11位中国大陆手机号' },
        { row: 3, field: '手机号', code: 'MOBILE_REQUIRED', message: '手机号不能为空' },
      ]);
    });

    it('limits the union member number to 32 characters', () => {
      expect(validateRoster(roster([{ ...张伟, 工会会员号: 'H'.repeat(33) }]), { today }).errors).toEqual([
        { row: 2, field: '工会会员号', code: 'UNION_MEMBER_NO_TOO_LONG', message: '工会会员号不能超过32个字符' },
      ]);
    });

    it('requires at least one item and splits and de-duplicates the list', () => {
      const result = validateRoster(roster([{ ...张伟, 项目: ' 、，' }, { ...李娜, 项目: '跳远，跳远; 4×100米接力' }]), { today });
      expect(result.errors).toEqual([{ row: 2, field: '项目', code: 'ITEMS_REQUIRED', message: '项目不能为空' }]);
      expect(result.rows[0].items).toEqual(['跳远', '4×100米接力']);
    });
  });

  it('reports every error in a row and leaves the row out', () => {
    const bad = { 姓名: 'Tom', 性别: 'M', 出生日期: '3000-01-01', 手机号: '110', 身份证号: '123', 工会会员号: '', 项目: '' };
    const result = validateRoster(roster([bad, 李娜]), { today });
    expect(result.rows.map((r) => r.row)).toEqual([3]);
    expect(result.errors.map((e) => `${e.row}:${e.field}:${e.code}`)).toEqual([
      '2:姓名:NAME_INVALID',
      '2:性别:GENDER_INVALID',
      '2:出生日期:BIRTH_DATE_FUTURE',
      '2:身份证号:RESIDENT_ID_FORMAT',
      '2:手机号:MOBILE_FORMAT',
      '2:项目:ITEMS_REQUIRED',
    ]);
  });
});

describe('excelSerialToIsoDate', () => {
  it.each([
    [1, '1900-01-01'],
    [59, '1900-02-28'],
    [61, '1900-03-01'],
    [32939, '1990-03-07'],
    [36585, '2000-02-29'],
    [32939.75, '1990-03-07'],
    [2958465, '9999-12-31'],
  ])('%p → %s', (serial, iso) => {
    expect(excelSerialToIsoDate(serial)).toBe(iso);
  });

  it.each([[0], [60], [-1], [2958466], [Number.NaN], [Number.POSITIVE_INFINITY]])('%p → null', (serial) => {
    expect(excelSerialToIsoDate(serial)).toBeNull();
  });
});

describe('parseRosterDate', () => {
  it('accepts ISO dates and tolerant variants', () => {
    expect(parseRosterDate('1990-03-07')).toBe('1990-03-07');
    expect(parseRosterDate(' 1990-3-7 ')).toBe('1990-03-07');
    expect(parseRosterDate('1990/03/07')).toBe('1990-03-07');
  });

  it('refuses other types and non-dates', () => {
    expect(parseRosterDate(new Date('1990-03-07'))).toBeNull();
    expect(parseRosterDate('2026-02-29')).toBeNull();
    expect(parseRosterDate(null)).toBeNull();
  });
});
