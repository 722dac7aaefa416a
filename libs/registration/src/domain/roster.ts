/**
 * Validation of a delegation's roster spreadsheet before bulk import. The
 * caller parses the file (keeping blank rows, so that index i of `rows` is
 * Excel row i + 2) and hands over plain objects keyed by header text.
 */
import { compareIsoDates, formatIsoDate, isRealCalendarDate, type IsoDate } from './dates';
import { GENDER_LABELS, parseGenderLabel, type Gender } from './gender';
import { validateMobile } from './mobile';
import { validateResidentId } from './resident-id';

export const ROSTER_COLUMNS = {
  name: '姓名',
  gender: '性别',
  birthDate: '出生日期',
  mobile: '手机号',
  residentId: '身份证号',
  unionMemberNo: '工会会员号',
  items: '项目',
} as const;

export type RosterField = keyof typeof ROSTER_COLUMNS;
export type RosterColumn = (typeof ROSTER_COLUMNS)[RosterField];

const FIELDS = Object.keys(ROSTER_COLUMNS) as RosterField[];

export const MAX_ROSTER_ROWS = 5000;
export const MAX_NAME_LENGTH = 30;
export const MAX_UNION_MEMBER_NO_LENGTH = 32;
const EARLIEST_BIRTH_DATE = '1900-01-01';

export interface RosterSheet {
  readonly headers: readonly string[];
  readonly rows: readonly Readonly<Record<string, unknown>>[];
}

export interface RosterOptions {
  /** Today in China (see `shanghaiToday`). */
  readonly today: IsoDate;
  readonly maxRows?: number;
  /** Passed to `validateResidentId`. Default false. */
  readonly checkResidentIdProvince?: boolean;
}

export interface ValidRosterRow {
  /** Excel row number, for linking later failures (e.g. eligibility) back to the file. */
  readonly row: number;
  readonly name: string;
  readonly gender: Gender;
  readonly birthDate: IsoDate;
  readonly mobile: string;
  readonly residentId: string;
  readonly unionMemberNo: string | null;
  /** Item names as typed, split on 、 , ， ; ；, de-duplicated. The caller maps them to items. */
  readonly items: readonly string[];
}

export interface RosterError {
  /** Excel row as the user sees it: header is row 1. File-level errors use row 0. */
  readonly row: number;
  /** Column header, or null for file-level errors. */
  readonly field: RosterColumn | null;
  readonly code: string;
  readonly message: string;
}

export interface RosterValidation {
  readonly rows: readonly ValidRosterRow[];
  readonly errors: readonly RosterError[];
}

const HEADER_ROW = 1;
const FILE_LEVEL = 0;

export function validateRoster(sheet: RosterSheet, options: RosterOptions): RosterValidation {
  const maxRows = options.maxRows ?? MAX_ROSTER_ROWS;
  const headerErrors: RosterError[] = [];
  const keyOf = new Map<RosterField, string>();
  for (const field of FIELDS) {
    const column = ROSTER_COLUMNS[field];
    // Header cells often carry stray spaces ("姓名 "), which the user cannot see.
    const matches = sheet.headers.filter((h) => h.trim() === column);
    if (matches.length === 0) {
      headerErrors.push({ row: HEADER_ROW, field: column, code: 'ROSTER_COLUMN_MISSING', message: `缺少必需的列“${column}”` });
    } else if (matches.length > 1) {
      headerErrors.push({ row: HEADER_ROW, field: column, code: 'ROSTER_COLUMN_DUPLICATE', message: `列“${column}”出现了多次` });
    } else {
      keyOf.set(field, matches[0]);
    }
  }
  // Without every column each row would fail the same way; one message per column is clearer.
  if (headerErrors.length > 0) return { rows: [], errors: headerErrors };

  const cell = (raw: Readonly<Record<string, unknown>>, field: RosterField): unknown => raw[keyOf.get(field)!];
  const dataRows: { row: number; raw: Readonly<Record<string, unknown>> }[] = [];
  sheet.rows.forEach((raw, i) => {
    if (FIELDS.some((f) => !isBlank(cell(raw, f)))) dataRows.push({ row: i + HEADER_ROW + 1, raw });
  });

  if (dataRows.length === 0) {
    return { rows: [], errors: [{ row: FILE_LEVEL, field: null, code: 'ROSTER_EMPTY', message: '名单中没有任何数据行' }] };
  }
  if (dataRows.length > maxRows) {
    return {
      rows: [],
      errors: [{
        row: FILE_LEVEL,
        field: null,
        code: 'ROSTER_TOO_MANY_ROWS',
        message: `名单最多${maxRows}行数据，当前为${dataRows.length}行，请拆分后分批导入`,
      }],
    };
  }

  const rows: ValidRosterRow[] = [];
  const errors: RosterError[] = [];
  const firstRowById = new Map<string, number>();
  for (const { row, raw } of dataRows) {
    const rowErrors: RosterError[] = [];
    const err = (field: RosterField, code: string, message: string) =>
      rowErrors.push({ row, field: ROSTER_COLUMNS[field], code, message });

    const name = checkName(cell(raw, 'name'), (c, m) => err('name', c, m));
    const gender = checkGender(cell(raw, 'gender'), (c, m) => err('gender', c, m));
    const birthDate = checkBirthDate(cell(raw, 'birthDate'), options.today, (c, m) => err('birthDate', c, m));
    const residentId = checkResidentId(cell(raw, 'residentId'), options, (c, m) => err('residentId', c, m));

    if (residentId) {
      if (birthDate && residentId.birthDate !== birthDate) {
        err('residentId', 'RESIDENT_ID_BIRTH_DATE_MISMATCH', `身份证号中的出生日期（${residentId.birthDate}）与出生日期列（${birthDate}）不一致`);
      }
      if (gender && residentId.gender !== gender) {
        err('residentId', 'RESIDENT_ID_GENDER_MISMATCH', `身份证号显示性别为${GENDER_LABELS[residentId.gender]}，与性别列“${GENDER_LABELS[gender]}”不一致`);
      }
      const first = firstRowById.get(residentId.id);
      if (first !== undefined) {
        err('residentId', 'RESIDENT_ID_DUPLICATE', `身份证号与第${first}行重复`);
      } else {
        firstRowById.set(residentId.id, row);
      }
    }

    const mobileResult = validateMobile(text(cell(raw, 'mobile')));
    if (!mobileResult.ok) err('mobile', mobileResult.error.code, mobileResult.error.message);

    const unionMemberNo = text(cell(raw, 'unionMemberNo'));
    if ([...unionMemberNo].length > MAX_UNION_MEMBER_NO_LENGTH) {
      err('unionMemberNo', 'UNION_MEMBER_NO_TOO_LONG', `工会会员号不能超过${MAX_UNION_MEMBER_NO_LENGTH}个字符`);
    }

    const items = [...new Set(text(cell(raw, 'items')).split(/[、,，;；]/).map((s) => s.trim()).filter((s) => s !== ''))];
    if (items.length === 0) err('items', 'ITEMS_REQUIRED', '项目不能为空');

    if (rowErrors.length > 0) {
      errors.push(...rowErrors);
      continue;
    }
    rows.push({
      row,
      name: name!,
      gender: gender!,
      birthDate: birthDate!,
      mobile: mobileResult.ok ? mobileResult.value : '',
      residentId: residentId!.id,
      unionMemberNo: unionMemberNo === '' ? null : unionMemberNo,
      items,
    });
  }
  return { rows, errors };
}

type Report = (code: string, message: string) => void;

function isBlank(value: unknown): boolean {
  return value == null || (typeof value === 'string' && value.trim() === '');
}

function text(value: unknown): string {
  if (value == null) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  return String(value).trim();
}

// '·' joins the parts of transliterated minority names (阿依古丽·买买提); people type several look-alikes.
const NAME_DOTS = /[•・‧∙⋅]/g;
const CHINESE_NAME = /^\p{Script=Han}+(?:·\p{Script=Han}+)*$/u;

function checkName(value: unknown, report: Report): string | null {
  // Internal spaces are how two-character names get aligned with three-character ones in Excel ("王  芳").
  const name = text(value).replace(/\s+/g, '').replace(NAME_DOTS, '·');
  if (name === '') return report('NAME_REQUIRED', '姓名不能为空'), null;
  if ([...name].length > MAX_NAME_LENGTH) return report('NAME_TOO_LONG', `姓名不能超过${MAX_NAME_LENGTH}个字`), null;
  if (!CHINESE_NAME.test(name)) return report('NAME_INVALID', '姓名须为中文汉字，少数民族姓名可用“·”分隔'), null;
  return name;
}

function checkGender(value: unknown, report: Report): Gender | null {
  const v = text(value);
  if (v === '') return report('GENDER_REQUIRED', '性别不能为空'), null;
  const gender = parseGenderLabel(v);
  if (!gender) report('GENDER_INVALID', '性别须填写“男”或“女”');
  return gender;
}

const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;
const MAX_EXCEL_SERIAL = 2_958_465; // 9999-12-31

/**
 * Excel's 1900 date system: serial 1 is 1900-01-01 and serial 60 is the
 * non-existent 1900-02-29 that Excel keeps for Lotus 1-2-3 compatibility, so
 * serials from 61 on are one day ahead of a plain day count. Any time-of-day
 * fraction is dropped. Returns null for serials that name no real date.
 */
export function excelSerialToIsoDate(serial: number): IsoDate | null {
  if (!Number.isFinite(serial)) return null;
  const whole = Math.floor(serial);
  if (whole < 1 || whole > MAX_EXCEL_SERIAL || whole === 60) return null;
  const days = whole < 60 ? whole + 1 : whole;
  return new Date(EXCEL_EPOCH_MS + days * DAY_MS).toISOString().slice(0, 10);
}

/** 'YYYY-MM-DD' (single-digit month/day and '/' tolerated) or an Excel serial number. */
export function parseRosterDate(value: unknown): IsoDate | null {
  if (typeof value === 'number') return excelSerialToIsoDate(value);
  if (typeof value !== 'string') return null;
  const m = /^(\d{4})([-/])(\d{1,2})\2(\d{1,2})$/.exec(value.trim());
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[3]), Number(m[4])];
  return isRealCalendarDate(year, month, day) ? formatIsoDate({ year, month, day }) : null;
}

function checkBirthDate(value: unknown, today: IsoDate, report: Report): IsoDate | null {
  if (isBlank(value)) return report('BIRTH_DATE_REQUIRED', '出生日期不能为空'), null;
  const date = parseRosterDate(value);
  if (!date) return report('BIRTH_DATE_INVALID', '出生日期格式不正确，应为YYYY-MM-DD格式的有效日期（如1990-01-31）'), null;
  if (compareIsoDates(date, today) > 0) return report('BIRTH_DATE_FUTURE', '出生日期晚于今天'), null;
  if (compareIsoDates(date, EARLIEST_BIRTH_DATE) < 0) return report('BIRTH_DATE_TOO_EARLY', '出生日期早于1900年'), null;
  return date;
}

function checkResidentId(value: unknown, options: RosterOptions, report: Report) {
  // Excel stores an 18-digit number as a float and zeroes its last digits; the original cannot be recovered.
  if (typeof value === 'number') {
    report('RESIDENT_ID_NUMERIC_CELL', '身份证号被Excel存成了数字，末几位已丢失，请将该列设为文本格式后重新填写');
    return null;
  }
  const result = validateResidentId(text(value), { today: options.today, checkProvince: options.checkResidentIdProvince });
  if (!result.ok) return report(result.error.code, result.error.message), null;
  return result.value;
}
