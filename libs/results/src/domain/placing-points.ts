import { Fraction } from './fraction';
import { ResultsDomainError } from './result';
import { computeScoringPlaces, type IneligibleReason } from './scoring-places';
import type { ItemResults } from './types';

/**
 * Placing points kept as data per event, e.g. the usual 职工运动会 rule
 * "每项取前八名，按 9、7、6、5、4、3、2、1 计分，接力项目加倍计分".
 * Index 0 is 1st place. Values are decimal strings or numbers.
 */
export interface PlacingPointsTable {
  readonly individual: readonly (string | number)[];
  readonly relay: readonly (string | number)[];
}

export const WORKERS_GAMES_POINTS: PlacingPointsTable = {
  individual: [9, 7, 6, 5, 4, 3, 2, 1],
  relay: [18, 14, 12, 10, 8, 6, 4, 2],
};

export interface PointsAllocation {
  readonly itemId: string;
  readonly entryId: string;
  readonly delegationId: string;
  readonly scoringPlace: number | null;
  readonly tieSize: number;
  /** Decimal text, exact when `exact` (e.g. "4.5"); else rounded to 4 places. */
  readonly points: string;
  /** Always exact: "8", "9/2", "22/3". */
  readonly pointsFraction: string;
  readonly exact: boolean;
  readonly ineligibleReason?: IneligibleReason;
}

export interface DelegationPoints {
  readonly delegationId: string;
  /** Shared when points and the countback are both equal. */
  readonly rank: number;
  readonly points: string;
  readonly pointsFraction: string;
  readonly exact: boolean;
  /** placeCounts[0] = number of scoring 1st places, ... up to the longest table. */
  readonly placeCounts: readonly number[];
}

export interface PlacingPointsResult {
  readonly allocations: PointsAllocation[];
  readonly totals: DelegationPoints[];
}

function parseTable(values: readonly (string | number)[], which: string): Fraction[] {
  return values.map((v, i) => {
    const f = Fraction.fromDecimal(v, `${which}计分表第 ${i + 1} 名`);
    if (f.num < 0n) throw new ResultsDomainError('INVALID_POINTS_TABLE', `${which}计分表第 ${i + 1} 名的分值不能为负数`);
    return f;
  });
}

/** Points of the places a tie covers, shared equally: tie for 2nd of two = (7+6)/2. */
function sharedPoints(table: Fraction[], scoringPlace: number, tieSize: number): Fraction {
  let sum = Fraction.ZERO;
  for (let p = scoringPlace; p < scoringPlace + tieSize; p++) sum = sum.add(table[p - 1] ?? Fraction.ZERO);
  return sum.divInt(tieSize);
}

/**
 * Allocates placing points per item and sums them per delegation.
 *
 * - Guests and DNS/DNF/DQ/unplaced rows get "0" and are skipped when places
 *   are counted (see computeScoringPlaces).
 * - Tied rows share the points of all places the tie covers; places beyond
 *   the table are worth 0, so a tie straddling 8th/9th shares (1+0)/2.
 * - Delegation order: total points, then countback (more 1st places, then
 *   more 2nd places, ...), the tie-break most 竞赛规程 state for 团体总分;
 *   delegations equal on both share a rank and are listed by id.
 *   Delegations listed in `delegationIds` appear even with no row (0 points);
 *   otherwise every delegation with a non-guest row appears.
 */
export function allocatePlacingPoints(
  items: readonly ItemResults[],
  table: PlacingPointsTable,
  delegationIds: readonly string[] = [],
): PlacingPointsResult {
  const individual = parseTable(table.individual, '个人项目');
  const relay = parseTable(table.relay, '接力项目');
  const depth = Math.max(individual.length, relay.length);
  const itemIds = new Set<string>();
  const allocations: PointsAllocation[] = [];
  const sums = new Map<string, { points: Fraction; placeCounts: number[] }>();
  const tally = (delegationId: string) => {
    let t = sums.get(delegationId);
    if (!t) sums.set(delegationId, (t = { points: Fraction.ZERO, placeCounts: new Array<number>(depth).fill(0) }));
    return t;
  };
  for (const id of delegationIds) tally(id);

  for (const item of items) {
    if (itemIds.has(item.itemId)) throw new ResultsDomainError('DUPLICATE_ITEM', `项目重复：${item.itemId}`);
    itemIds.add(item.itemId);
    const pointsTable = item.isRelay ? relay : individual;
    const guestEntries = new Set(item.rows.filter((r) => r.guest).map((r) => r.entryId));
    for (const sp of computeScoringPlaces(item.rows)) {
      const points = sp.scoringPlace === null ? Fraction.ZERO : sharedPoints(pointsTable, sp.scoringPlace, sp.tieSize);
      allocations.push({
        itemId: item.itemId,
        entryId: sp.entryId,
        delegationId: sp.delegationId,
        scoringPlace: sp.scoringPlace,
        tieSize: sp.tieSize,
        points: points.toDecimalString(),
        pointsFraction: points.toFractionString(),
        exact: points.terminating,
        ...(sp.ineligibleReason ? { ineligibleReason: sp.ineligibleReason } : {}),
      });
      if (guestEntries.has(sp.entryId)) continue; // a guest's delegation is not in the standings
      const t = tally(sp.delegationId);
      t.points = t.points.add(points);
      if (sp.scoringPlace !== null && sp.scoringPlace <= depth) t.placeCounts[sp.scoringPlace - 1]++;
    }
  }

  const cmp = (a: { points: Fraction; placeCounts: number[] }, b: { points: Fraction; placeCounts: number[] }) => {
    const byPoints = b.points.compare(a.points);
    if (byPoints !== 0) return byPoints;
    for (let i = 0; i < depth; i++) if (a.placeCounts[i] !== b.placeCounts[i]) return b.placeCounts[i] - a.placeCounts[i];
    return 0;
  };
  const ordered = [...sums.entries()].sort(([ia, a], [ib, b]) => cmp(a, b) || (ia < ib ? -1 : ia > ib ? 1 : 0));
  const totals: DelegationPoints[] = [];
  ordered.forEach(([delegationId, t], i) => {
    const prev = i > 0 ? ordered[i - 1][1] : undefined;
    const rank = prev && cmp(prev, t) === 0 ? totals[i - 1].rank : i + 1;
    totals.push({
      delegationId,
      rank,
      points: t.points.toDecimalString(),
      pointsFraction: t.points.toFractionString(),
      exact: t.points.terminating,
      placeCounts: [...t.placeCounts],
    });
  });
  allocations.sort((a, b) => cmpStr(a.itemId, b.itemId) || cmpPlace(a.scoringPlace, b.scoringPlace) || cmpStr(a.entryId, b.entryId));
  return { allocations, totals };
}

function cmpStr(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function cmpPlace(a: number | null, b: number | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a - b;
}
