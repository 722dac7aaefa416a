/**
 * Citizen identity number of the People's Republic of China, GB 11643-1999
 * 《公民身份号码》: 6-digit address code (GB/T 2260), 8-digit birth date
 * YYYYMMDD, 3-digit sequence code (odd for men, even for women) and one check
 * character computed with ISO 7064:1983 MOD 11-2.
 *
 * The same layout is used by the residence permits for Hong Kong, Macao and
 * Taiwan residents (address codes 81/82/83), which union members may hold.
 */
import { formatIsoDate, isRealCalendarDate, type IsoDate, compareIsoDates } from './dates';
import type { Gender } from './gender';
import { fail, ok, type Result } from './result';

export type ResidentIdErrorCode =
  | 'RESIDENT_ID_REQUIRED'
  | 'RESIDENT_ID_FORMAT'
  | 'RESIDENT_ID_CHECKSUM'
  | 'RESIDENT_ID_BIRTH_DATE_INVALID'
  | 'RESIDENT_ID_BIRTH_DATE_FUTURE'
  | 'RESIDENT_ID_BIRTH_DATE_TOO_EARLY'
  | 'RESIDENT_ID_REGION_INVALID';

export interface ResidentIdInfo {
  /** Normalised form: 18 characters, upper-case X. */
  readonly id: string;
  readonly regionCode: string;
  readonly birthDate: IsoDate;
  readonly gender: Gender;
}

export interface ResidentIdOptions {
  /** Today's date in China (see `shanghaiToday`); birth dates after it are refused. */
  readonly today: IsoDate;
  /** Also require the first two digits to be a province-level code. Default false. */
  readonly checkProvince?: boolean;
}

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = '10X98765432';
const EARLIEST_BIRTH_DATE = '1900-01-01';

/**
 * Province-level codes of GB/T 2260 plus 83, which the Taiwan residents'
 * residence permit uses in place of 71.
 */
export const PROVINCE_CODES: ReadonlySet<string> = new Set([
  '11', '12', '13', '14', '15',
  '21', '22', '23',
  '31', '32', '33', '34', '35', '36', '37',
  '41', '42', '43', '44', '45', '46',
  '50', '51', '52', '53', '54',
  '61', '62', '63', '64', '65',
  '71', '81', '82', '83',
]);

const FULL_WIDTH_OFFSET = 0xff10 - 0x30;

/**
 * Trim and upper-case; also fold full-width digits and Ｘ/ｘ, which Chinese
 * input methods produce and which are otherwise invisible to the user.
 */
export function normalizeResidentId(raw: string): string {
  return raw
    .trim()
    .replace(/[\uff10-\uff19]/g, (c) => String.fromCharCode(c.charCodeAt(0) - FULL_WIDTH_OFFSET))
    .replace(/[\uff38\uff58]/g, 'X')
    .toUpperCase();
}

/** Check character for the first 17 digits. */
export function residentIdCheckChar(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new RangeError('residentIdCheckChar expects exactly 17 digits');
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i];
  return CHECK_CHARS[sum % 11];
}

export function validateResidentId(raw: string, options: ResidentIdOptions): Result<ResidentIdInfo, ResidentIdErrorCode> {
  const id = normalizeResidentId(raw);
  if (id === '') return fail('RESIDENT_ID_REQUIRED', '身份证号不能为空');
  if (!/^\d{17}[\dX]$/.test(id)) {
    return fail('RESIDENT_ID_FORMAT', '身份证号格式不正确，应为18位，前17位为数字，最后一位为数字或X');
  }
  if (residentIdCheckChar(id.slice(0, 17)) !== id[17]) {
    return fail('RESIDENT_ID_CHECKSUM', '身份证号校验位不正确，请核对是否有输错的数字');
  }
  const year = Number(id.slice(6, 10));
  const month = Number(id.slice(10, 12));
  const day = Number(id.slice(12, 14));
  if (!isRealCalendarDate(year, month, day)) {
    return fail('RESIDENT_ID_BIRTH_DATE_INVALID', '身份证号中的出生日期不是有效日期');
  }
  const birthDate = formatIsoDate({ year, month, day });
  if (compareIsoDates(birthDate, options.today) > 0) {
    return fail('RESIDENT_ID_BIRTH_DATE_FUTURE', '身份证号中的出生日期晚于今天');
  }
  if (compareIsoDates(birthDate, EARLIEST_BIRTH_DATE) < 0) {
    return fail('RESIDENT_ID_BIRTH_DATE_TOO_EARLY', '身份证号中的出生日期早于1900年');
  }
  if (options.checkProvince && !PROVINCE_CODES.has(id.slice(0, 2))) {
    return fail('RESIDENT_ID_REGION_INVALID', '身份证号前两位不是有效的省级行政区划代码');
  }
  return ok({
    id,
    regionCode: id.slice(0, 6),
    birthDate,
    gender: Number(id[16]) % 2 === 1 ? 'male' : 'female',
  });
}

/**
 * '330102********1234': enough to let a person recognise their own number on
 * a roster or receipt, not enough to reuse it. Input that is not 18 characters
 * is still masked rather than echoed back.
 */
export function maskResidentId(id: string): string {
  const v = normalizeResidentId(id);
  if (v.length <= 10) return '*'.repeat(v.length);
  return `${v.slice(0, 6)}${'*'.repeat(v.length - 10)}${v.slice(-4)}`;
}
