import { Dec, DecimalLike, fmt, isRounding, parseDecimal, Rounding, roundTo, sum } from './decimal';
import { assertConfig, configError, ScoringInputError } from './errors';
import { type MarkCheck, markChecker, MarkRange, validateMarkRange } from './mark-range';
import { INPUT_STATUSES, InputStatus, SchemeResult, TieBreakKey } from './types';

/**
 * One judged criterion (diving "execution", an ISU programme component, a FIG
 * E-panel, a choir's "音准"...). Pipeline, each step optional:
 *   marks → missing-mark rule → drop k highest / k lowest → sum|mean
 *   → round(aggregateRounding) → (subtractFrom − value) → × difficulty → × factor
 *   → round(rounding)
 */
export interface JudgePanelCriterion {
  key: string;
  label?: string;
  /** allowed marks; falls back to the panel's `marks` */
  marks?: MarkRange;
  /** expected number of judge slots (null entries count as slots); any number when absent */
  judges?: number;
  drop?: { highest: number; lowest: number };
  aggregate: 'sum' | 'mean';
  aggregateRounding?: Rounding;
  /** gymnastics execution: E = subtractFrom − (trimmed mean of deductions) */
  subtractFrom?: DecimalLike;
  /** multiply by the per-performance difficulty (diving DD) entered in the input */
  multiplyByDifficulty?: boolean;
  /** weight or factor (ISU component factor, 0.6 of the old 7-judge diving rule, a criterion weight) */
  factor?: DecimalLike;
  rounding?: Rounding;
}

/** A value entered by a technical official and added (element score, D-score) or subtracted (penalties). */
export interface JudgePanelPart {
  key: string;
  label?: string;
  effect: 'add' | 'subtract';
  range?: MarkRange;
  /** when false (default) an absent part counts as 0 */
  required?: boolean;
}

export interface JudgePanelConfig {
  kind: 'judge-panel';
  /** default mark range for all criteria */
  marks?: MarkRange;
  /** default number of judges for all criteria */
  judges?: number;
  /** a null mark: left out of the panel (default 'omit'), or replaced by the average of the other judges' marks */
  missingMark?: 'omit' | 'average-of-others';
  /** rounding of the substitute mark (default: exact average) */
  substituteRounding?: Rounding;
  criteria: JudgePanelCriterion[];
  /** range of the per-performance difficulty (diving DD 1.2–4.8) when a criterion uses it */
  difficulty?: MarkRange;
  parts?: JudgePanelPart[];
  /** rounding of Σ criteria before parts are added (ISU PCS total) */
  judgeSubtotalRounding?: Rounding;
  /** rounding of the final total; its digits are the digits of `total` */
  rounding: Rounding;
  /** a floor for the total (e.g. 0: a score cannot be negative) */
  minTotal?: DecimalLike;
  /** extra ranking keys after the total, e.g. higher E-score first */
  tieBreakers?: JudgePanelTieBreaker[];
}

/**
 * One ranking key after the total: a criterion's value, a part's value, or the
 * judges' subtotal (Σ criteria after judgeSubtotalRounding), which ISU Rule 353
 * needs because a free-skating tie goes to the higher PCS, not to one component.
 */
export type JudgePanelTieBreaker =
  | { source: 'criterion' | 'part'; key: string; better: 'higher' | 'lower' }
  | { source: 'judgeSubtotal'; better: 'higher' | 'lower' };

export interface JudgePanelInput {
  /** marks per criterion key, one entry per judge slot (null = missing); a bare array when there is one criterion */
  marks: Record<string, (DecimalLike | null)[]> | (DecimalLike | null)[];
  difficulty?: DecimalLike;
  parts?: Record<string, DecimalLike | null | undefined>;
  status?: InputStatus;
}

export type JudgeMarkUse = 'counted' | 'dropped-high' | 'dropped-low' | 'missing';

export interface JudgePanelCriterionBreakdown {
  key: string;
  label?: string;
  judges: { judge: number; mark: string | null; substitute?: string; use: JudgeMarkUse }[];
  droppedHigh: number[];
  droppedLow: number[];
  counted: string[];
  trimmedSum: string;
  trimmedMean: string;
  aggregate: 'sum' | 'mean';
  aggregateExact: string;
  aggregateRounding?: Rounding;
  aggregateRounded: string;
  subtractFrom?: string;
  afterSubtract?: string;
  difficulty?: string;
  factor: string;
  valueExact: string;
  value: string;
  rounding?: Rounding;
}

export interface JudgePanelBreakdown {
  criteria: JudgePanelCriterionBreakdown[];
  judgeSubtotalExact: string;
  judgeSubtotalRounding?: Rounding;
  judgeSubtotal: string;
  parts: { key: string; label?: string; effect: 'add' | 'subtract'; value: string }[];
  totalExact: string;
  total: string;
  rounding: Rounding;
}

function isInt(n: unknown, min = 0): n is number {
  return Number.isInteger(n) && (n as number) >= min;
}

export function validateJudgePanelConfig(c: unknown): ScoringInputError[] {
  const errs: ScoringInputError[] = [];
  if (!c || typeof c !== 'object') return [configError('config', '必须是对象')];
  const cfg = c as JudgePanelConfig;
  if (cfg.kind !== 'judge-panel') errs.push(configError('config.kind', "必须为 'judge-panel'"));
  if (cfg.marks !== undefined) errs.push(...validateMarkRange(cfg.marks, 'config.marks'));
  if (cfg.judges !== undefined && !isInt(cfg.judges, 1)) errs.push(configError('config.judges', '必须是正整数'));
  if (cfg.missingMark !== undefined && !['omit', 'average-of-others'].includes(cfg.missingMark)) {
    errs.push(configError('config.missingMark', "必须为 'omit' 或 'average-of-others'"));
  }
  for (const k of ['substituteRounding', 'judgeSubtotalRounding'] as const) {
    if (cfg[k] !== undefined && !isRounding(cfg[k])) errs.push(configError(`config.${k}`, '必须是 { digits, mode }'));
  }
  if (!isRounding(cfg.rounding)) errs.push(configError('config.rounding', "必须是 { digits: 0–10, mode: 'half-up'|'truncate'|'up'|'half-even' }"));
  if (cfg.difficulty !== undefined) errs.push(...validateMarkRange(cfg.difficulty, 'config.difficulty'));
  if (cfg.minTotal !== undefined && !parseDecimal(cfg.minTotal)) errs.push(configError('config.minTotal', '必须是数字'));
  if (!Array.isArray(cfg.criteria) || cfg.criteria.length === 0) {
    errs.push(configError('config.criteria', '至少需要一个评分项'));
    return errs;
  }
  const keys = new Set<string>();
  cfg.criteria.forEach((cr, i) => {
    const f = `config.criteria[${i}]`;
    if (!cr || typeof cr.key !== 'string' || cr.key === '') {
      errs.push(configError(`${f}.key`, '必须是非空字符串'));
      return;
    }
    if (keys.has(cr.key)) errs.push(configError(`${f}.key`, `评分项 ${cr.key} 重复`));
    keys.add(cr.key);
    if (!['sum', 'mean'].includes(cr.aggregate)) errs.push(configError(`${f}.aggregate`, "必须为 'sum' 或 'mean'"));
    const range = cr.marks ?? cfg.marks;
    if (range === undefined) errs.push(configError(`${f}.marks`, '未配置分数范围（评分项或面板级 marks）'));
    else if (cr.marks !== undefined) errs.push(...validateMarkRange(cr.marks, `${f}.marks`));
    const judges = cr.judges ?? cfg.judges;
    if (cr.judges !== undefined && !isInt(cr.judges, 1)) errs.push(configError(`${f}.judges`, '必须是正整数'));
    const hi = cr.drop?.highest ?? 0;
    const lo = cr.drop?.lowest ?? 0;
    if (!isInt(hi) || !isInt(lo)) errs.push(configError(`${f}.drop`, 'highest、lowest 必须是非负整数'));
    else if (isInt(judges, 1) && judges - hi - lo < 1) {
      errs.push(configError(`${f}.drop`, `${judges} 名裁判去掉 ${hi} 个最高分和 ${lo} 个最低分后没有有效分`));
    }
    for (const k of ['aggregateRounding', 'rounding'] as const) {
      if (cr[k] !== undefined && !isRounding(cr[k])) errs.push(configError(`${f}.${k}`, '必须是 { digits, mode }'));
    }
    if (cr.subtractFrom !== undefined && !parseDecimal(cr.subtractFrom)) errs.push(configError(`${f}.subtractFrom`, '必须是数字'));
    if (cr.factor !== undefined && !parseDecimal(cr.factor)) errs.push(configError(`${f}.factor`, '必须是数字'));
    if (cr.multiplyByDifficulty && cfg.difficulty === undefined) {
      errs.push(configError('config.difficulty', `评分项 ${cr.key} 乘以难度系数，必须配置难度系数范围`));
    }
  });
  const partKeys = new Set<string>();
  (cfg.parts ?? []).forEach((p, i) => {
    const f = `config.parts[${i}]`;
    if (!p || typeof p.key !== 'string' || p.key === '') errs.push(configError(`${f}.key`, '必须是非空字符串'));
    else if (partKeys.has(p.key)) errs.push(configError(`${f}.key`, `分项 ${p.key} 重复`));
    else partKeys.add(p.key);
    if (!p || !['add', 'subtract'].includes(p.effect)) errs.push(configError(`${f}.effect`, "必须为 'add' 或 'subtract'"));
    if (p?.range !== undefined) errs.push(...validateMarkRange(p.range, `${f}.range`));
  });
  (cfg.tieBreakers ?? []).forEach((t, i) => {
    const f = `config.tieBreakers[${i}]`;
    if (t?.source !== 'judgeSubtotal') {
      const known = t?.source === 'criterion' ? keys : t?.source === 'part' ? partKeys : null;
      if (!known) errs.push(configError(`${f}.source`, "必须为 'criterion'、'part' 或 'judgeSubtotal'"));
      else if (!known.has(t.key)) errs.push(configError(`${f}.key`, `未知的 ${t.source}：${t.key}`));
    }
    if (!['higher', 'lower'].includes(t?.better)) errs.push(configError(`${f}.better`, "必须为 'higher' 或 'lower'"));
  });
  return errs;
}

function marksFor(cfg: JudgePanelConfig, input: JudgePanelInput, key: string): { list: (DecimalLike | null)[]; field: string } {
  if (Array.isArray(input.marks)) {
    if (cfg.criteria.length !== 1) {
      throw new ScoringInputError('MISSING_VALUE', `marks.${key}`, `有多个评分项时 marks 必须按评分项给出，缺少 marks.${key}`);
    }
    return { list: input.marks, field: 'marks' };
  }
  const list = input.marks?.[key];
  if (!Array.isArray(list)) throw new ScoringInputError('MISSING_VALUE', `marks.${key}`, `缺少评分项 marks.${key} 的裁判分`);
  return { list, field: `marks.${key}` };
}

/** A checked mark with its text as the breakdown shows it and its value as a number (for a quick order). */
interface ReadMark {
  value: Dec;
  text: string;
  num: number;
  /** the mark in millionths when that is a whole number below 10^12, which JavaScript adds exactly; else null */
  micros: number | null;
}

function readMarkOf(value: Dec): ReadMark {
  const micros = value.times(1e6);
  return { value, text: fmt(value), num: value.toNumber(), micros: micros.isInteger() && micros.abs().lt(1e12) ? micros.toNumber() : null };
}

/**
 * Σ marks, exact: in whole millionths when every mark allows (a thousand judges could not
 * leave the range where doubles count exactly), else with decimals.
 */
function sumMarks(marks: ReadMark[]): Dec {
  let micros = 0;
  for (const m of marks) {
    if (m.micros === null) return sum(marks.map((x) => x.value));
    micros += m.micros;
  }
  return new Dec(`${micros}e-6`);
}

/** What a criterion needs for every performance, parsed once per configuration. */
interface PreparedCriterion {
  cr: JudgePanelCriterion;
  check: MarkCheck;
  /** marks already read and accepted for this criterion's range, by the value as entered */
  known: Map<DecimalLike, ReadMark>;
  subtractFrom: Dec | null;
  factor: Dec;
  /** a factor of 1 leaves the value as it is, so it is not multiplied (one decimal fewer per performance) */
  factorIsOne: boolean;
}

/**
 * Marks read and accepted, per mark range, shared by every tally of the process: panels give
 * the same few thousand marks to thousands of performances, and the same text always reads the
 * same under the same range (decimals are immutable). A refused mark is never kept, so its
 * error still names its own field. Each list is dropped when it grows past a bound.
 */
const acceptedMarks = new Map<string, Map<DecimalLike, ReadMark>>();
const MAX_ACCEPTED = 50_000;

function acceptedFor(range: MarkRange): Map<DecimalLike, ReadMark> {
  const key = [range.min, range.max, range.step, range.maxDecimals].map(String).join('|');
  let known = acceptedMarks.get(key);
  if (!known || known.size > MAX_ACCEPTED) acceptedMarks.set(key, (known = new Map()));
  return known;
}

function prepareCriterion(cfg: JudgePanelConfig, cr: JudgePanelCriterion): PreparedCriterion {
  const range = (cr.marks ?? cfg.marks)!;
  const factor = new Dec(cr.factor ?? 1);
  return {
    cr,
    check: markChecker(range),
    known: acceptedFor(range),
    subtractFrom: cr.subtractFrom === undefined ? null : new Dec(cr.subtractFrom),
    factor,
    factorIsOne: factor.eq(1),
  };
}

/** Reads judge i's mark; a refused one throws naming its field (`marks.<key>[i]`). */
function readMark(p: PreparedCriterion, entered: DecimalLike, field: string, i: number): ReadMark {
  let mark = p.known.get(entered);
  if (mark === undefined) {
    mark = readMarkOf(p.check(entered, `${field}[${i}]`));
    if (typeof entered === 'string' || typeof entered === 'number') p.known.set(entered, mark);
  }
  return mark;
}

/**
 * Exact order of two decimals: by their numbers first, which never contradicts the decimals'
 * order (rounding to a double keeps order), and by the decimals where the numbers are equal.
 */
function compareMarks(a: { value: Dec; num: number }, b: { value: Dec; num: number }): number {
  return a.num - b.num || (a.value === b.value ? 0 : a.value.cmp(b.value));
}

/** One criterion scored: every intermediate value, for the total and, when asked for, the breakdown. */
interface CriterionScore {
  p: PreparedCriterion;
  /** per judge seat; empty when no breakdown was asked for and every mark present counts */
  slots: { judge: number; mark: ReadMark | null; original: ReadMark | null }[];
  high: ReadonlySet<number>;
  low: ReadonlySet<number>;
  counted: ReadMark[];
  trimmedSum: Dec;
  trimmedMean: Dec;
  aggregateExact: Dec;
  aggregateRounded: Dec;
  afterSubtract: Dec | undefined;
  difficulty: Dec | null;
  valueExact: Dec;
  value: Dec;
}

const NONE: ReadonlySet<number> = new Set();

function scoreCriterion(cfg: JudgePanelConfig, p: PreparedCriterion, input: JudgePanelInput, difficulty: Dec | null, withSlots: boolean): CriterionScore {
  const cr = p.cr;
  const { list, field } = marksFor(cfg, input, cr.key);
  const expected = cr.judges ?? cfg.judges;
  if (expected !== undefined && list.length !== expected) {
    throw new ScoringInputError('WRONG_COUNT', field, `字段 ${field} 应有 ${expected} 名裁判的分数，实际为 ${list.length} 个`);
  }
  const marks = list.map((m, i) => (m === null || m === undefined ? null : readMark(p, m, field, i)));
  const present = marks.filter((m): m is ReadMark => m !== null);
  const hi = cr.drop?.highest ?? 0;
  const lo = cr.drop?.lowest ?? 0;

  // A missing mark: either the panel simply shrinks, or (as diving and ISU
  // rules do when a judge fails to mark) it is replaced by the average of the others.
  let substitute: ReadMark | null = null;
  const missing = marks.length - present.length;
  if (missing > 0 && cfg.missingMark === 'average-of-others') {
    if (present.length === 0) throw new ScoringInputError('NOT_ENOUGH_MARKS', field, `字段 ${field} 没有任何裁判分，无法用其他裁判平均分替代缺失分`);
    substitute = readMarkOf(roundTo(sumMarks(present).div(present.length), cfg.substituteRounding));
  }
  // Nothing substituted or dropped: every mark present counts, in seat order, and only a breakdown needs the seats.
  const plain = substitute === null && hi + lo === 0;
  const slots = plain && !withSlots ? [] : marks.map((m, i) => ({ judge: i, mark: m ?? substitute, original: m }));
  const seats = plain ? null : (slots.filter((s) => s.mark !== null) as { judge: number; mark: ReadMark; original: ReadMark | null }[]);
  const usable = seats ? seats.length : present.length;
  if (usable - hi - lo < 1) {
    throw new ScoringInputError('NOT_ENOUGH_MARKS', field, `字段 ${field} 只有 ${usable} 个有效分，去掉 ${hi} 个最高分和 ${lo} 个最低分后不足 1 个`);
  }
  let counted: ReadMark[] = present;
  let low: ReadonlySet<number> = NONE;
  let high: ReadonlySet<number> = NONE;
  if (seats) {
    // Which of several equal marks is "the" dropped one does not change the result;
    // sorting by (value, judge) keeps it deterministic for the breakdown. Nothing to drop, nothing to sort.
    const sorted = hi + lo ? [...seats].sort((a, b) => compareMarks(a.mark, b.mark) || a.judge - b.judge) : seats;
    low = new Set(sorted.slice(0, lo).map((s) => s.judge));
    high = new Set(sorted.slice(sorted.length - hi).map((s) => s.judge));
    counted = (hi + lo ? seats.filter((s) => !low.has(s.judge) && !high.has(s.judge)) : seats).map((s) => s.mark);
  }
  const trimmedSum = sumMarks(counted);
  const trimmedMean = trimmedSum.div(counted.length);
  const aggregateExact = cr.aggregate === 'sum' ? trimmedSum : trimmedMean;
  const aggregateRounded = roundTo(aggregateExact, cr.aggregateRounding);
  let v = aggregateRounded;
  let afterSubtract: Dec | undefined;
  if (p.subtractFrom) {
    afterSubtract = p.subtractFrom.minus(v);
    v = afterSubtract;
  }
  if (cr.multiplyByDifficulty) v = v.times(difficulty!);
  const valueExact = p.factorIsOne ? v : v.times(p.factor);
  const value = roundTo(valueExact, cr.rounding);
  return { p, slots, high, low, counted, trimmedSum, trimmedMean, aggregateExact, aggregateRounded, afterSubtract, difficulty, valueExact, value };
}

/** A criterion's value as the breakdown and the tie-break keys show it: with the criterion's digits. */
const criterionValueText = (c: CriterionScore): string => fmt(c.value, c.p.cr.rounding?.digits);

/** How a criterion was scored, step by step, for the results' breakdown. */
function criterionBreakdown(c: CriterionScore): JudgePanelCriterionBreakdown {
  const { p, slots, high, low } = c;
  const cr = p.cr;
  return {
    key: cr.key,
    ...(cr.label !== undefined ? { label: cr.label } : {}),
    judges: slots.map((s) => ({
      judge: s.judge,
      mark: s.original ? s.original.text : null,
      ...(s.original === null && s.mark !== null ? { substitute: s.mark.text } : {}),
      use: s.mark === null ? 'missing' : high.has(s.judge) ? 'dropped-high' : low.has(s.judge) ? 'dropped-low' : 'counted',
    })),
    droppedHigh: [...high].sort((a, b) => a - b),
    droppedLow: [...low].sort((a, b) => a - b),
    counted: c.counted.map((m) => m.text),
    trimmedSum: fmt(c.trimmedSum),
    trimmedMean: fmt(c.trimmedMean),
    aggregate: cr.aggregate,
    aggregateExact: fmt(c.aggregateExact),
    ...(cr.aggregateRounding ? { aggregateRounding: cr.aggregateRounding } : {}),
    aggregateRounded: fmt(c.aggregateRounded, cr.aggregateRounding?.digits),
    ...(p.subtractFrom ? { subtractFrom: fmt(p.subtractFrom), afterSubtract: fmt(c.afterSubtract!) } : {}),
    ...(cr.multiplyByDifficulty ? { difficulty: fmt(c.difficulty!) } : {}),
    factor: fmt(p.factor),
    valueExact: fmt(c.valueExact),
    value: criterionValueText(c),
    ...(cr.rounding ? { rounding: cr.rounding } : {}),
  };
}

/** Judge-panel score of one performance. Throws ScoringConfigError / ScoringInputError. */
export function computeJudgePanel(cfg: JudgePanelConfig, input: JudgePanelInput): SchemeResult<JudgePanelBreakdown | null> {
  return judgePanelScorer(cfg)(input);
}

/**
 * computeJudgePanel for one configuration, checked and parsed once, for scoring
 * many performances (a tally scores every contestant of an item with it).
 * With `breakdown: false` the result carries no breakdown (null), only total, status and
 * tie-break keys: the same computation, without writing out each step, for a caller that keeps
 * the input and asks for the breakdown later. Throws ScoringConfigError; the scorer throws ScoringInputError.
 */
export function judgePanelScorer(cfg: JudgePanelConfig, opts: { breakdown?: boolean } = {}): (input: JudgePanelInput) => SchemeResult<JudgePanelBreakdown | null> {
  assertConfig(validateJudgePanelConfig(cfg));
  const panel: PreparedPanel = {
    criteria: cfg.criteria.map((cr) => prepareCriterion(cfg, cr)),
    checkDifficulty: cfg.criteria.some((c) => c.multiplyByDifficulty) ? markChecker(cfg.difficulty!, '难度系数') : null,
    partChecks: (cfg.parts ?? []).map((p) => markChecker(p.range ?? { min: '-1e9', max: '1e9' }, p.label ?? '分值')),
    minTotal: cfg.minTotal === undefined ? null : new Dec(cfg.minTotal),
    breakdown: opts.breakdown ?? true,
  };
  return (input) => scoreJudgePanel(cfg, panel, input);
}

/** A checked configuration's parsed parts, shared by every performance it scores. */
interface PreparedPanel {
  criteria: PreparedCriterion[];
  /** set when a criterion multiplies by the difficulty */
  checkDifficulty: MarkCheck | null;
  /** one per configured part, in order */
  partChecks: MarkCheck[];
  minTotal: Dec | null;
  /** whether results carry the breakdown */
  breakdown: boolean;
}

function scoreJudgePanel(cfg: JudgePanelConfig, panel: PreparedPanel, input: JudgePanelInput): SchemeResult<JudgePanelBreakdown | null> {
  const status = input.status ?? 'OK';
  if (!INPUT_STATUSES.includes(status)) throw new ScoringInputError('BAD_STATUS', 'status', `字段 status 的值「${String(status)}」无效，应为 OK、DNS、DNF 或 DQ`);
  if (status !== 'OK') return { total: null, status, tieBreakKeys: [], breakdown: null };

  let difficulty: Dec | null = null;
  if (panel.checkDifficulty) {
    if (input.difficulty === undefined || input.difficulty === null) {
      throw new ScoringInputError('MISSING_VALUE', 'difficulty', '缺少字段 difficulty（难度系数）');
    }
    difficulty = panel.checkDifficulty(input.difficulty, 'difficulty');
  }
  const criteria = panel.criteria.map((p) => scoreCriterion(cfg, p, input, difficulty, panel.breakdown));
  const judgeSubtotalExact = sum(criteria.map((c) => c.value));
  const judgeSubtotal = roundTo(judgeSubtotalExact, cfg.judgeSubtotalRounding);

  const parts = (cfg.parts ?? []).map((p, i) => {
    const raw = input.parts?.[p.key];
    const field = `parts.${p.key}`;
    if (raw === undefined || raw === null) {
      if (p.required) throw new ScoringInputError('MISSING_VALUE', field, `缺少字段 ${field}（${p.label ?? p.key}）`);
      return { key: p.key, label: p.label, effect: p.effect, value: new Dec(0) };
    }
    return { key: p.key, label: p.label, effect: p.effect, value: panel.partChecks[i](raw, field) };
  });
  let totalExact = parts.reduce((acc, p) => (p.effect === 'add' ? acc.plus(p.value) : acc.minus(p.value)), judgeSubtotal);
  if (panel.minTotal) totalExact = Dec.max(totalExact, panel.minTotal);
  const total = roundTo(totalExact, cfg.rounding);

  const tieBreakKeys: TieBreakKey[] = (cfg.tieBreakers ?? []).map((t) => {
    if (t.source === 'judgeSubtotal') return { name: 'judgeSubtotal', value: fmt(judgeSubtotal, cfg.judgeSubtotalRounding?.digits), better: t.better };
    const v = t.source === 'criterion' ? criterionValueText(criteria.find((c) => c.p.cr.key === t.key)!) : fmt(parts.find((p) => p.key === t.key)!.value);
    return { name: `${t.source}:${t.key}`, value: v, better: t.better };
  });

  return {
    total: fmt(total, cfg.rounding.digits),
    status: 'OK',
    tieBreakKeys,
    breakdown: panel.breakdown
      ? {
          criteria: criteria.map(criterionBreakdown),
          judgeSubtotalExact: fmt(judgeSubtotalExact),
          ...(cfg.judgeSubtotalRounding ? { judgeSubtotalRounding: cfg.judgeSubtotalRounding } : {}),
          judgeSubtotal: fmt(judgeSubtotal, cfg.judgeSubtotalRounding?.digits),
          parts: parts.map((p) => ({ key: p.key, ...(p.label !== undefined ? { label: p.label } : {}), effect: p.effect, value: fmt(p.value) })),
          totalExact: fmt(totalExact),
          total: fmt(total, cfg.rounding.digits),
          rounding: cfg.rounding,
        }
      : null,
  };
}
