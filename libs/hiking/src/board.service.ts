import type { Principal } from '@app/identity';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { isOverdue, isWalking, predictArrival, routeMedianPace, type Split, type WalkerStatus } from './domain';
import { HikingCheckpoint } from './hiking-checkpoint.entity';
import { RouteAccess } from './route-access';

interface BoardWalker {
  id: number;
  bib: string | null;
  status: WalkerStatus;
  lastSeq: number | null;
  lost: number;
  startAt: Date;
}

/**
 * The safety board (organizers and staff only: it names people): who is expected, arrived, missed
 * and overdue at each checkpoint, and how many are out on each segment right now.
 */
@Injectable()
export class BoardService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: RouteAccess,
  ) {}

  async board(principal: Principal, routeId: number, nowAt = Date.now()) {
    const route = await this.access.route(routeId);
    await this.access.assertStaffOrOrganizer(principal, route);
    const cps = await this.dataSource.manager.find(HikingCheckpoint, { where: { routeId }, order: { seq: 'ASC' } });
    const walkers: BoardWalker[] = await this.dataSource.query(
      `SELECT w.id, w.bib, w.status, w.last_checkpoint_seq AS lastSeq, w.lost, COALESCE(w.started_at, v.starts_at) AS startAt
         FROM hiking_walkers w JOIN hiking_waves v ON v.id = w.wave_id WHERE w.route_id = ?`,
      [routeId],
    );
    const scans: { walkerId: number; seq: number; at: Date }[] = await this.dataSource.query(
      `SELECT s.walker_id AS walkerId, c.seq, MIN(s.corrected_at) AS at FROM hiking_scans s JOIN hiking_checkpoints c ON c.id = s.checkpoint_id
        WHERE c.route_id = ? AND s.counted = 1 GROUP BY s.walker_id, c.seq`,
      [routeId],
    );
    const distance = new Map(cps.map((c) => [c.seq, c.distanceM]));
    const seen = new Map<number, Map<number, number>>();
    for (const s of scans) {
      const m = seen.get(Number(s.walkerId)) ?? new Map<number, number>();
      m.set(Number(s.seq), new Date(s.at).getTime());
      seen.set(Number(s.walkerId), m);
    }
    // Splits from the start (own start scan, else the wave's gun) through each counted passage.
    const splitsOf = (w: BoardWalker): Split[] => {
      const passed = [...(seen.get(Number(w.id)) ?? new Map()).entries()].filter(([seq]) => seq > 0).sort((a, b) => a[0] - b[0]);
      return [{ distanceM: 0, at: new Date(w.startAt).getTime() }, ...passed.map(([seq, at]) => ({ distanceM: distance.get(seq) ?? 0, at }))];
    };
    const walking = walkers.filter((w) => isWalking(w.status));
    const median = routeMedianPace(walkers.map(splitsOf));
    const overdueIds = new Set<number>();
    const checkpoints = cps.map((cp) => {
      const arrived = walkers.filter((w) => seen.get(Number(w.id))?.has(cp.seq)).length;
      const expected = walking.filter((w) => w.lastSeq === null || w.lastSeq < cp.seq).length;
      const missed = walkers.filter((w) => w.lastSeq !== null && w.lastSeq > cp.seq && !seen.get(Number(w.id))?.has(cp.seq)).length;
      const overdue = walking.filter((w) => (w.lastSeq ?? 0) + 1 === cp.seq && isOverdue(predictArrival(splitsOf(w), cp.distanceM, median), nowAt, route.overdueMarginMs)).map((w) => Number(w.id));
      overdue.forEach((id) => overdueIds.add(id));
      return { checkpointId: cp.id, seq: cp.seq, name: cp.name, expected, arrived, missed, overdue: overdue.length };
    });
    // Out on the trail right now: walking walkers between the checkpoint they last passed and the next.
    const segments = cps.slice(0, -1).map((cp, i) => ({ fromSeq: cp.seq, toSeq: cps[i + 1].seq, onTrail: walking.filter((w) => (w.lastSeq ?? 0) === cp.seq).length }));
    const byStatus: Record<string, number> = {};
    for (const w of walkers) byStatus[w.status] = (byStatus[w.status] ?? 0) + 1;
    const named = (ids: Set<number>) => walkers.filter((w) => ids.has(Number(w.id))).map((w) => ({ walkerId: Number(w.id), bib: w.bib, lastSeq: w.lastSeq }));
    return {
      routeId,
      at: new Date(nowAt),
      total: walkers.length,
      byStatus,
      checkpoints,
      segments,
      overdue: named(overdueIds),
      lost: named(new Set(walkers.filter((w) => Number(w.lost)).map((w) => Number(w.id)))),
    };
  }
}
