import Decimal from 'decimal.js';
import { ResultsDomainError } from './result';

/**
 * Exact rational number over BigInt. Shared placing points are a sum divided
 * by the size of the tie, and (9+7+6)/3 = 22/3 has no finite decimal form, so
 * a Decimal with any precision would drift when three such shares are summed
 * back. Fractions stay exact; decimal.js is only used to parse and to print.
 */
const Exact = Decimal.clone({ precision: 1000, rounding: Decimal.ROUND_HALF_UP });

function gcd(a: bigint, b: bigint): bigint {
  a = a < 0n ? -a : a;
  b = b < 0n ? -b : b;
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

export class Fraction {
  readonly num: bigint;
  readonly den: bigint;

  constructor(num: bigint, den: bigint = 1n) {
    if (den === 0n) throw new ResultsDomainError('DIVISION_BY_ZERO', '分母不能为零');
    if (den < 0n) [num, den] = [-num, -den];
    const g = gcd(num, den) || 1n;
    this.num = num / g;
    this.den = den / g;
  }

  static readonly ZERO = new Fraction(0n);

  /** Parses a decimal string or number ("4.5", 7) exactly. */
  static fromDecimal(value: string | number, what = '数值'): Fraction {
    let d: Decimal;
    try {
      d = new Decimal(value);
    } catch {
      throw new ResultsDomainError('INVALID_DECIMAL', `${what}不是有效的数字：${String(value)}`);
    }
    if (!d.isFinite()) throw new ResultsDomainError('INVALID_DECIMAL', `${what}不是有限数字：${String(value)}`);
    const fixed = d.toFixed();
    const negative = fixed.startsWith('-');
    const [int, frac = ''] = (negative ? fixed.slice(1) : fixed).split('.');
    const num = BigInt(int + frac) * (negative ? -1n : 1n);
    return new Fraction(num, 10n ** BigInt(frac.length));
  }

  add(other: Fraction): Fraction {
    return new Fraction(this.num * other.den + other.num * this.den, this.den * other.den);
  }

  divInt(k: number): Fraction {
    return new Fraction(this.num, this.den * BigInt(k));
  }

  mulInt(k: number | bigint): Fraction {
    return new Fraction(this.num * BigInt(k), this.den);
  }

  compare(other: Fraction): number {
    const l = this.num * other.den;
    const r = other.num * this.den;
    return l === r ? 0 : l < r ? -1 : 1;
  }

  /** True when the value has a finite decimal expansion (denominator 2^a·5^b). */
  get terminating(): boolean {
    let d = this.den;
    while (d % 2n === 0n) d /= 2n;
    while (d % 5n === 0n) d /= 5n;
    return d === 1n;
  }

  /**
   * Decimal text: exact when terminating ("4.5", "8"); otherwise rounded
   * half-up to `scale` places ("7.3333") — check `terminating` or print
   * `toFractionString()` when the exact value matters.
   */
  toDecimalString(scale = 4): string {
    const q = new Exact(this.num.toString()).div(this.den.toString());
    return this.terminating ? q.toFixed() : q.toFixed(scale);
  }

  toFractionString(): string {
    return this.den === 1n ? this.num.toString() : `${this.num}/${this.den}`;
  }
}
