import Decimal from 'decimal.js';

// A private Decimal constructor so that nothing else in the process can change
// our precision/rounding defaults (Decimal.set is global on the default export).
export const Dec = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP, toExpNeg: -30, toExpPos: 40 });
export type Dec = InstanceType<typeof Dec>;

/** A decimal as it travels in configs and inputs: a string ("7.5") or a JS number (7.5). */
export type DecimalLike = string | number;

/**
 * How to round at one step.
 * - half-up: 0.5 goes away from zero (ISU, most panels).
 * - truncate: drop extra digits (some rulebooks "truncate to 3 decimals").
 * - up: always away from zero; for positive times this is "next longer" (World Athletics).
 * - half-even: banker's rounding, offered for completeness.
 */
export type RoundingMode = 'half-up' | 'truncate' | 'up' | 'half-even';
export interface Rounding {
  digits: number;
  mode: RoundingMode;
}

export const ROUNDING_MODES: readonly RoundingMode[] = ['half-up', 'truncate', 'up', 'half-even'];

const MODE: Record<RoundingMode, Decimal.Rounding> = {
  'half-up': Decimal.ROUND_HALF_UP,
  truncate: Decimal.ROUND_DOWN,
  up: Decimal.ROUND_UP,
  'half-even': Decimal.ROUND_HALF_EVEN,
};

export function dec(x: DecimalLike | Dec): Dec {
  return new Dec(x);
}

/** Round when a rounding is configured; leave the exact value otherwise. */
export function roundTo(x: Dec, r: Rounding | undefined): Dec {
  if (!r) return x;
  return x.toDecimalPlaces(r.digits, MODE[r.mode]);
}

/** Plain decimal string: fixed digits when known, never exponent notation. */
export function fmt(x: Dec, digits?: number): string {
  return digits === undefined ? x.toFixed() : x.toFixed(digits);
}

/** Strict parse of a decimal-looking input; returns null when it is not a finite plain decimal. */
export function parseDecimal(x: unknown): Dec | null {
  if (typeof x === 'number') return Number.isFinite(x) ? new Dec(x) : null;
  if (typeof x !== 'string') return null;
  const s = x.trim();
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(s)) return null;
  return new Dec(s);
}

/** Number of digits after the decimal point as the value was written ("7.50" → 2, 7.5 → 1). */
export function decimalsOf(x: DecimalLike): number {
  const s = typeof x === 'number' ? new Dec(x).toFixed() : x.trim();
  const i = s.indexOf('.');
  return i < 0 ? 0 : s.length - i - 1;
}

export function sum(xs: Dec[]): Dec {
  return xs.reduce((a, b) => a.plus(b), new Dec(0));
}

export function isRounding(r: unknown): r is Rounding {
  if (!r || typeof r !== 'object') return false;
  const o = r as Record<string, unknown>;
  return Number.isInteger(o.digits) && (o.digits as number) >= 0 && (o.digits as number) <= 10 && ROUNDING_MODES.includes(o.mode as RoundingMode);
}
