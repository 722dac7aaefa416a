import { Dec, DecimalLike, fmt, parseDecimal } from './decimal';
import { assertConfig, configError, ScoringInputError } from './errors';
import { checkMark } from './mark-range';
import { INPUT_STATUSES, InputStatus, SchemeResult } from './types';

/**
 * Horizontal jumps and throws (higher is better): best of N trials.
 * A trial is a mark ("8.01"), a foul 'x' or a pass '-'.
 * World Athletics TR 25.22: a tie is decided by the second best mark, then the
 * third best, and so on; with no valid trial the athlete has no mark (NM).
 */
export interface MeasuredConfig {
  kind: 'measured';
  /** maximum number of trials (3 in a qualifying round, 6 in a final) */
  attempts: number;
  /** decimals of a mark: 2 for metres to the centimetre */
  digits: number;
  /** upper plausibility bound of a mark (default none) */
  maxMark?: DecimalLike;
}

export interface MeasuredInput {
  attempts: (string | number | null)[];
  status?: InputStatus;
}

export interface MeasuredBreakdown {
  trials: { trial: number; entry: string; mark: string | null; kind: 'mark' | 'foul' | 'pass' | 'not-taken' }[];
  /** valid marks, best first */
  ordered: string[];
  best: string | null;
}

export function validateMeasuredConfig(c: unknown): ScoringInputError[] {
  if (!c || typeof c !== 'object') return [configError('config', '必须是对象')];
  const cfg = c as MeasuredConfig;
  const errs: ScoringInputError[] = [];
  if (cfg.kind !== 'measured') errs.push(configError('config.kind', "必须为 'measured'"));
  if (!Number.isInteger(cfg.attempts) || cfg.attempts < 1 || cfg.attempts > 12) errs.push(configError('config.attempts', '必须是 1–12 的整数'));
  if (!Number.isInteger(cfg.digits) || cfg.digits < 0 || cfg.digits > 4) errs.push(configError('config.digits', '必须是 0–4 的整数'));
  if (cfg.maxMark !== undefined && !parseDecimal(cfg.maxMark)) errs.push(configError('config.maxMark', '必须是数字'));
  return errs;
}

export function computeMeasured(cfg: MeasuredConfig, input: MeasuredInput): SchemeResult<MeasuredBreakdown | null> {
  assertConfig(validateMeasuredConfig(cfg));
  const status = input.status ?? 'OK';
  if (!INPUT_STATUSES.includes(status)) throw new ScoringInputError('BAD_STATUS', 'status', `字段 status 的值「${String(status)}」无效，应为 OK、DNS、DNF 或 DQ`);
  if (status !== 'OK') return { total: null, status, tieBreakKeys: [], breakdown: null };
  if (!Array.isArray(input.attempts)) throw new ScoringInputError('MISSING_VALUE', 'attempts', '字段 attempts 必须是试跳/试掷记录数组');
  if (input.attempts.length > cfg.attempts) {
    throw new ScoringInputError('WRONG_COUNT', 'attempts', `字段 attempts 有 ${input.attempts.length} 次试跳/试掷，最多 ${cfg.attempts} 次`);
  }
  const trials = input.attempts.map((a, i) => {
    const field = `attempts[${i}]`;
    const entry = a === null || a === undefined ? '' : String(a).trim().toLowerCase();
    if (entry === '') return { trial: i + 1, entry, mark: null, kind: 'not-taken' as const };
    if (entry === 'x') return { trial: i + 1, entry, mark: null, kind: 'foul' as const };
    if (entry === '-') return { trial: i + 1, entry, mark: null, kind: 'pass' as const };
    if (parseDecimal(a) === null) {
      throw new ScoringInputError('BAD_ATTEMPT', field, `字段 ${field} 的记录「${String(a)}」无效，应为成绩（如 8.01）、x（犯规）或 -（免跳/免掷）`);
    }
    const d = checkMark(a, field, { min: 0, max: cfg.maxMark ?? '1e9', maxDecimals: cfg.digits }, '成绩');
    return { trial: i + 1, entry, mark: d, kind: 'mark' as const };
  });
  const ordered = trials.filter((t) => t.mark !== null).map((t) => t.mark as Dec).sort((a, b) => b.cmp(a));
  const breakdown: MeasuredBreakdown = {
    trials: trials.map((t) => ({ ...t, mark: t.mark ? fmt(t.mark, cfg.digits) : null })),
    ordered: ordered.map((d) => fmt(d, cfg.digits)),
    best: ordered.length ? fmt(ordered[0], cfg.digits) : null,
  };
  if (ordered.length === 0) return { total: null, status: 'NM', tieBreakKeys: [], breakdown };
  // TR 25.22: keys 2..N are the next best marks; a missing one ranks below any mark.
  const tieBreakKeys = Array.from({ length: cfg.attempts - 1 }, (_, k) => ({
    name: `mark${k + 2}`,
    value: ordered[k + 1] ? fmt(ordered[k + 1], cfg.digits) : null,
    better: 'higher' as const,
  }));
  return { total: breakdown.best, status: 'OK', tieBreakKeys, breakdown };
}
