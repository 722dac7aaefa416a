import type { SqlRunner } from '@app/database';
import { overdueList, type OverdueRow } from './domain';

export type { OverdueRow } from './domain';

/*
 * The walkers on the course, read in one narrow statement, and the overdue rule run on them here
 * (domain/overdue-list.ts): a median and a window over every walker in MariaDB cost more under a
 * night's scan load than carrying these few columns over.
 */
const WALKING_SQL = `SELECT w.id, w.bib, w.last_checkpoint_seq AS lastSeq, w.last_scan_at AS lastScanAt, COALESCE(w.started_at, v.starts_at) AS startAt
  FROM hiking_walkers w JOIN hiking_waves v ON v.id = w.wave_id
 WHERE w.route_id = ? AND w.status IN ('started', 'on_course')`;

/**
 * The route's overdue walkers as of `nowAt`: the longest overdue `named` of them by name, and a count
 * per checkpoint. `checkpoints` are the route's, as the caller has already read them.
 */
export async function overdueWalkers(
  sql: SqlRunner,
  routeId: number,
  checkpoints: readonly { id: number; seq: number; distanceM: number }[],
  nowAt: number,
  marginMs: number,
  named: number,
): Promise<OverdueRow[]> {
  const walking: { id: number; bib: string | null; lastSeq: number | null; lastScanAt: Date | null; startAt: Date }[] = await sql.query(WALKING_SQL, [routeId]);
  return overdueList(
    walking.map((w) => ({ id: Number(w.id), bib: w.bib, lastSeq: w.lastSeq === null ? null : Number(w.lastSeq), lastScanAt: w.lastScanAt ? new Date(w.lastScanAt).getTime() : null, startAt: new Date(w.startAt).getTime() })),
    checkpoints,
    nowAt,
    marginMs,
    named,
  );
}
