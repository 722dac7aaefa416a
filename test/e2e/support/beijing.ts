/**
 * An instant as people in Beijing read it, worked out by the runtime's time-zone data (Intl with
 * Asia/Shanghai) rather than by the app's own offset arithmetic, so the two check each other.
 */
export function beijingClock(instant: string | Date, precision: 'minute' | 'second' = 'minute'): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Shanghai',
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    ...(precision === 'second' ? { second: '2-digit' as const } : {}),
  }).formatToParts(new Date(instant));
  const p = Object.fromEntries(parts.map((x) => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}${precision === 'second' ? `:${p.second}` : ''}`;
}

/** The day `days` ahead of now in Beijing ("2026-12-12"): for what must lie in the future whenever the suite runs. */
export const beijingDayAhead = (days: number): string => beijingClock(new Date(Date.now() + days * 86_400_000)).slice(0, 10);
