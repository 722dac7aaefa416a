import { Dec, DecimalLike, fmt, parseDecimal } from './decimal';
import { assertConfig, configError, ScoringInputError } from './errors';
import { INPUT_STATUSES, InputStatus, SchemeResult } from './types';

/**
 * High jump / pole vault, World Athletics Technical Rules TR 26 (vertical jumps,
 * formerly Rule 181). Each height gets a string of trials: 'o' clearance,
 * 'x' failure, '-' pass (the remaining trials at that height are foregone;
 * earlier failures carry over to the next height, TR 26.2).
 */
export interface VerticalJumpConfig {
  kind: 'vertical-jump';
  /** the announced bar heights (metres); when given, only these heights are accepted */
  heights?: DecimalLike[];
  /** decimals of a height in the total, e.g. 2 for "2.36" */
  heightDigits: number;
  /** flag a tie for first place that countback cannot split for a jump-off (TR 26.9); default true.
   * Ties for other places stand (TR 26.8.3). */
  jumpOffForFirst?: boolean;
}

export interface VerticalJumpInput {
  /** keyed by height as entered, e.g. { "1.85": "xo", "1.90": "xxx" } */
  attempts: Record<string, string>;
  status?: InputStatus;
}

export interface VerticalJumpBreakdown {
  heights: { height: string; trials: string; failures: number; cleared: boolean }[];
  bestHeight: string | null;
  failuresAtBest: number | null;
  failuresUpToBest: number | null;
  /** three consecutive failures, at whatever heights: out of the competition (TR 26.2) */
  eliminated: boolean;
}

export function validateVerticalJumpConfig(c: unknown): ScoringInputError[] {
  if (!c || typeof c !== 'object') return [configError('config', '必须是对象')];
  const cfg = c as VerticalJumpConfig;
  const errs: ScoringInputError[] = [];
  if (cfg.kind !== 'vertical-jump') errs.push(configError('config.kind', "必须为 'vertical-jump'"));
  if (!Number.isInteger(cfg.heightDigits) || cfg.heightDigits < 0 || cfg.heightDigits > 3) {
    errs.push(configError('config.heightDigits', '必须是 0–3 的整数'));
  }
  if (cfg.heights !== undefined) {
    if (!Array.isArray(cfg.heights)) errs.push(configError('config.heights', '必须是高度数组'));
    else {
      cfg.heights.forEach((h, i) => {
        const d = parseDecimal(h);
        if (!d || d.lte(0)) errs.push(configError(`config.heights[${i}]`, '必须是正数'));
        else if (Number.isInteger(cfg.heightDigits) && !d.eq(d.toDecimalPlaces(cfg.heightDigits))) {
          errs.push(configError(`config.heights[${i}]`, `小数位不能多于 heightDigits（${cfg.heightDigits}）`));
        } else if (i > 0 && parseDecimal(cfg.heights![i - 1]) && !d.gt(new Dec(cfg.heights![i - 1]))) {
          errs.push(configError(`config.heights[${i}]`, '横杆高度必须递增'));
        }
      });
    }
  }
  return errs;
}

function bad(field: string, message: string): ScoringInputError {
  return new ScoringInputError('BAD_ATTEMPT', field, `字段 ${field} ${message}`);
}

/**
 * Parse and check the trial strings; returns the heights in ascending order.
 * Rules enforced: only o/x/-; at most 3 trials per height; nothing after a
 * clearance or a pass at that height; nothing after 3 consecutive failures,
 * counted across heights (TR 26.2: "three consecutive failures, regardless of
 * the height at which any of such failures occur, disqualify from further jumping").
 */
export function parseVerticalAttempts(cfg: VerticalJumpConfig, attempts: Record<string, string>): { height: Dec; key: string; trials: string }[] {
  if (!attempts || typeof attempts !== 'object' || Array.isArray(attempts)) {
    throw new ScoringInputError('MISSING_VALUE', 'attempts', '字段 attempts 必须是以高度为键的对象，例如 { "1.85": "xo" }');
  }
  const allowed = cfg.heights?.map((h) => new Dec(h));
  const rows = Object.entries(attempts).map(([key, raw]) => {
    const field = `attempts[${key}]`;
    const height = parseDecimal(key);
    if (!height || height.lte(0)) throw bad(field, `的高度「${key}」不是有效的正数`);
    // heightDigits is the precision the bar is measured to (whole centimetres in TR 26);
    // formatting "1.855" to 2 digits would silently raise the result to 1.86, so refuse it.
    if (Number.isInteger(cfg.heightDigits) && !height.eq(height.toDecimalPlaces(cfg.heightDigits))) {
      throw new ScoringInputError('TOO_MANY_DECIMALS', field, `字段 ${field} 的高度「${key}」小数位过多，最多 ${cfg.heightDigits} 位`);
    }
    if (allowed && !allowed.some((h) => h.eq(height))) throw bad(field, `的高度 ${key} 不是本场比赛公布的横杆高度`);
    if (typeof raw !== 'string') throw bad(field, '的试跳记录必须是字符串');
    const trials = raw.trim().toLowerCase();
    if (!/^[ox-]*$/.test(trials)) throw bad(field, `的试跳记录「${raw}」只能包含 o（成功）、x（失败）、-（免跳）`);
    if (trials.length > 3) throw bad(field, `的试跳记录「${raw}」超过 3 次试跳`);
    const stop = trials.search(/[o-]/);
    if (stop >= 0 && stop < trials.length - 1) {
      throw bad(field, `的试跳记录「${raw}」在${trials[stop] === 'o' ? '成功' : '免跳'}之后不能再有试跳`);
    }
    return { height, key, trials };
  });
  rows.sort((a, b) => a.height.cmp(b.height));
  for (let i = 1; i < rows.length; i++) {
    if (rows[i].height.eq(rows[i - 1].height)) throw bad(`attempts[${rows[i].key}]`, `与 attempts[${rows[i - 1].key}] 是同一高度`);
  }
  let consecutive = 0;
  for (const r of rows) {
    for (const t of r.trials) {
      if (consecutive >= 3) throw bad(`attempts[${r.key}]`, '出现在连续三次失败（已被淘汰）之后，不能再有试跳');
      if (t === 'x') consecutive++;
      else if (t === 'o') consecutive = 0;
    }
  }
  return rows;
}

/** Best height cleared and the countback keys of TR 26.8. */
export function computeVerticalJump(cfg: VerticalJumpConfig, input: VerticalJumpInput): SchemeResult<VerticalJumpBreakdown | null> {
  assertConfig(validateVerticalJumpConfig(cfg));
  const status = input.status ?? 'OK';
  if (!INPUT_STATUSES.includes(status)) throw new ScoringInputError('BAD_STATUS', 'status', `字段 status 的值「${String(status)}」无效，应为 OK、DNS、DNF 或 DQ`);
  if (status !== 'OK') return { total: null, status, tieBreakKeys: [], breakdown: null };
  const rows = parseVerticalAttempts(cfg, input.attempts);
  const failures = (s: string) => [...s].filter((t) => t === 'x').length;
  const clearedRows = rows.filter((r) => r.trials.endsWith('o'));
  const best = clearedRows.length ? clearedRows[clearedRows.length - 1] : null;
  let consecutive = 0;
  for (const r of rows) for (const t of r.trials) consecutive = t === 'x' ? consecutive + 1 : t === 'o' ? 0 : consecutive;
  const upTo = best ? rows.filter((r) => r.height.lte(best.height)) : [];
  const failuresAtBest = best ? failures(best.trials) : null;
  const failuresUpToBest = best ? upTo.reduce((n, r) => n + failures(r.trials), 0) : null;
  const breakdown: VerticalJumpBreakdown = {
    heights: rows.map((r) => ({ height: fmt(r.height, cfg.heightDigits), trials: r.trials, failures: failures(r.trials), cleared: r.trials.endsWith('o') })),
    bestHeight: best ? fmt(best.height, cfg.heightDigits) : null,
    failuresAtBest,
    failuresUpToBest,
    eliminated: consecutive >= 3,
  };
  if (!best) return { total: null, status: 'NM', tieBreakKeys: [], breakdown };
  return {
    total: fmt(best.height, cfg.heightDigits),
    status: 'OK',
    // TR 26.8.1: fewest failures at the height last cleared; TR 26.8.2: fewest
    // failures in total up to and including the height last cleared.
    tieBreakKeys: [
      { name: 'failuresAtBest', value: String(failuresAtBest), better: 'lower' },
      { name: 'failuresUpToBest', value: String(failuresUpToBest), better: 'lower' },
    ],
    breakdown,
  };
}
