import Decimal from 'decimal.js';
import { ResultsDomainError } from './result';
import { computeScoringPlaces } from './scoring-places';
import type { ItemResultRow } from './types';

/**
 * 'gold-first': golds, then silvers, then bronzes (Olympic convention).
 * 'weighted': points per medal (default 3/2/1), ties then by golds, silvers.
 */
export type MedalOrdering =
  | { readonly mode: 'gold-first' }
  | {
      readonly mode: 'weighted';
      readonly weights?: { readonly gold: string | number; readonly silver: string | number; readonly bronze: string | number };
    };

export interface MedalItem {
  readonly itemId: string;
  readonly rows: readonly ItemResultRow[];
}

export interface MedalTableRow {
  readonly delegationId: string;
  readonly name?: string;
  /** Delegations with equal ordering keys share a rank ("1,1,3"). */
  readonly rank: number;
  readonly gold: number;
  readonly silver: number;
  readonly bronze: number;
  readonly total: number;
  /** Only in 'weighted' mode, exact decimal text. */
  readonly weightedPoints?: string;
}

export interface MedalTableOptions {
  /** Display names; used (pinyin collation) to order delegations with equal keys. */
  readonly delegationNames?: Readonly<Record<string, string>>;
  /** Delegations to list even with no medal and no row. */
  readonly delegationIds?: readonly string[];
}

const zhCollator = new Intl.Collator('zh-Hans-CN');

/**
 * Medal table by delegation.
 *
 * Medals follow scoring places among eligible rows (computeScoringPlaces):
 * guests receive no medals and do not push anyone down, DNS/DNF/DQ never
 * medal. This is a fixed policy, matching how workers' meets treat 特邀 teams.
 * Shared places give shared medals under standard competition ranking: two
 * tied for 1st are both gold, the next is scoring place 3, so bronze — no
 * silver is awarded (World Athletics TR 21: ties stand when they cannot be
 * resolved; the places the tie covers are used up).
 *
 * Every delegation with a non-guest row appears, with zero medals if need be.
 * Delegations with equal keys share a rank; among them the order is by
 * display name (pinyin, zh-Hans-CN collation) then id, for a stable listing.
 */
export function buildMedalTable(items: readonly MedalItem[], ordering: MedalOrdering, options: MedalTableOptions = {}): MedalTableRow[] {
  const counts = new Map<string, { gold: number; silver: number; bronze: number }>();
  const tally = (id: string) => {
    let c = counts.get(id);
    if (!c) counts.set(id, (c = { gold: 0, silver: 0, bronze: 0 }));
    return c;
  };
  for (const id of options.delegationIds ?? []) tally(id);
  const itemIds = new Set<string>();
  for (const item of items) {
    if (itemIds.has(item.itemId)) throw new ResultsDomainError('DUPLICATE_ITEM', `项目重复：${item.itemId}`);
    itemIds.add(item.itemId);
    const placements = computeScoringPlaces(item.rows);
    item.rows.forEach((row, i) => {
      if (row.guest) return;
      const c = tally(row.delegationId);
      const place = placements[i].scoringPlace;
      if (place === 1) c.gold++;
      else if (place === 2) c.silver++;
      else if (place === 3) c.bronze++;
    });
  }

  const weights = ordering.mode === 'weighted' ? parseWeights(ordering.weights) : undefined;
  const rows = [...counts.entries()].map(([delegationId, c]) => ({
    delegationId,
    name: options.delegationNames?.[delegationId],
    ...c,
    total: c.gold + c.silver + c.bronze,
    weighted: weights ? weights.gold.mul(c.gold).add(weights.silver.mul(c.silver)).add(weights.bronze.mul(c.bronze)) : undefined,
  }));
  type Row = (typeof rows)[number];
  const keyCmp = (a: Row, b: Row): number => {
    if (a.weighted && b.weighted) {
      const byWeight = b.weighted.comparedTo(a.weighted);
      if (byWeight !== 0) return byWeight;
    }
    return b.gold - a.gold || b.silver - a.silver || b.bronze - a.bronze;
  };
  const nameCmp = (a: Row, b: Row): number =>
    zhCollator.compare(a.name ?? a.delegationId, b.name ?? b.delegationId) || (a.delegationId < b.delegationId ? -1 : a.delegationId > b.delegationId ? 1 : 0);
  rows.sort((a, b) => keyCmp(a, b) || nameCmp(a, b));

  const out: MedalTableRow[] = [];
  rows.forEach((r, i) => {
    const rank = i > 0 && keyCmp(rows[i - 1], r) === 0 ? out[i - 1].rank : i + 1;
    out.push({
      delegationId: r.delegationId,
      ...(r.name !== undefined ? { name: r.name } : {}),
      rank,
      gold: r.gold,
      silver: r.silver,
      bronze: r.bronze,
      total: r.total,
      ...(r.weighted ? { weightedPoints: r.weighted.toFixed() } : {}),
    });
  });
  return out;
}

function parseWeights(w: { gold: string | number; silver: string | number; bronze: string | number } | undefined) {
  const raw = w ?? { gold: 3, silver: 2, bronze: 1 };
  const parse = (v: string | number, what: string) => {
    let d: Decimal;
    try {
      d = new Decimal(v);
    } catch {
      throw new ResultsDomainError('INVALID_MEDAL_WEIGHTS', `${what}权重不是有效数字：${String(v)}`);
    }
    if (!d.isFinite() || d.isNegative()) throw new ResultsDomainError('INVALID_MEDAL_WEIGHTS', `${what}权重必须是非负数：${String(v)}`);
    return d;
  };
  return { gold: parse(raw.gold, '金牌'), silver: parse(raw.silver, '银牌'), bronze: parse(raw.bronze, '铜牌') };
}
