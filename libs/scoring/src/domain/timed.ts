import { Dec, fmt, isRounding, Rounding, roundTo } from './decimal';
import { assertConfig, configError, ScoringInputError } from './errors';
import { formatTime, parseTime } from './time';
import { INPUT_STATUSES, InputStatus, SchemeResult, TieBreakKey } from './types';

/**
 * Races and other timed items: lower is better.
 * World Athletics Technical Rules TR 19 (Timing and Photo Finish): fully automatic
 * times are converted to the next longer 1/100 s, hand times to the next longer
 * 1/10 s, and times of races held outside the stadium to the next longer whole
 * second (2:09:44.3 → 2:09:45). "Next longer" is rounding mode 'up'.
 */
export interface TimedConfig {
  kind: 'timed';
  /** digits and mode of the official time: { digits: 2, mode: 'up' } for FAT track races */
  rounding: Rounding;
  /** most decimals accepted on input (default 3: the 1/1000 s of a photo-finish reading) */
  inputDecimals?: number;
  /** which time ranks: the gun time (from the start signal) or the net/chip time; default 'gun' */
  basis?: 'gun' | 'net';
  /** break equal official times by the unrounded time (1/1000 s) — off by default,
   * because in a race the photo-finish order, not the time, separates equal times */
  tieBreakOnRawTime?: boolean;
}

export interface TimedInput {
  /** the time of the configured basis when gun/net are not distinguished */
  time?: string | number;
  gunTime?: string | number;
  netTime?: string | number;
  status?: InputStatus;
}

export interface TimedBreakdown {
  basis: 'gun' | 'net';
  raw: string;
  official: string;
  display: string;
  rounding: Rounding;
  gun?: { raw: string; official: string; display: string };
  net?: { raw: string; official: string; display: string };
}

export function validateTimedConfig(c: unknown): ScoringInputError[] {
  if (!c || typeof c !== 'object') return [configError('config', '必须是对象')];
  const cfg = c as TimedConfig;
  const errs: ScoringInputError[] = [];
  if (cfg.kind !== 'timed') errs.push(configError('config.kind', "必须为 'timed'"));
  if (!isRounding(cfg.rounding) || cfg.rounding.digits > 3) errs.push(configError('config.rounding', "必须是 { digits: 0–3, mode }，如 { digits: 2, mode: 'up' }"));
  if (cfg.inputDecimals !== undefined && !(Number.isInteger(cfg.inputDecimals) && cfg.inputDecimals >= 0 && cfg.inputDecimals <= 6)) {
    errs.push(configError('config.inputDecimals', '必须是 0–6 的整数'));
  }
  if (cfg.basis !== undefined && !['gun', 'net'].includes(cfg.basis)) errs.push(configError('config.basis', "必须为 'gun' 或 'net'"));
  return errs;
}

export function computeTimed(cfg: TimedConfig, input: TimedInput): SchemeResult<TimedBreakdown | null> {
  assertConfig(validateTimedConfig(cfg));
  const status = input.status ?? 'OK';
  if (!INPUT_STATUSES.includes(status)) throw new ScoringInputError('BAD_STATUS', 'status', `字段 status 的值「${String(status)}」无效，应为 OK、DNS、DNF 或 DQ`);
  if (status !== 'OK') return { total: null, status, tieBreakKeys: [], breakdown: null };
  const basis = cfg.basis ?? 'gun';
  const maxDec = cfg.inputDecimals ?? 3;
  const one = (v: string | number | undefined, field: string) => {
    if (v === undefined || v === null || v === '') return undefined;
    const raw = parseTime(v, field, maxDec);
    const official = roundTo(raw, cfg.rounding);
    return { rawDec: raw, officialDec: official, raw: fmt(raw), official: fmt(official, cfg.rounding.digits), display: formatTime(official, cfg.rounding.digits) };
  };
  const gun = one(input.gunTime, 'gunTime');
  const net = one(input.netTime, 'netTime');
  const plain = one(input.time, 'time');
  const chosen = (basis === 'gun' ? gun : net) ?? plain;
  if (!chosen) {
    const field = basis === 'gun' ? 'gunTime' : 'netTime';
    throw new ScoringInputError('MISSING_VALUE', field, `缺少字段 ${field}（或 time），完赛者必须有成绩`);
  }
  const tieBreakKeys: TieBreakKey[] = cfg.tieBreakOnRawTime ? [{ name: 'rawTime', value: chosen.raw, better: 'lower' }] : [];
  const strip = (x: typeof gun) => (x ? { raw: x.raw, official: x.official, display: x.display } : undefined);
  return {
    total: chosen.official,
    status: 'OK',
    tieBreakKeys,
    breakdown: {
      basis,
      raw: chosen.raw,
      official: chosen.official,
      display: chosen.display,
      rounding: cfg.rounding,
      ...(gun ? { gun: strip(gun) } : {}),
      ...(net ? { net: strip(net) } : {}),
    },
  };
}

/** Exposed for qualification: the unrounded seconds of a time string. */
export function rawSeconds(v: string | number, field: string, maxDecimals = 3): Dec {
  return parseTime(v, field, maxDecimals);
}
