import { withAwardPlaces } from './award-places';
import { AwardsDomainError } from './awards-error';
import { isAwardable, type AwardDefinition, type RankedEntry } from './types';

/**
 * Awards by place: places fromPlace..toPlace (inclusive) get `award`.
 * e.g. 1 → 金奖, 2 → 银奖, 3 → 铜奖; or 1–3 一等奖, 4–8 二等奖.
 * Places are those the results board counts (awardPlaces): guests and
 * DNS/DNF/DQ are skipped, so "1st" is the best official contestant.
 * Tied rows share a place, so they always get the same award.
 */
export interface RankTier {
  readonly fromPlace: number;
  /** Defaults to fromPlace. */
  readonly toPlace?: number;
  readonly award: AwardDefinition;
}

export interface RankAwardRule {
  readonly type: 'rank';
  readonly tiers: readonly RankTier[];
}

export function validateRankRule(rule: RankAwardRule): void {
  const spans = rule.tiers.map((t) => ({ from: t.fromPlace, to: t.toPlace ?? t.fromPlace, code: t.award.code }));
  for (const s of spans) {
    if (!Number.isInteger(s.from) || !Number.isInteger(s.to) || s.from < 1 || s.to < s.from) {
      throw new AwardsDomainError('INVALID_RANK_TIER', `名次区间无效：${s.code} ${s.from}–${s.to}`);
    }
  }
  const sorted = [...spans].sort((a, b) => a.from - b.from);
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i].from <= sorted[i - 1].to) {
      throw new AwardsDomainError('OVERLAPPING_RANK_TIERS', `名次区间重叠：${sorted[i - 1].code} 与 ${sorted[i].code}`);
    }
  }
}

/** entryId → award, by the entry's award place (the board's), not its place on the result sheet. */
export function allocateByRank(field: readonly RankedEntry[], rule: RankAwardRule): Map<string, AwardDefinition> {
  validateRankRule(rule);
  const out = new Map<string, AwardDefinition>();
  for (const e of withAwardPlaces(field)) {
    if (!isAwardable(e) || e.place === null) continue;
    const tier = rule.tiers.find((t) => e.place! >= t.fromPlace && e.place! <= (t.toPlace ?? t.fromPlace));
    if (tier) out.set(e.entryId, tier.award);
  }
  return out;
}
