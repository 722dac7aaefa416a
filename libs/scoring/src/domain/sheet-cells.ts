import { fmt, parseDecimal } from './decimal';
import { assertConfig, ScoringInputError } from './errors';
import { JudgePanelInput } from './judge-panel';
import { checkMark, MarkRange } from './mark-range';
import { checkMarkingSheet, MarkingSchemeInput } from './marking-scheme';
import { computeMeasured, MeasuredInput } from './measured';
import { PointsPenaltyInput } from './points-penalty';
import { SchemeConfig, SchemeInput, validateSchemeConfig } from './scheme';
import { formatTime, parseTime } from './time';
import { TimedInput } from './timed';
import { INPUT_STATUSES, InputStatus } from './types';
import { parseVerticalAttempts, VerticalJumpInput } from './vertical-jump';

/**
 * Score sheets: judges and technical officials enter one text cell per
 * (entry, key); the app stores them as rows (entry, judge, key, value).
 * This file is the pure layer between those cells and the schemes' inputs.
 *
 * Keys per kind:
 *   judge-panel     <criterion key> (per judge), part:<part key>, difficulty, status
 *   marking-scheme  <aspect key> (judgement: per judge; measurement: one value), status
 *   timed           time, or gunTime + netTime when basis is 'net'; status
 *   measured        attempts ("8.01,x,-,7.95"), status
 *   vertical-jump   h:<height> ("xo"), status
 *   points-penalty  points, penalty, lastCorrectAt, status
 */
export interface CellSpec {
  key: string;
  /** true: every judge of the panel enters their own value; false: one value per entry */
  perJudge: boolean;
  label: string;
}

/** Cells of one entry: key → judge id → value as stored. */
export type EntryCells = ReadonlyMap<string, ReadonlyMap<number, string>>;

const STATUS: CellSpec = { key: 'status', perJudge: false, label: '状态' };
const PART = 'part:';
const HEIGHT = 'h:';
// Plain ± bounds where the domain gives no range (parts without one, points), as the schemes themselves do.
const ANY: MarkRange = { min: '-1e9', max: '1e9' };
const NON_NEG: MarkRange = { min: 0, max: '1e9' };

/** Which keys a sheet of this scheme may carry. Throws ScoringConfigError for a refused configuration. */
export function cellSpecs(scheme: SchemeConfig): CellSpec[] {
  assertConfig(validateSchemeConfig(scheme));
  switch (scheme.kind) {
    case 'judge-panel':
      return [
        ...scheme.criteria.map((c) => ({ key: c.key, perJudge: true, label: c.label ?? c.key })),
        ...(scheme.parts ?? []).map((p) => ({ key: PART + p.key, perJudge: false, label: p.label ?? p.key })),
        ...(scheme.criteria.some((c) => c.multiplyByDifficulty) ? [{ key: 'difficulty', perJudge: false, label: '难度系数' }] : []),
        STATUS,
      ];
    case 'marking-scheme':
      return [
        ...scheme.criteria.flatMap((c) => c.aspects.map((a) => ({ key: a.key, perJudge: a.type === 'judgement', label: a.label ?? a.key }))),
        STATUS,
      ];
    case 'timed':
      // Only a net-time (chip) race needs both times: the net time ranks, the gun time is
      // published alongside. Otherwise ('gun', the default) there is one time to enter.
      return scheme.basis === 'net'
        ? [{ key: 'gunTime', perJudge: false, label: '枪声计时成绩' }, { key: 'netTime', perJudge: false, label: '净计时成绩' }, STATUS]
        : [{ key: 'time', perJudge: false, label: '成绩' }, STATUS];
    case 'measured':
      return [{ key: 'attempts', perJudge: false, label: '试跳/试掷记录' }, STATUS];
    case 'vertical-jump':
      // Bar heights are decided during the competition, so any h:<height> is a valid key.
      return [{ key: `${HEIGHT}*`, perJudge: false, label: '各高度试跳记录' }, STATUS];
    case 'points-penalty':
      return [
        { key: 'points', perJudge: false, label: '得分' },
        { key: 'penalty', perJudge: false, label: '罚时' },
        { key: 'lastCorrectAt', perJudge: false, label: '最后答对时间' },
        STATUS,
      ];
  }
}

function unknownKey(key: string, why = '不是本计分方式的成绩单项'): ScoringInputError {
  return new ScoringInputError('UNKNOWN_KEY', 'key', `成绩单项「${key}」${why}`);
}

/**
 * Run a domain check that names `key` in its message; report its failure on
 * the cell's 'value' (or 'key'), keeping the domain's code and message.
 */
function onCell<T>(field: 'value' | 'key', check: () => T): T {
  try {
    return check();
  } catch (e) {
    if (e instanceof ScoringInputError) throw new ScoringInputError(field === 'key' ? 'UNKNOWN_KEY' : e.code, field, e.message);
    throw e;
  }
}

/** Attempts text → one entry per trial; "，" accepted because Chinese keyboards type it. Trailing blanks are trials not taken yet. */
function splitAttempts(value: string): string[] {
  const list = value.trim() === '' ? [] : value.split(/[,，]/).map((a) => a.trim().toLowerCase());
  while (list.length > 0 && list[list.length - 1] === '') list.pop();
  return list;
}

function checkStatus(value: string): string {
  const s = value.trim().toUpperCase();
  if (!(INPUT_STATUSES as readonly string[]).includes(s)) {
    throw new ScoringInputError('BAD_STATUS', 'value', `成绩单项 status 的值「${value}」无效，应为 ${INPUT_STATUSES.join('、')}`);
  }
  return s;
}

/**
 * Validate one entered cell and return it normalized: marks and numbers
 * trimmed as entered, a time rewritten as the domain reads it ("62.35" →
 * "1:02.35"), attempts trimmed and lower-cased, status upper-cased, a height
 * key with the configured digits ("h:1.8" → "h:1.80").
 * Throws ScoringInputError: UNKNOWN_KEY on field 'key', the domain's code on field 'value'.
 */
export function checkCell(scheme: SchemeConfig, key: string, value: string): { key: string; value: string; perJudge: boolean } {
  const k = key.trim();
  const v = value.trim();
  if (scheme.kind === 'vertical-jump' && k.startsWith(HEIGHT)) {
    assertConfig(validateSchemeConfig(scheme));
    const h = k.slice(HEIGHT.length);
    // Check the height alone first (no trials is always valid), so that its errors point at the key.
    onCell('key', () => parseVerticalAttempts(scheme, { [h]: '' }));
    const trials = onCell('value', () => parseVerticalAttempts(scheme, { [h]: v }))[0].trials;
    return { key: HEIGHT + fmt(parseDecimal(h)!, scheme.heightDigits), value: trials, perJudge: false };
  }
  const spec = cellSpecs(scheme).find((s) => s.key === k && s.key !== `${HEIGHT}*`);
  if (!spec) throw unknownKey(k);
  const out = (normalized: string) => ({ key: k, value: normalized, perJudge: spec.perJudge });
  if (k === 'status') return out(checkStatus(v));

  switch (scheme.kind) {
    case 'judge-panel': {
      // The same ranges computeJudgePanel applies: the criterion's or the panel's marks, the part's range, the DD range.
      const c = scheme.criteria.find((cr) => cr.key === k);
      const part = scheme.parts?.find((p) => PART + p.key === k);
      if (c) onCell('value', () => checkMark(v, k, (c.marks ?? scheme.marks)!));
      else if (part) onCell('value', () => checkMark(v, k, part.range ?? ANY, part.label ?? '分值'));
      else onCell('value', () => checkMark(v, k, scheme.difficulty!, '难度系数'));
      return out(v);
    }
    case 'marking-scheme': {
      const a = scheme.criteria.flatMap((c) => c.aspects).find((x) => x.key === k)!;
      // Same ranges as scoreAspect: a judge's 0–3 score, or 0…max mark for a measurement.
      const range: MarkRange =
        a.type === 'judgement'
          ? { min: 0, max: 3, step: 1 }
          : { min: 0, max: a.maxMark, ...(scheme.maxDecimals !== undefined ? { maxDecimals: scheme.maxDecimals } : {}) };
      onCell('value', () => checkMark(v, k, range, a.type === 'judgement' ? '评分' : '分数'));
      return out(v);
    }
    case 'timed': {
      const seconds = onCell('value', () => parseTime(v, k, scheme.inputDecimals ?? 3));
      // Keep the precision as entered: formatting must not round a raw reading.
      return out(formatTime(seconds, v.match(/\.(\d+)$/)?.[1].length ?? 0));
    }
    case 'measured': {
      const list = splitAttempts(v);
      // computeMeasured is the authority on trial syntax and count; its result is not needed here.
      onCell('value', () => computeMeasured(scheme, { attempts: list }));
      return out(list.join(','));
    }
    case 'points-penalty': {
      const range: MarkRange = k === 'points' ? { ...ANY, maxDecimals: scheme.pointsDigits ?? 0 } : NON_NEG;
      onCell('value', () => checkMark(v, k, range, spec.label));
      return out(v);
    }
    case 'vertical-jump':
      throw unknownKey(k); // only status and h:<height> exist, both handled above
  }
}

/**
 * Value of a one-per-entry key: from the judge earliest in panel seat order who
 * entered a non-blank value; failing that (a technical official is often not
 * seated on the panel), from the lowest other judge id. Deterministic either way.
 */
function single(m: ReadonlyMap<number, string> | undefined, judgeIds: readonly number[]): string | undefined {
  if (!m) return undefined;
  const others = [...m.keys()].filter((id) => !judgeIds.includes(id)).sort((a, b) => a - b);
  for (const id of [...judgeIds, ...others]) {
    const v = m.get(id)?.trim();
    if (v) return v;
  }
  return undefined;
}

/** Values of a per-judge key in seat order; a judge without a (non-blank) value → null. */
function perJudge(m: ReadonlyMap<number, string> | undefined, judgeIds: readonly number[]): (string | null)[] {
  return judgeIds.map((id) => m?.get(id)?.trim() || null);
}

/**
 * One contestant's scheme input from the cells of all sheets (key → judge id → value).
 * Values are passed as text; the scheme validates them again when computing.
 * Cells whose key the scheme does not know (e.g. left over from a changed
 * configuration) are ignored here: checkCell is the gate for what is stored.
 * An invalid status is passed through so that computeScheme reports BAD_STATUS.
 */
export function inputFromCells<C extends SchemeConfig>(config: C, cells: EntryCells, judgeIds: readonly number[]): SchemeInput<C> {
  return inputReader(config)(cells, judgeIds);
}

/** inputFromCells for one configuration, checked once: a tally reads every contestant's cells with it. */
export function inputReader<C extends SchemeConfig>(config: C): (cells: EntryCells, judgeIds: readonly number[]) => SchemeInput<C> {
  const specs = cellSpecs(config);
  const takesDifficulty = specs.some((s) => s.key === 'difficulty');
  return (cells, judgeIds) => buildInput(config, specs, takesDifficulty, cells, judgeIds) as SchemeInput<C>;
}

function buildInput(scheme: SchemeConfig, specs: CellSpec[], takesDifficulty: boolean, cells: EntryCells, judgeIds: readonly number[]): SchemeInput {
  const one = (key: string) => single(cells.get(key), judgeIds);
  const statusText = one('status');
  const status = statusText === undefined ? {} : { status: statusText.toUpperCase() as InputStatus };

  switch (scheme.kind) {
    case 'judge-panel': {
      // Built key by key (a tally reads 100,000 of these): the same object as fromEntries gives.
      const marks: Record<string, (string | null)[]> = {};
      for (const c of scheme.criteria) marks[c.key] = perJudge(cells.get(c.key), judgeIds);
      const input: JudgePanelInput = { marks, ...status };
      const difficulty = takesDifficulty ? one('difficulty') : undefined;
      if (difficulty !== undefined) input.difficulty = difficulty;
      if (scheme.parts?.length) input.parts = Object.fromEntries(scheme.parts.map((p) => [p.key, one(PART + p.key)]));
      return input;
    }
    case 'marking-scheme': {
      const marks: MarkingSchemeInput['marks'] = {};
      for (const a of scheme.criteria.flatMap((c) => c.aspects)) {
        marks[a.key] = a.type === 'judgement' ? perJudge(cells.get(a.key), judgeIds) : one(a.key);
      }
      return { marks, ...status };
    }
    case 'timed': {
      const input: TimedInput = { ...status };
      for (const s of specs) {
        const v = s.key === 'status' ? undefined : one(s.key);
        if (v !== undefined) input[s.key as 'time' | 'gunTime' | 'netTime'] = v;
      }
      return input;
    }
    case 'measured': {
      const input: MeasuredInput = { attempts: splitAttempts(one('attempts') ?? ''), ...status };
      return input;
    }
    case 'vertical-jump': {
      const attempts: Record<string, string> = {};
      for (const key of cells.keys()) {
        const trials = key.startsWith(HEIGHT) ? one(key) : undefined;
        if (trials !== undefined) attempts[key.slice(HEIGHT.length)] = trials.toLowerCase();
      }
      const input: VerticalJumpInput = { attempts, ...status };
      return input;
    }
    case 'points-penalty': {
      const input: PointsPenaltyInput = { ...status };
      for (const k of ['points', 'penalty', 'lastCorrectAt'] as const) {
        const v = one(k);
        if (v !== undefined) input[k] = v;
      }
      return input;
    }
  }
}

/**
 * What prevents a sheet from being submitted, over the cells of the whole
 * panel for one entry. Only the marking scheme has such a rule: a judgement
 * aspect whose scores are more than judgementGap apart must be re-scored
 * (JUDGEMENT_GAP, via checkMarkingSheet), as must an invalid stored value.
 * Scores not entered yet do not block: each judge submits on their own, so
 * the others may still be entering (computeScheme refuses an incomplete entry
 * later). A gap among the scores already entered is reported at once, since
 * more scores can only widen it. An entry marked DNS/DNF/DQ has nothing to check.
 * Other kinds: [] (their values are checked cell by cell by checkCell).
 */
export function blockingProblems(scheme: SchemeConfig, cells: EntryCells, judgeIds: readonly number[]): ScoringInputError[] {
  if (scheme.kind !== 'marking-scheme') return [];
  const input = inputFromCells(scheme, cells, judgeIds);
  if (input.status !== undefined && input.status !== 'OK') return [];
  for (const [key, scores] of Object.entries(input.marks)) {
    // Filling an empty seat with a score already entered leaves max − min unchanged.
    const given = Array.isArray(scores) ? scores.find((x) => x !== null) : undefined;
    if (Array.isArray(scores) && given !== undefined) input.marks[key] = scores.map((x) => x ?? given);
  }
  return checkMarkingSheet(scheme, input).reasons.filter((e) => e.code !== 'MISSING_VALUE');
}
