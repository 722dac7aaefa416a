import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { routeNotFound } from './hiking-errors';
import { HikingCheckpoint } from './hiking-checkpoint.entity';
import { HikingRoute } from './hiking-route.entity';
import { HikingWave } from './hiking-wave.entity';
import { RouteAccess, type RouteFacts } from './route-access';

/** What every scan batch of an event needs and organizers rarely change. */
export interface EventSetup {
  routes: HikingRoute[];
  /** The first route with its event's organisation, for the organizer check. */
  facts: RouteFacts;
  checkpoints: Map<number, HikingCheckpoint>;
  /** Each route's checkpoints in seq order. */
  routeCheckpoints: Map<number, HikingCheckpoint[]>;
  waveStarts: Map<number, number>;
  /** Staff user id → the checkpoints they are assigned to. */
  staff: Map<number, Set<number>>;
}

interface Cached {
  key: string;
  readAt: number;
  setup: EventSetup;
}

/** Read again after this long even if no version moved: the event's organisation lives in another context. */
const MAX_AGE_MS = 60_000;

/**
 * The scan path's copy of an event's routes, checkpoints, waves and staff, per API process. A batch
 * checks one cheap version row set (the sum of the routes' setup versions, which every edit of these
 * bumps with `setupChanged`) instead of re-reading them all: fifteen devices uploading all night
 * would otherwise read the same rows a dozen times per batch.
 */
@Injectable()
export class ScanSetup {
  private readonly cache = new Map<number, Cached>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: RouteAccess,
  ) {}

  async of(eventId: number): Promise<EventSetup> {
    const [row]: { n: number; v: number; top: number }[] = await this.dataSource.query(
      'SELECT COUNT(*) AS n, COALESCE(SUM(setup_version), 0) AS v, COALESCE(MAX(id), 0) AS top FROM hiking_routes WHERE event_id = ?',
      [eventId],
    );
    if (!Number(row.n)) throw routeNotFound(eventId);
    const key = `${row.n}/${row.v}/${row.top}`;
    const hit = this.cache.get(eventId);
    if (hit && hit.key === key && Date.now() - hit.readAt < MAX_AGE_MS) return hit.setup;
    const setup = await this.read(eventId);
    this.cache.set(eventId, { key, readAt: Date.now(), setup });
    return setup;
  }

  private async read(eventId: number): Promise<EventSetup> {
    const m = this.dataSource.manager;
    const routes = await m.find(HikingRoute, { where: { eventId }, order: { id: 'ASC' } });
    if (!routes.length) throw routeNotFound(eventId);
    const [facts, cps, waves, staff] = await Promise.all([
      this.access.withFacts(routes[0]),
      m.find(HikingCheckpoint, { where: routes.map((r) => ({ routeId: r.id })), order: { seq: 'ASC' } }),
      m.findBy(HikingWave, { eventId }),
      m.query('SELECT s.user_id AS userId, s.checkpoint_id AS checkpointId FROM hiking_checkpoint_staff s JOIN hiking_checkpoints c ON c.id = s.checkpoint_id WHERE c.route_id IN (?)', [
        routes.map((r) => r.id),
      ]) as Promise<{ userId: number; checkpointId: number }[]>,
    ]);
    const routeCheckpoints = new Map<number, HikingCheckpoint[]>(routes.map((r) => [r.id, []]));
    for (const cp of cps) routeCheckpoints.get(cp.routeId)!.push(cp);
    const staffMap = new Map<number, Set<number>>();
    for (const s of staff) staffMap.set(Number(s.userId), (staffMap.get(Number(s.userId)) ?? new Set()).add(Number(s.checkpointId)));
    return {
      routes,
      facts,
      checkpoints: new Map(cps.map((c) => [c.id, c])),
      routeCheckpoints,
      waveStarts: new Map(waves.map((w) => [w.id, w.startsAt.getTime()])),
      staff: staffMap,
    };
  }
}

/** An edit of a route's settings, checkpoints, waves or staff: every API process's scan setup is read again. */
export async function setupChanged(m: EntityManager | DataSource, where: { routeId: number } | { eventId: number }): Promise<void> {
  if ('routeId' in where) await m.query('UPDATE hiking_routes SET setup_version = setup_version + 1 WHERE id = ?', [where.routeId]);
  else await m.query('UPDATE hiking_routes SET setup_version = setup_version + 1 WHERE event_id = ?', [where.eventId]);
}
