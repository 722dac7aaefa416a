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
