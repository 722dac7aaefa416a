import { Dec } from './decimal';
import { ScoringInputError } from './errors';

const SECONDS = /^(\d+)(?:\.(\d+))?$/;
const MIN_SEC = /^(\d+):([0-5]\d)(?:\.(\d+))?$/;
const H_MIN_SEC = /^(\d+):([0-5]\d):([0-5]\d)(?:\.(\d+))?$/;

/**
 * Parse a race time into exact seconds. Accepted: "9.58", "58", "1:02.345",
 * "2:03:04.56" (minutes and seconds after a colon must be 00–59). A JS number
 * is taken as seconds. `maxDecimals` refuses more precision than the timing
 * system produces (default 3 = 1/1000 s).
 */
export function parseTime(value: unknown, field = 'time', maxDecimals = 3): Dec {
  const fail = () =>
    new ScoringInputError(
      'BAD_TIME_FORMAT',
      field,
      `字段 ${field} 的成绩「${String(value)}」格式错误，应为「秒.小数」「分:秒.小数」或「时:分:秒.小数」，例如 9.58、1:02.345、2:03:04.56`,
    );
  if (typeof value === 'number') {
    if (!Number.isFinite(value) || value < 0) throw fail();
    value = new Dec(value).toFixed();
  }
  if (typeof value !== 'string') throw fail();
  const s = value.trim();
  let h = '0';
  let m = '0';
  let sec: string;
  let frac: string | undefined;
  let g: RegExpMatchArray | null;
  if ((g = s.match(SECONDS))) [, sec, frac] = g;
  else if ((g = s.match(MIN_SEC))) [, m, sec, frac] = g;
  else if ((g = s.match(H_MIN_SEC))) [, h, m, sec, frac] = g;
  else throw fail();
  if (frac !== undefined && frac.length > maxDecimals) {
    throw new ScoringInputError('TOO_MANY_DECIMALS', field, `字段 ${field} 的成绩「${s}」小数位过多，最多 ${maxDecimals} 位`);
  }
  return new Dec(h).times(3600).plus(new Dec(m).times(60)).plus(new Dec(`${sec}.${frac ?? '0'}`));
}

/** Seconds → "9.58", "1:02.35", "2:03:04.56" with the given decimals (the value must already be rounded). */
export function formatTime(seconds: Dec, digits: number): string {
  const whole = seconds.floor();
  const fracPart = seconds.minus(whole);
  const h = whole.divToInt(3600).toNumber();
  const m = whole.mod(3600).divToInt(60).toNumber();
  const s = whole.mod(60).toNumber();
  const f = digits > 0 ? fracPart.toFixed(digits).slice(1) : '';
  const two = (n: number) => String(n).padStart(2, '0');
  if (h > 0) return `${h}:${two(m)}:${two(s)}${f}`;
  if (m > 0) return `${m}:${two(s)}${f}`;
  return `${s}${f}`;
}
