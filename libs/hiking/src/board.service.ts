import { SharedReads } from '@app/common';
import { AppConfig } from '@app/config';
import type { Principal } from '@app/identity';
import { Injectable, type MessageEvent } from '@nestjs/common';
import { concatMap, from, interval, map, merge, type Observable, of, throttleTime } from 'rxjs';
import { BoardLive } from './board-live';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { isWalking, type WalkerStatus } from './domain';
import { HikingCheckpoint } from './hiking-checkpoint.entity';
import { type OverdueRow, overdueWalkers } from './overdue';
import { RouteAccess, type RouteFacts } from './route-access';

interface NamedRow {
  id: number;
  bib: string | null;
  lastSeq: number | null;
}

/** The board names this many overdue walkers, the longest overdue first; its counts cover them all. */
const OVERDUE_NAMED = 200;



/**
 * The safety board (organizers and staff only: it names people): who is expected, arrived, missed
 * and overdue at each checkpoint, and how many are out on each segment right now.
 *
 * Read from aggregates so it stays fast on a night of 20,000 walkers: counts by status and last
 * checkpoint from the walkers' board index, arrivals per checkpoint from the counters the scan
 * batches keep (hiking_arrival_counts), and only the overdue walkers' names.
 */
@Injectable()
export class BoardService {
  private readonly shared = new SharedReads<Awaited<ReturnType<BoardService['compute']>>>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: RouteAccess,
    private readonly live: BoardLive,
    private readonly config: AppConfig,
  ) {}

  /**
   * The board live (Server-Sent Events): `board` at once, again after changes (at most one per
   * second while scans pour in, the last change always shown: a board begun after it, never one
   * shared from before it), `ping` every 25 s.
   */
  async stream(principal: Principal, routeId: number): Promise<Observable<MessageEvent>> {
    const first = await this.board(principal, routeId);
    const changes = this.live.of(routeId).pipe(
      map(() => performance.now()),
      throttleTime(1000, undefined, { leading: true, trailing: true }),
      concatMap((changedAt) => from(this.read(principal, routeId, changedAt))),
      map((board): MessageEvent => ({ type: 'board', data: board })),
    );
    const heartbeat = interval(25_000).pipe(map((): MessageEvent => ({ type: 'ping', data: {} })));
    return merge(of<MessageEvent>({ type: 'board', data: first }), changes, heartbeat);
  }

  /**
   * The board as of this request, give or take HIKING_BOARD_MAX_AGE_MS: one computed at most that
   * long before the request arrived. Readers of a route share one computation: fifty staff phones,
   * or one client asking in a loop, cost a computation per that interval, not one each, while the
   * scans pour in on the same two cores. With 0, a reader sees every change committed before they asked.
   */
  async board(principal: Principal, routeId: number) {
    return this.read(principal, routeId, performance.now() - this.config.HIKING_BOARD_MAX_AGE_MS);
  }

  /** A board begun at or after `since` (performance.now()), shared with the route's other readers. */
  private async read(principal: Principal, routeId: number, since: number) {
    const route = await this.access.route(routeId);
    await this.access.assertStaffOrOrganizer(principal, route);
    return this.shared.read(route.id, since, () => this.compute(route, Date.now()));
  }

  private async compute(route: RouteFacts, nowAt: number) {
    const routeId = route.id;
    const cps = await this.dataSource.manager.find(HikingCheckpoint, { where: { routeId }, order: { seq: 'ASC' } });
    const [groups, arrivals, overdue, lost]: [
      { status: WalkerStatus; lastSeq: number | null; n: number }[],
      { checkpointId: number; n: number }[],
      OverdueRow[],
      NamedRow[],
    ] = await Promise.all([
      this.dataSource.query('SELECT status, last_checkpoint_seq AS lastSeq, COUNT(*) AS n FROM hiking_walkers WHERE route_id = ? GROUP BY status, last_checkpoint_seq', [routeId]),
      this.dataSource.query('SELECT checkpoint_id AS checkpointId, SUM(arrived) AS n FROM hiking_arrival_counts WHERE checkpoint_id IN (?) GROUP BY checkpoint_id', [
        cps.length ? cps.map((c) => c.id) : [0],
      ]),
      overdueWalkers(this.dataSource, routeId, cps, nowAt, route.overdueMarginMs, OVERDUE_NAMED),
      this.dataSource.query('SELECT id, bib, last_checkpoint_seq AS lastSeq FROM hiking_walkers WHERE route_id = ? AND lost = 1', [routeId]),
    ]);
    const arrivedAt = new Map(arrivals.map((a) => [Number(a.checkpointId), Number(a.n)]));
    const count = (pick: (g: (typeof groups)[number]) => boolean) => groups.filter(pick).reduce((s, g) => s + Number(g.n), 0);
    const overdueAt = new Map(overdue.map((w) => [w.nextSeq, w.n]));
    const checkpoints = cps.map((cp) => {
      const arrived = arrivedAt.get(cp.id) ?? 0;
      // Everyone whose last passage is here has a counted scan here; the rest of the arrivals went on.
      const atIt = count((g) => g.lastSeq !== null && Number(g.lastSeq) === cp.seq);
      const beyond = count((g) => g.lastSeq !== null && Number(g.lastSeq) > cp.seq);
      return {
        checkpointId: cp.id,
        seq: cp.seq,
        name: cp.name,
        expected: count((g) => isWalking(g.status) && (g.lastSeq === null || Number(g.lastSeq) < cp.seq)),
        arrived,
        missed: Math.max(0, beyond - (arrived - atIt)),
        overdue: overdueAt.get(cp.seq) ?? 0,
      };
    });
    // Out on the trail right now: walking walkers between the checkpoint they last passed and the next.
    const segments = cps.slice(0, -1).map((cp, i) => ({
      fromSeq: cp.seq,
      toSeq: cps[i + 1].seq,
      onTrail: count((g) => isWalking(g.status) && (g.lastSeq === null ? 0 : Number(g.lastSeq)) === cp.seq),
    }));
    const byStatus: Record<string, number> = {};
    for (const g of groups) byStatus[g.status] = (byStatus[g.status] ?? 0) + Number(g.n);
    const named = (rows: NamedRow[]) => rows.map((w) => ({ walkerId: Number(w.id), bib: w.bib, lastSeq: w.lastSeq === null ? null : Number(w.lastSeq) }));
    return {
      routeId,
      at: new Date(nowAt),
      total: count(() => true),
      byStatus,
      checkpoints,
      segments,
      overdue: named(overdue.filter((w) => w.r <= OVERDUE_NAMED)),
      lost: named(lost),
    };
  }

}
