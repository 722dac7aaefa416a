import { AwardsDomainError } from './awards-error';
import { parseDecimal } from './money';
import { isAwardable, type AwardDefinition, type RankedEntry } from './types';

/**
 * Awards by score threshold, e.g. a standardised score of 700 or more earns
 * 优秀奖章. With several thresholds an entry gets the highest one it reaches
 * (total >= minTotal, inclusive), never more than one per rule.
 */
export interface Threshold {
  readonly minTotal: string;
  readonly award: AwardDefinition;
}

export interface ThresholdAwardRule {
  readonly type: 'threshold';
  readonly thresholds: readonly Threshold[];
}

export function allocateByThreshold(field: readonly RankedEntry[], rule: ThresholdAwardRule): Map<string, AwardDefinition> {
  const parsed = rule.thresholds
    .map((t) => ({ min: parseDecimal(t.minTotal, 'INVALID_THRESHOLD', `${t.award.name}的分数线`), award: t.award }))
    .sort((a, b) => b.min.comparedTo(a.min));
  for (let i = 1; i < parsed.length; i++) {
    if (parsed[i].min.eq(parsed[i - 1].min)) {
      throw new AwardsDomainError('DUPLICATE_THRESHOLD', `分数线重复：${parsed[i].min.toFixed()}`);
    }
  }
  const out = new Map<string, AwardDefinition>();
  for (const e of field) {
    if (!isAwardable(e)) continue;
    const total = parseDecimal(e.total!, 'INVALID_TOTAL', `${e.entryId} 的成绩`);
    const hit = parsed.find((t) => total.gte(t.min));
    if (hit) out.set(e.entryId, hit.award);
  }
  return out;
}
