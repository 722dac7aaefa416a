import { Fraction } from './fraction';

describe('Fraction', () => {
  it('parses decimals exactly and reduces', () => {
    expect(Fraction.fromDecimal('4.50').toFractionString()).toBe('9/2');
    expect(Fraction.fromDecimal(-0.25).toFractionString()).toBe('-1/4');
    expect(Fraction.fromDecimal('1e2').toFractionString()).toBe('100');
  });

  it('prints terminating values exactly and others rounded half-up', () => {
    // (5+4)/2 = 4.5; (9+7+6)/3 = 22/3 = 7.333…; 2/3 → 0.6667
    expect(Fraction.fromDecimal(9).divInt(2).toDecimalString()).toBe('4.5');
    expect(Fraction.fromDecimal(22).divInt(3).toDecimalString()).toBe('7.3333');
    expect(new Fraction(2n, 3n).toDecimalString(2)).toBe('0.67');
    expect(new Fraction(1n, 1024n).toDecimalString()).toBe('0.0009765625'); // exact, not cut to 4 places
  });

  it('adds back to exact integers: 3 × 22/3 = 22', () => {
    const share = Fraction.fromDecimal(22).divInt(3);
    const sum = share.add(share).add(share);
    expect(sum.toFractionString()).toBe('22');
    expect(sum.terminating).toBe(true);
    expect(share.compare(Fraction.fromDecimal('7.3333'))).toBe(1);
  });

  it('refuses non-numbers and zero denominators', () => {
    expect(() => Fraction.fromDecimal('abc')).toThrow(expect.objectContaining({ code: 'INVALID_DECIMAL' }));
    expect(() => Fraction.fromDecimal(Infinity)).toThrow(expect.objectContaining({ code: 'INVALID_DECIMAL' }));
    expect(() => new Fraction(1n, 0n)).toThrow(expect.objectContaining({ code: 'DIVISION_BY_ZERO' }));
  });
});
