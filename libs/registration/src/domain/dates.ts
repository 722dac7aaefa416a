/**
 * Dates in the registration domain are calendar dates without a time zone,
 * carried as ISO strings ('2026-09-01'). Birth dates and age-reference dates
 * are civil dates; routing them through JS `Date` in local time is how
 * off-by-one-day bugs appear on servers that are not in UTC+8.
 */
export type IsoDate = string;

export interface CalendarDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

export function isRealCalendarDate(year: number, month: number, day: number): boolean {
  return (
    Number.isInteger(year) &&
    Number.isInteger(month) &&
    Number.isInteger(day) &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month)
  );
}

/** Strict 'YYYY-MM-DD' that names a real day; anything else is null. */
export function parseIsoDate(value: string): CalendarDate | null {
  const m = ISO_DATE.exec(value);
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return isRealCalendarDate(year, month, day) ? { year, month, day } : null;
}

export function formatIsoDate(date: CalendarDate): IsoDate {
  const pad = (n: number, w: number) => String(n).padStart(w, '0');
  return `${pad(date.year, 4)}-${pad(date.month, 2)}-${pad(date.day, 2)}`;
}

/** Parses or throws; for inputs the service already validated (event settings, stored birth dates). */
export function requireIsoDate(value: IsoDate, what = 'date'): CalendarDate {
  const parsed = parseIsoDate(value);
  if (!parsed) throw new RangeError(`Invalid ${what}: ${JSON.stringify(value)} (expected YYYY-MM-DD)`);
  return parsed;
}

/** Zero-padded ISO strings compare correctly as strings, but parse first so bad input fails loudly. */
export function compareIsoDates(a: IsoDate, b: IsoDate): number {
  const x = formatIsoDate(requireIsoDate(a));
  const y = formatIsoDate(requireIsoDate(b));
  return x < y ? -1 : x > y ? 1 : 0;
}

/** '2026-09-01' → '2026年9月1日', the form used in user-facing messages. */
export function formatChineseDate(value: IsoDate): string {
  const d = requireIsoDate(value);
  return `${d.year}年${d.month}月${d.day}日`;
}

const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;

/**
 * "Today" as the users see it. China has used a fixed UTC+8 without daylight
 * saving since 1991, so a constant offset is exact and avoids depending on the
 * ICU data compiled into the Node binary.
 */
export function shanghaiToday(now: Date): IsoDate {
  return new Date(now.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}
