/** The platform's users are in China (UTC+8, no daylight saving): times in messages are written in it. */
const OFFSET_MS = 8 * 3600_000;

/** `2026-05-01 08:30` in Beijing time; null for no time. */
export function beijingTime(value: Date | string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const d = new Date(new Date(value).getTime() + OFFSET_MS);
  return d.toISOString().slice(0, 16).replace('T', ' ');
}

/** Today (or `at`) as a Beijing calendar day, `2026-05-01`: the day printed on a certificate. */
export function beijingDate(at: Date = new Date()): string {
  return new Date(at.getTime() + OFFSET_MS).toISOString().slice(0, 10);
}

/** The time of day in Beijing, `08:30:05`: what a person reads beside a log line. */
export function beijingClock(at: Date | number): string {
  return new Date(new Date(at).getTime() + OFFSET_MS).toISOString().slice(11, 19);
}
