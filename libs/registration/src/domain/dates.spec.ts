import {
  compareIsoDates,
  daysInMonth,
  formatChineseDate,
  formatIsoDate,
  isLeapYear,
  parseIsoDate,
  requireIsoDate,
  shanghaiToday,
} from './dates';

describe('calendar dates', () => {
  it('knows the Gregorian leap-year rule', () => {
    expect([2000, 2024, 2028].map(isLeapYear)).toEqual([true, true, true]);
    expect([1900, 2026, 2100].map(isLeapYear)).toEqual([false, false, false]);
  });

  it('knows month lengths', () => {
    expect(daysInMonth(2024, 2)).toBe(29);
    expect(daysInMonth(2026, 2)).toBe(28);
    expect(daysInMonth(2026, 4)).toBe(30);
    expect(daysInMonth(2026, 12)).toBe(31);
  });

  it('parses only strict, real ISO dates', () => {
    expect(parseIsoDate('2024-02-29')).toEqual({ year: 2024, month: 2, day: 29 });
    expect(parseIsoDate('2026-02-29')).toBeNull();
    expect(parseIsoDate('2026-13-01')).toBeNull();
    expect(parseIsoDate('2026-9-1')).toBeNull();
    expect(parseIsoDate('2026-09-01T00:00:00Z')).toBeNull();
  });

  it('round-trips through formatIsoDate', () => {
    expect(formatIsoDate({ year: 1949, month: 10, day: 1 })).toBe('1949-10-01');
  });

  it('requireIsoDate throws on bad input', () => {
    expect(() => requireIsoDate('2026/09/01', 'reference date')).toThrow('Invalid reference date: "2026/09/01" (expected YYYY-MM-DD)');
  });

  it('compares dates', () => {
    expect(compareIsoDates('2026-09-01', '2026-09-02')).toBe(-1);
    expect(compareIsoDates('2026-09-01', '2026-09-01')).toBe(0);
    expect(compareIsoDates('2027-01-01', '2026-12-31')).toBe(1);
  });

  it('formats dates for Chinese messages without leading zeros', () => {
    expect(formatChineseDate('2026-09-01')).toBe('2026年9月1日');
  });

  it('computes today in China across the UTC midnight boundary', () => {
    expect(shanghaiToday(new Date('2026-11-20T15:59:59Z'))).toBe('2026-11-20');
    expect(shanghaiToday(new Date('2026-11-20T16:00:00Z'))).toBe('2026-11-21');
  });
});
