import type { SqlRunner } from '@app/database';

/*
 * Overdue walkers, worked out in the database so the board never carries the whole field over the
 * wire: the rule of domain/pace.ts (predictArrival, isOverdue) in SQL. A walker's pace (ms per km,
 * which is µs per m) runs from their start (own start scan, or the wave's gun) to their last passage;
 * before their first split the route's median pace of those who have one stands in.
 */
const WALKING = `FROM hiking_walkers w JOIN hiking_waves v ON v.id = w.wave_id
  LEFT JOIN hiking_checkpoints cl ON cl.route_id = w.route_id AND cl.seq = w.last_checkpoint_seq AND w.last_checkpoint_seq > 0 AND w.last_scan_at IS NOT NULL
  WHERE w.route_id = ? AND w.status IN ('started', 'on_course')`;
const PACE = 'TIMESTAMPDIFF(MICROSECOND, COALESCE(w.started_at, v.starts_at), w.last_scan_at) / cl.distance_m';
const MEDIAN_SQL = `SELECT MEDIAN(${PACE}) OVER () AS pace ${WALKING} AND cl.id IS NOT NULL LIMIT 1`;
/**
 * Parameters: now, median pace, margin, route, how many to name. Each overdue walker's row carries
 * the count of its next checkpoint's overdue; only the longest overdue and each checkpoint's first come back.
 */
const OVERDUE_SQL = `
  SELECT id, bib, lastSeq, nextSeq, nextId, n, r FROM (
    SELECT id, bib, lastSeq, nextSeq, nextId, COUNT(*) OVER (PARTITION BY nextSeq) AS n,
           ROW_NUMBER() OVER (ORDER BY byMs DESC, id) AS r, ROW_NUMBER() OVER (PARTITION BY nextSeq ORDER BY id) AS first
      FROM (
        SELECT w.id, w.bib, w.last_checkpoint_seq AS lastSeq, cn.seq AS nextSeq, cn.id AS nextId,
               TIMESTAMPDIFF(MICROSECOND, IF(cl.id IS NULL, COALESCE(w.started_at, v.starts_at), w.last_scan_at), q.nowAt) / 1000
                 - (cn.distance_m - COALESCE(cl.distance_m, 0)) / 1000 * COALESCE(${PACE}, q.median) - q.marginMs AS byMs
          FROM (SELECT ? AS nowAt, ? AS median, ? AS marginMs) q, hiking_walkers w JOIN hiking_waves v ON v.id = w.wave_id
          LEFT JOIN hiking_checkpoints cl ON cl.route_id = w.route_id AND cl.seq = w.last_checkpoint_seq AND w.last_checkpoint_seq > 0 AND w.last_scan_at IS NOT NULL
          JOIN hiking_checkpoints cn ON cn.route_id = w.route_id AND cn.seq = COALESCE(w.last_checkpoint_seq, 0) + 1
         WHERE w.route_id = ? AND w.status IN ('started', 'on_course')
      ) t WHERE byMs > 0
  ) o WHERE r <= ? OR first = 1 ORDER BY r`;

export interface OverdueRow {
  id: number;
  bib: string | null;
  lastSeq: number | null;
  /** The checkpoint they are overdue at. */
  nextSeq: number;
  nextId: number;
  /** How many are overdue at that checkpoint. */
  n: number;
  /** 1 for the longest overdue; rows past `named` are only there to carry their checkpoint's count. */
  r: number;
}

/** The route's overdue walkers as of `nowAt`: the longest overdue `named` of them by name, and a count per checkpoint. */
export async function overdueWalkers(sql: SqlRunner, routeId: number, nowAt: number, marginMs: number, named: number): Promise<OverdueRow[]> {
  const [median]: { pace: number }[] = await sql.query(MEDIAN_SQL, [routeId]);
  const rows: OverdueRow[] = await sql.query(OVERDUE_SQL, [new Date(nowAt), median ? Number(median.pace) : null, marginMs, routeId, named]);
  return rows.map((r) => ({ ...r, id: Number(r.id), lastSeq: r.lastSeq === null ? null : Number(r.lastSeq), nextSeq: Number(r.nextSeq), nextId: Number(r.nextId), n: Number(r.n), r: Number(r.r) }));
}
