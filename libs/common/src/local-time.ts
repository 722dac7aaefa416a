/**
 * The platform's users are in China (Asia/Shanghai: UTC+8, no daylight saving): every time a
 * person reads — message texts, documents, exports — is written in it. Stored times are UTC.
 */
const OFFSET_MS = 8 * 3600_000;

const shifted = (value: Date | string): string => new Date(new Date(value).getTime() + OFFSET_MS).toISOString();

/** `2026-05-01 08:30` in Beijing time (`2026-05-01 08:30:05` with seconds); null for no time. */
export function beijingTime(value: Date | string | null | undefined, precision: 'minute' | 'second' = 'minute'): string | null {
  if (value === null || value === undefined) return null;
  return shifted(value)
    .slice(0, precision === 'second' ? 19 : 16)
    .replace('T', ' ');
}

/** Today (or `at`) as a Beijing calendar day, `2026-05-01`: the day printed on a certificate. */
export function beijingDate(at: Date = new Date()): string {
  return shifted(at).slice(0, 10);
}

/**
 * ISO 8601 with the Beijing offset, `2026-05-01T08:30:00.000+08:00`: the form JSON gives a time
 * meant for display, so a client shows the wall time the people on site read without converting
 * it. The same instant as the UTC form; null for no time.
 */
export function beijingIso(value: Date | string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  return `${shifted(value).slice(0, 23)}+08:00`;
}

/** The time of day in Beijing, `08:30:05`: what a person reads beside a log line. */
export function beijingClock(at: Date | number): string {
  return new Date(new Date(at).getTime() + OFFSET_MS).toISOString().slice(11, 19);
}
