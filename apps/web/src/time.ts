/** Every time a person reads is in Beijing time, whatever the device's zone. */
const formats = new Map<string, Intl.DateTimeFormat>();
function fmt(locale: string, withTime: boolean): Intl.DateTimeFormat {
  const key = `${locale}|${withTime}`;
  let f = formats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, {
      timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit',
      ...(withTime ? { hour: '2-digit', minute: '2-digit', hour12: false } : {}),
    });
    formats.set(key, f);
  }
  return f;
}
export const beijingTime = (iso: string | null | undefined, locale = 'zh-CN'): string => (iso ? fmt(locale, true).format(new Date(iso)) : '—');
/** Calendar days (YYYY-MM-DD) are already Beijing days: shown as written. */
export const day = (d: string | null | undefined): string => d ?? '—';

/**
 * Times people type are Beijing wall-clock times too, in a datetime-local field ("2026-05-16T19:00"),
 * whatever the device's zone: the instant it names (ISO, UTC); blank is null.
 */
export function fromBeijingInput(typed: string): string | null | 'invalid' {
  const text = typed.trim();
  if (!text) return null;
  if (!/^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d)?$/.test(text)) return 'invalid';
  const at = new Date(`${text.length === 16 ? `${text}:00` : text}+08:00`);
  return Number.isNaN(at.getTime()) ? 'invalid' : at.toISOString();
}

/** An instant as a datetime-local field shows it, in Beijing time, to the minute; none is blank. */
export function toBeijingInput(iso: string | null | undefined): string {
  if (!iso) return '';
  const p = Object.fromEntries(fmt('en-CA', true).formatToParts(new Date(iso)).map((x) => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day}T${p.hour === '24' ? '00' : p.hour}:${p.minute}`;
}
