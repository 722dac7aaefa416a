import { assertConfig, configError, ScoringInputError } from './errors';
import { computeJudgePanel, JudgePanelConfig, JudgePanelInput, judgePanelScorer, validateJudgePanelConfig } from './judge-panel';
import { computeMarkingScheme, MarkingSchemeConfig, MarkingSchemeInput, validateMarkingSchemeConfig } from './marking-scheme';
import { computeMeasured, MeasuredConfig, MeasuredInput, validateMeasuredConfig } from './measured';
import { computePointsPenalty, PointsPenaltyConfig, PointsPenaltyInput, validatePointsPenaltyConfig } from './points-penalty';
import { byDecimal, Comparator, rank } from './ranking';
import { computeTimed, TimedConfig, TimedInput, validateTimedConfig } from './timed';
import { SchemeResult } from './types';
import { computeVerticalJump, validateVerticalJumpConfig, VerticalJumpConfig, VerticalJumpInput } from './vertical-jump';

/** Every scheme configuration, discriminated on `kind`; JSON-serialisable. */
export type SchemeConfig = JudgePanelConfig | MarkingSchemeConfig | TimedConfig | MeasuredConfig | VerticalJumpConfig | PointsPenaltyConfig;
export type SchemeKind = SchemeConfig['kind'];

/** The input for one contestant, by kind. */
export interface SchemeInputByKind {
  'judge-panel': JudgePanelInput;
  'marking-scheme': MarkingSchemeInput;
  timed: TimedInput;
  measured: MeasuredInput;
  'vertical-jump': VerticalJumpInput;
  'points-penalty': PointsPenaltyInput;
}
export type SchemeInput<C extends SchemeConfig = SchemeConfig> = SchemeInputByKind[C['kind']];

export const SCHEME_KINDS: readonly SchemeKind[] = ['judge-panel', 'marking-scheme', 'timed', 'measured', 'vertical-jump', 'points-penalty'];

/** Whether a higher or a lower total is better. */
export function totalDirection(config: SchemeConfig): 'higher' | 'lower' {
  return config.kind === 'timed' ? 'lower' : 'higher';
}

/** All reasons a configuration is refused (empty list: valid). */
export function validateSchemeConfig(config: unknown): ScoringInputError[] {
  if (!config || typeof config !== 'object' || Array.isArray(config)) return [configError('config', '必须是对象')];
  const kind = (config as { kind?: unknown }).kind;
  switch (kind) {
    case 'judge-panel':
      return validateJudgePanelConfig(config);
    case 'marking-scheme':
      return validateMarkingSchemeConfig(config);
    case 'timed':
      return validateTimedConfig(config);
    case 'measured':
      return validateMeasuredConfig(config);
    case 'vertical-jump':
      return validateVerticalJumpConfig(config);
    case 'points-penalty':
      return validatePointsPenaltyConfig(config);
    default:
      return [new ScoringInputError('UNKNOWN_KIND', 'config.kind', `配置项 config.kind 的值「${String(kind)}」不是已知的计分方式（${SCHEME_KINDS.join('、')}）`)];
  }
}

/**
 * Score one contestant. Throws ScoringConfigError (code INVALID_CONFIG, with
 * `.errors`) for a refused configuration, ScoringInputError for bad input.
 */
export function computeScheme<C extends SchemeConfig>(config: C, input: SchemeInput<C>): SchemeResult {
  assertConfig(validateSchemeConfig(config));
  if (!input || typeof input !== 'object') throw new ScoringInputError('MISSING_VALUE', 'input', '缺少成绩输入');
  const c = config as SchemeConfig;
  switch (c.kind) {
    case 'judge-panel':
      return computeJudgePanel(c, input as JudgePanelInput);
    case 'marking-scheme':
      return computeMarkingScheme(c, input as MarkingSchemeInput);
    case 'timed':
      return computeTimed(c, input as TimedInput);
    case 'measured':
      return computeMeasured(c, input as MeasuredInput);
    case 'vertical-jump':
      return computeVerticalJump(c, input as VerticalJumpInput);
    case 'points-penalty':
      return computePointsPenalty(c, input as PointsPenaltyInput);
  }
}

/**
 * computeScheme for one configuration, checked once: a tally scores every
 * contestant of an item with the same configuration. Throws ScoringConfigError
 * at once for a refused configuration; the scorer throws ScoringInputError.
 * `breakdown: false` lets a judge panel, whose breakdown is the costly part, leave it out
 * (null); the other kinds' breakdowns are small and always there.
 */
export function schemeScorer(config: SchemeConfig, opts: { breakdown?: boolean } = {}): (input: SchemeInput) => SchemeResult {
  assertConfig(validateSchemeConfig(config));
  if (config.kind !== 'judge-panel') return (input) => computeScheme(config, input);
  const score = judgePanelScorer(config, opts);
  return (input) => {
    if (!input || typeof input !== 'object') throw new ScoringInputError('MISSING_VALUE', 'input', '缺少成绩输入');
    return score(input as JudgePanelInput);
  };
}

export interface SchemeResultRow<Id = string> {
  id: Id;
  result: SchemeResult;
}

export interface RankedSchemeRow<Id = string> {
  id: Id;
  place: number | null;
  tied: boolean;
  /** 0 = separated from the row above by the total, k = by tieBreakKeys[k-1]; null when tied/first/unplaced */
  decidedBy: number | null;
  total: string | null;
  status: SchemeResult['status'];
  /** 'JUMP_OFF': a tie for first in a vertical jump that countback cannot split (TR 26.9) */
  flags: string[];
}

/** The comparator chain of a scheme: total in the scheme's direction, then each tie-break key in order. */
export function schemeComparators<Id>(config: SchemeConfig, rows: readonly SchemeResultRow<Id>[]): Comparator<SchemeResultRow<Id>>[] {
  const n = Math.max(0, ...rows.map((r) => r.result.tieBreakKeys.length));
  const chain: Comparator<SchemeResultRow<Id>>[] = [byDecimal((r) => r.result.total, totalDirection(config))];
  for (let k = 0; k < n; k++) {
    // Made once per ranking, not per comparison: each keeps the values it has parsed.
    const value = (r: SchemeResultRow<Id>) => r.result.tieBreakKeys[k]?.value;
    const higher = byDecimal(value, 'higher');
    const lower = byDecimal(value, 'lower');
    chain.push((a, b) => {
      const better = a.result.tieBreakKeys[k]?.better ?? b.result.tieBreakKeys[k]?.better ?? 'higher';
      return (better === 'higher' ? higher : lower)(a, b);
    });
  }
  return chain;
}

/** Places for results computed by computeScheme with the same config. */
export function rankScheme<Id>(config: SchemeConfig, results: readonly SchemeResultRow<Id>[]): RankedSchemeRow<Id>[] {
  const ranked = rank(results, schemeComparators(config, results), { statusOf: (r) => r.result.status });
  const out: RankedSchemeRow<Id>[] = ranked.map((r) => ({
    id: r.row.id,
    place: r.place,
    tied: r.tied,
    decidedBy: r.decidedBy,
    total: r.row.result.total,
    status: r.row.result.status,
    flags: [],
  }));
  // TR 26.9: only a tie for first place goes to a jump-off; other ties stand.
  if (config.kind === 'vertical-jump' && config.jumpOffForFirst !== false) {
    const first = out.filter((r) => r.place === 1);
    if (first.length > 1) first.forEach((r) => r.flags.push('JUMP_OFF'));
  }
  return out;
}
