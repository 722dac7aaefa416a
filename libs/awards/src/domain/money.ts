import Decimal from 'decimal.js';
import { AwardsDomainError } from './awards-error';

/**
 * Decimal for money and scores. 40 significant digits keep every realistic
 * sum of yuan amounts exact (the default 20 would start rounding past
 * 10^18 fen); rounding is never relied upon.
 */
export const Dec = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });
export type Dec = Decimal;

export function parseDecimal(value: string | number, code: string, what: string): Decimal {
  let d: Decimal;
  try {
    d = new Dec(value);
  } catch {
    throw new AwardsDomainError(code, `${what}不是有效的数字：${String(value)}`);
  }
  if (!d.isFinite()) throw new AwardsDomainError(code, `${what}不是有效的数字：${String(value)}`);
  return d;
}

/** Yuan amount: non-negative, at most 2 decimals (fen). Returned as Decimal. */
export function parseYuan(value: string, code: string, what: string): Decimal {
  const d = parseDecimal(value, code, what);
  if (d.isNegative()) throw new AwardsDomainError(code, `${what}不能为负数：${value}`);
  if (d.decimalPlaces() > 2) throw new AwardsDomainError(code, `${what}最多两位小数（分）：${value}`);
  return d;
}

/** Yuan text with exactly two decimals: "2104600.00". */
export function formatYuan(d: Decimal): string {
  return d.toFixed(2);
}
