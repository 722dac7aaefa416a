import { fail, ok, type Result } from './result';

export type MobileErrorCode = 'MOBILE_REQUIRED' | 'MOBILE_FORMAT';

const MAINLAND_MOBILE = /^1[3-9]\d{9}$/;

/**
 * Strips what people add when typing or pasting a number: spaces, hyphens and
 * a +86 / 0086 country prefix. Anything else is left for validation to refuse.
 */
export function normalizeMobile(raw: string): string {
  const compact = raw.trim().replace(/[\s-]/g, '');
  return compact.replace(/^(?:\+86|0086)(?=1\d{10}$)/, '');
}

export function isValidMobile(value: string): boolean {
  return MAINLAND_MOBILE.test(normalizeMobile(value));
}

export function validateMobile(raw: string): Result<string, MobileErrorCode> {
  const mobile = normalizeMobile(raw);
  if (mobile === '') return fail('MOBILE_REQUIRED', '手机号不能为空');
  if (!MAINLAND_MOBILE.test(mobile)) {
    return fail('MOBILE_FORMAT', '手机号格式不正确，应为以1开头的11位中国大陆手机号');
  }
  return ok(mobile);
}

/** '138****5678'. Short or malformed input is fully masked rather than echoed. */
export function maskMobile(value: string): string {
  const v = normalizeMobile(value);
  if (v.length < 11) return '*'.repeat(v.length);
  return `${v.slice(0, 3)}${'*'.repeat(v.length - 7)}${v.slice(-4)}`;
}

/** '王*', '欧阳**': a name's first character, the rest masked (a contact's name for those not entitled). */
export function maskName(value: string): string {
  const chars = [...value.trim()];
  return chars.length ? chars[0] + '*'.repeat(Math.max(chars.length - 1, 1)) : '';
}
