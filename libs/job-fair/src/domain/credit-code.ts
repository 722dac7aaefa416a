/**
 * Unified social credit code (统一社会信用代码), GB 32100-2015
 * 《法人和其他组织统一社会信用代码编码规则》. Its code-structure clause lays out 18 characters in five
 * parts: position 1 registration authority code (登记管理部门代码), position 2 organisation type code
 * (机构类别代码), positions 3–8 the registering authority's administrative division (GB/T 2260),
 * positions 9–17 the subject identifier, which is the organisation code of GB 11714 (8 characters
 * and its own check character), and position 18 the check character. The character set is the 31
 * characters 0-9 and A-Z without I, O, Z, S, V, valued 0–30 in the order of CHARSET below.
 */
import { JobFairDomainError, JobFairErrorCode } from './job-fair-error';

export const CREDIT_CODE_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

export interface CreditCodeInfo {
  /** Normalised form: 18 upper-case half-width characters. */
  readonly code: string;
  readonly authorityCode: string;
  /** Name of the registration authority, null when the code is not one of those listed below. */
  readonly authority: string | null;
  readonly typeCode: string;
  readonly divisionCode: string;
  readonly organizationCode: string;
}

/**
 * Registration authority codes of the standard's table. Unknown ones are not refused: the table
 * has been extended since publication (A, N), and the checksum already catches typing mistakes.
 */
const AUTHORITIES: Readonly<Record<string, string>> = {
  '1': '机构编制',
  '2': '外交',
  '3': '司法行政',
  '4': '文化',
  '5': '民政',
  '6': '旅游',
  '7': '宗教',
  '8': '工会',
  '9': '工商',
  A: '中央军委改革和编制办公室',
  N: '农业',
  Y: '其他',
};

/** Weights W(i) = 3^(i−1) mod 31 for positions i = 1…17 (the standard's 校验码 formula). */
export const CREDIT_CODE_WEIGHTS: readonly number[] = Array.from({ length: 17 }, (_, i) => {
  let w = 1;
  for (let k = 0; k < i; k++) w = (w * 3) % 31;
  return w;
});

/**
 * Trim, drop inner spaces and hyphens, fold full-width letters and digits (which Chinese input
 * methods produce) to half-width, upper-case.
 */
export function normalizeCreditCode(raw: string): string {
  return raw
    .trim()
    .replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\s\u3000-]/g, '')
    .toUpperCase();
}

/**
 * Check character of the 17 leading characters: C18 = 31 − MOD(Σ C(i)·W(i), 31), written with the
 * character whose value it is, 31 written as 0 (so 30 is Y, as the standard spells out).
 */
export function creditCodeCheckChar(first17: string): string {
  if (first17.length !== 17) throw new RangeError('creditCodeCheckChar expects 17 characters');
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = CREDIT_CODE_CHARSET.indexOf(first17[i]);
    if (v < 0) throw new RangeError(`not a credit code character: ${first17[i]}`);
    sum += v * CREDIT_CODE_WEIGHTS[i];
  }
  return CREDIT_CODE_CHARSET[(31 - (sum % 31)) % 31];
}

const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2] as const;

/**
 * Check character of an organisation code's 8 leading characters, GB 11714-1997: digits are worth
 * their value, letters A–Z 10–35; C9 = 11 − MOD(Σ C(i)·W(i), 11) with weights 3 7 9 10 5 8 4 2,
 * 10 written as X and 11 as 0.
 */
export function organizationCodeCheckChar(first8: string): string {
  if (!/^[0-9A-Z]{8}$/.test(first8)) throw new RangeError('organizationCodeCheckChar expects 8 digits or letters');
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += parseInt(first8[i], 36) * ORG_WEIGHTS[i];
  const c = 11 - (sum % 11);
  return c === 10 ? 'X' : c === 11 ? '0' : String(c);
}

const FORMAT = /^[0-9A-HJ-NPQRTUW-Y]{2}\d{6}[0-9A-HJ-NPQRTUW-Y]{10}$/;

/** Parse a unified social credit code, or throw a coded error naming what is wrong. */
export function parseCreditCode(raw: string): CreditCodeInfo {
  const code = normalizeCreditCode(raw);
  const field = 'creditCode';
  if (code === '') throw new JobFairDomainError(JobFairErrorCode.CreditCodeRequired, '统一社会信用代码不能为空', field);
  if (!FORMAT.test(code)) {
    throw new JobFairDomainError(
      JobFairErrorCode.CreditCodeFormat,
      '统一社会信用代码应为18位数字或大写字母（不含I、O、Z、S、V），第3至8位为行政区划代码',
      field,
    );
  }
  const organizationCode = code.slice(8, 17);
  if (organizationCodeCheckChar(organizationCode.slice(0, 8)) !== organizationCode[8]) {
    throw new JobFairDomainError(JobFairErrorCode.OrganizationCodeChecksum, '统一社会信用代码第9至17位（组织机构代码）校验位不正确', field);
  }
  if (creditCodeCheckChar(code.slice(0, 17)) !== code[17]) {
    throw new JobFairDomainError(JobFairErrorCode.CreditCodeChecksum, '统一社会信用代码校验位不正确，请核对是否有输错的字符', field);
  }
  return {
    code,
    authorityCode: code[0],
    authority: AUTHORITIES[code[0]] ?? null,
    typeCode: code[1],
    divisionCode: code.slice(2, 8),
    organizationCode,
  };
}
