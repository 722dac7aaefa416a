import { Dec, DecimalLike, fmt, isRounding, parseDecimal, Rounding, roundTo, sum } from './decimal';
import { assertConfig, configError, ScoringInputError } from './errors';
import { checkMark } from './mark-range';
import { INPUT_STATUSES, InputStatus, SchemeResult } from './types';

/**
 * WorldSkills-style marking scheme (WorldSkills Competition Rules / Marking
 * Scheme guidance): criteria whose aspects add up to 100 marks.
 * - measurement aspect: objective, a mark from 0 up to its max mark is awarded;
 * - judgement aspect: three judges each score 0–3 against the descriptors;
 *   aspect mark = average of the three scores ÷ 3 × max mark. The judges'
 *   scores must not be more than one point apart; otherwise they discuss and
 *   re-score, so a sheet with such an aspect cannot be submitted.
 */
export interface MarkingAspect {
  key: string;
  label?: string;
  type: 'measurement' | 'judgement';
  maxMark: DecimalLike;
}

export interface MarkingCriterion {
  key: string;
  label?: string;
  aspects: MarkingAspect[];
}

export interface MarkingSchemeConfig {
  kind: 'marking-scheme';
  criteria: MarkingCriterion[];
  /** the aspects' max marks must add up to this (default 100) */
  totalMarks?: DecimalLike;
  /** largest allowed difference between the highest and lowest judgement score (default 1) */
  judgementGap?: number;
  /** judges per judgement aspect (default 3) */
  judgesPerAspect?: number;
  /** rounding of each aspect mark; its digits are the digits of the total (default 2, half-up) */
  rounding?: Rounding;
  /** most decimals accepted for a measurement mark as entered (default: no limit);
   * without it "1.255" would be rounded silently instead of sent back to the judge */
  maxDecimals?: number;
}

export interface MarkingSchemeInput {
  /** by aspect key: a number for a measurement aspect, the judges' scores for a judgement aspect */
  marks: Record<string, DecimalLike | (DecimalLike | null)[] | null | undefined>;
  status?: InputStatus;
}

export interface MarkingAspectBreakdown {
  key: string;
  label?: string;
  type: 'measurement' | 'judgement';
  maxMark: string;
  scores?: string[];
  average?: string;
  spread?: number;
  flagged: boolean;
  markExact: string;
  mark: string;
}

export interface MarkingSchemeBreakdown {
  criteria: { key: string; label?: string; maxMark: string; mark: string; aspects: MarkingAspectBreakdown[] }[];
  flaggedAspects: string[];
  canSubmit: boolean;
  total: string;
}

const DEFAULT_ROUNDING: Rounding = { digits: 2, mode: 'half-up' };

export function validateMarkingSchemeConfig(c: unknown): ScoringInputError[] {
  if (!c || typeof c !== 'object') return [configError('config', '必须是对象')];
  const cfg = c as MarkingSchemeConfig;
  const errs: ScoringInputError[] = [];
  if (cfg.kind !== 'marking-scheme') errs.push(configError('config.kind', "必须为 'marking-scheme'"));
  if (cfg.rounding !== undefined && !isRounding(cfg.rounding)) errs.push(configError('config.rounding', '必须是 { digits, mode }'));
  if (cfg.judgementGap !== undefined && !(Number.isInteger(cfg.judgementGap) && cfg.judgementGap >= 0 && cfg.judgementGap <= 3)) {
    errs.push(configError('config.judgementGap', '必须是 0–3 的整数'));
  }
  if (cfg.judgesPerAspect !== undefined && !(Number.isInteger(cfg.judgesPerAspect) && cfg.judgesPerAspect >= 1)) {
    errs.push(configError('config.judgesPerAspect', '必须是正整数'));
  }
  if (cfg.maxDecimals !== undefined && !(Number.isInteger(cfg.maxDecimals) && cfg.maxDecimals >= 0 && cfg.maxDecimals <= 10)) {
    errs.push(configError('config.maxDecimals', '必须是 0–10 的整数'));
  }
  const total = cfg.totalMarks === undefined ? new Dec(100) : parseDecimal(cfg.totalMarks);
  if (!total) errs.push(configError('config.totalMarks', '必须是数字'));
  if (!Array.isArray(cfg.criteria) || cfg.criteria.length === 0) {
    errs.push(configError('config.criteria', '至少需要一个评分模块'));
    return errs;
  }
  const keys = new Set<string>();
  let sumMax = new Dec(0);
  cfg.criteria.forEach((cr, i) => {
    const f = `config.criteria[${i}]`;
    if (!cr || typeof cr.key !== 'string' || !cr.key) errs.push(configError(`${f}.key`, '必须是非空字符串'));
    if (!Array.isArray(cr?.aspects) || cr.aspects.length === 0) {
      errs.push(configError(`${f}.aspects`, '至少需要一个评分细则'));
      return;
    }
    cr.aspects.forEach((a, j) => {
      const fa = `${f}.aspects[${j}]`;
      if (!a || typeof a.key !== 'string' || !a.key) errs.push(configError(`${fa}.key`, '必须是非空字符串'));
      else if (keys.has(a.key)) errs.push(configError(`${fa}.key`, `评分细则 ${a.key} 重复`));
      else keys.add(a.key);
      if (!['measurement', 'judgement'].includes(a?.type)) errs.push(configError(`${fa}.type`, "必须为 'measurement'（测量）或 'judgement'（评价）"));
      const m = parseDecimal(a?.maxMark);
      if (!m || m.lte(0)) errs.push(configError(`${fa}.maxMark`, '必须是正数'));
      else sumMax = sumMax.plus(m);
    });
  });
  if (total && errs.length === 0 && !sumMax.eq(total)) {
    errs.push(configError('config.criteria', `各评分细则满分之和为 ${sumMax.toFixed()}，应等于总分 ${total.toFixed()}`));
  }
  return errs;
}

function scoreAspect(cfg: MarkingSchemeConfig, a: MarkingAspect, raw: MarkingSchemeInput['marks'][string]): MarkingAspectBreakdown {
  const field = `marks.${a.key}`;
  const max = new Dec(a.maxMark);
  const rounding = cfg.rounding ?? DEFAULT_ROUNDING;
  if (raw === undefined || raw === null) throw new ScoringInputError('MISSING_VALUE', field, `缺少评分细则 ${field}${a.label ? `（${a.label}）` : ''} 的分数`);
  if (a.type === 'measurement') {
    if (Array.isArray(raw)) throw new ScoringInputError('NOT_A_NUMBER', field, `字段 ${field} 是测量类细则，应为一个分数而不是数组`);
    const d = checkMark(raw, field, { min: 0, max: max.toFixed(), ...(cfg.maxDecimals !== undefined ? { maxDecimals: cfg.maxDecimals } : {}) });
    const mark = roundTo(d, rounding);
    return { key: a.key, ...(a.label ? { label: a.label } : {}), type: a.type, maxMark: fmt(max), flagged: false, markExact: fmt(d), mark: fmt(mark, rounding.digits) };
  }
  const n = cfg.judgesPerAspect ?? 3;
  if (!Array.isArray(raw) || raw.length !== n) {
    throw new ScoringInputError('WRONG_COUNT', field, `字段 ${field} 是评价类细则，应有 ${n} 名裁判的评分（0–3）`);
  }
  const scores = raw.map((s, i) => {
    if (s === null || s === undefined) throw new ScoringInputError('MISSING_VALUE', `${field}[${i}]`, `缺少字段 ${field}[${i}] 的评分`);
    return checkMark(s, `${field}[${i}]`, { min: 0, max: 3, step: 1 }, '评分');
  });
  const average = sum(scores).div(n);
  const markExact = average.div(3).times(max);
  const spread = Dec.max(...scores).minus(Dec.min(...scores)).toNumber();
  return {
    key: a.key,
    ...(a.label ? { label: a.label } : {}),
    type: a.type,
    maxMark: fmt(max),
    scores: scores.map((s) => fmt(s)),
    average: fmt(average),
    spread,
    flagged: spread > (cfg.judgementGap ?? 1),
    markExact: fmt(markExact),
    mark: fmt(roundTo(markExact, rounding), rounding.digits),
  };
}

export function computeMarkingScheme(cfg: MarkingSchemeConfig, input: MarkingSchemeInput): SchemeResult<MarkingSchemeBreakdown | null> {
  assertConfig(validateMarkingSchemeConfig(cfg));
  const status = input.status ?? 'OK';
  if (!INPUT_STATUSES.includes(status)) throw new ScoringInputError('BAD_STATUS', 'status', `字段 status 的值「${String(status)}」无效，应为 OK、DNS、DNF 或 DQ`);
  if (status !== 'OK') return { total: null, status, tieBreakKeys: [], breakdown: null };
  if (!input.marks || typeof input.marks !== 'object') throw new ScoringInputError('MISSING_VALUE', 'marks', '缺少字段 marks');
  const digits = (cfg.rounding ?? DEFAULT_ROUNDING).digits;
  const criteria = cfg.criteria.map((cr) => {
    const aspects = cr.aspects.map((a) => scoreAspect(cfg, a, input.marks[a.key]));
    return {
      key: cr.key,
      ...(cr.label ? { label: cr.label } : {}),
      maxMark: fmt(sum(cr.aspects.map((a) => new Dec(a.maxMark)))),
      mark: fmt(sum(aspects.map((a) => new Dec(a.mark))), digits),
      aspects,
    };
  });
  const total = fmt(sum(criteria.map((c) => new Dec(c.mark))), digits);
  const flaggedAspects = criteria.flatMap((c) => c.aspects.filter((a) => a.flagged).map((a) => a.key));
  return { total, status: 'OK', tieBreakKeys: [], breakdown: { criteria, flaggedAspects, canSubmit: flaggedAspects.length === 0, total } };
}

/**
 * Whether a marking sheet can be submitted, and every reason why not:
 * a missing or invalid mark (the error of that field), or a judgement aspect
 * whose scores are more than `judgementGap` apart (code JUDGEMENT_GAP).
 */
export function checkMarkingSheet(cfg: MarkingSchemeConfig, input: MarkingSchemeInput): { canSubmit: boolean; reasons: ScoringInputError[] } {
  const configErrors = validateMarkingSchemeConfig(cfg);
  if (configErrors.length) return { canSubmit: false, reasons: configErrors };
  const reasons: ScoringInputError[] = [];
  for (const cr of cfg.criteria) {
    for (const a of cr.aspects) {
      try {
        const b = scoreAspect(cfg, a, input.marks?.[a.key]);
        if (b.flagged) {
          reasons.push(
            new ScoringInputError(
              'JUDGEMENT_GAP',
              `marks.${a.key}`,
              `评分细则 marks.${a.key}${a.label ? `（${a.label}）` : ''} 的裁判评分 ${b.scores!.join('、')} 相差 ${b.spread} 分，超过允许的 ${cfg.judgementGap ?? 1} 分，须经裁判讨论后重新评分`,
            ),
          );
        }
      } catch (e) {
        if (e instanceof ScoringInputError) reasons.push(e);
        else throw e;
      }
    }
  }
  return { canSubmit: reasons.length === 0, reasons };
}
