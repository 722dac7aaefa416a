import { ResultsDomainError } from './result';
import type { ItemResultRow } from './types';

export type IneligibleReason = 'GUEST' | 'NOT_OK' | 'UNPLACED';

export interface ScoringPlacement {
  readonly entryId: string;
  readonly delegationId: string;
  /** Place counted over eligible rows only; null when the row does not score. */
  readonly scoringPlace: number | null;
  /** How many eligible rows share this scoring place (1 = no tie). */
  readonly tieSize: number;
  readonly ineligibleReason?: IneligibleReason;
}

function ineligibleReason(row: ItemResultRow): IneligibleReason | undefined {
  if (row.guest) return 'GUEST';
  if (row.status !== 'OK') return 'NOT_OK';
  if (row.place === null) return 'UNPLACED';
  return undefined;
}

/**
 * Recounts places over eligible rows (non-guest, status OK, placed), keeping
 * the judges' ties. A row's scoring place is 1 + the number of eligible rows
 * placed strictly ahead of it: standard competition ranking ("1,1,3").
 * So a guest who finishes 1st does not take 1st-place points or the gold from
 * the best member of a delegation: that member becomes scoring place 1.
 *
 * Why recount instead of trusting `place`: official places include guests and
 * are what the result sheet shows; points and medals are what the delegations
 * compete for, and the 竞赛规程 of workers' meets gives them only to 正式参赛
 * competitors.
 *
 * Rows are returned in input order.
 */
export function computeScoringPlaces(rows: readonly ItemResultRow[]): ScoringPlacement[] {
  const seen = new Set<string>();
  for (const row of rows) {
    if (seen.has(row.entryId)) throw new ResultsDomainError('DUPLICATE_ENTRY', `同一项目中参赛单元重复：${row.entryId}`);
    seen.add(row.entryId);
    if (row.place !== null && (!Number.isInteger(row.place) || row.place < 1)) {
      throw new ResultsDomainError('INVALID_PLACE', `名次必须是正整数：${row.entryId} 的名次为 ${String(row.place)}`);
    }
  }
  // How many eligible rows hold each place, then how many are placed strictly ahead of it: one pass each, not one per row.
  const holders = new Map<number, number>();
  for (const r of rows) if (ineligibleReason(r) === undefined) holders.set(r.place as number, (holders.get(r.place as number) ?? 0) + 1);
  const ahead = new Map<number, number>();
  let before = 0;
  for (const place of [...holders.keys()].sort((a, b) => a - b)) {
    ahead.set(place, before);
    before += holders.get(place)!;
  }
  return rows.map((row) => {
    const reason = ineligibleReason(row);
    if (reason !== undefined) {
      return { entryId: row.entryId, delegationId: row.delegationId, scoringPlace: null, tieSize: 0, ineligibleReason: reason };
    }
    const place = row.place as number;
    return { entryId: row.entryId, delegationId: row.delegationId, scoringPlace: ahead.get(place)! + 1, tieSize: holders.get(place)! };
  });
}
