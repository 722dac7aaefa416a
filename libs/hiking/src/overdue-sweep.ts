import { AppConfig } from '@app/config';
import { PeopleDirectory } from '@app/identity';
import { enqueue } from '@app/queue';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { alertOrganizers } from './alerts';
import { HikingCheckpoint } from './hiking-checkpoint.entity';
import { overdueWalkers } from './overdue';
import { RouteAccess } from './route-access';

/**
 * The periodic sweep of a route while walkers are out: who is newly overdue (as the safety board
 * computes it) is told to the event's organizers once per walker and checkpoint, not every sweep.
 * A wave's gun (or walkers enrolled after it) starts the sweeps through the outbox; each sweep then
 * names the next while anyone is still walking, which the worker adds to the queue itself after the
 * commit: a sweep that finds nothing new writes nothing, and a quiet route stops sweeping by itself.
 */
@Injectable()
export class OverdueSweep {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: RouteAccess,
    private readonly people: PeopleDirectory,
    private readonly config: AppConfig,
  ) {}

  async run(job: { routeId: number; at: number }): Promise<{ alerted: number; next: number | null }> {
    return this.dataSource.transaction(async (m) => {
      const route = await this.access.route(job.routeId, m).catch(() => null);
      if (!route) return { alerted: 0, next: null };
      const now = Date.now();
      const checkpoints = await m.findBy(HikingCheckpoint, { routeId: route.id });
      const overdue = await overdueWalkers(m, route.id, checkpoints, now, route.overdueMarginMs, Number.MAX_SAFE_INTEGER);
      const known = new Set<string>(
        overdue.length
          ? (await m.query('SELECT walker_id AS w, checkpoint_id AS c FROM hiking_overdue_alerts WHERE walker_id IN (?)', [overdue.map((o) => o.id)])).map((r: { w: number; c: number }) => `${r.w}/${r.c}`)
          : [],
      );
      const fresh = overdue.filter((o) => !known.has(`${o.id}/${o.nextId}`));
      if (fresh.length) {
        await m.query('INSERT IGNORE INTO hiking_overdue_alerts (walker_id, checkpoint_id) VALUES ?', [fresh.map((o) => [o.id, o.nextId])]);
        const users: { id: number; userId: number }[] = await m.query('SELECT id, user_id AS userId FROM hiking_walkers WHERE id IN (?)', [fresh.map((o) => o.id)]);
        const userOf = new Map(users.map((u) => [Number(u.id), Number(u.userId)]));
        const names = new Map(checkpoints.map((c) => [c.seq, c.name]));
        const walkers = fresh.map((o) => ({
          userId: userOf.get(o.id)!,
          bib: o.bib,
          lastCheckpoint: o.lastSeq === null ? null : (names.get(o.lastSeq) ?? null),
          alert: `超时未到「${names.get(o.nextSeq) ?? ''}」`,
          ref: `overdue-${o.id}-${o.nextId}`,
        }));
        await alertOrganizers(m, this.people, route, walkers);
      }
      return { alerted: fresh.length, next: await this.scheduleNext(m, route.id) };
    });
  }

  /** The next sweep's instant while anyone on the route may still become overdue; none once everyone is in or out. */
  private async scheduleNext(m: EntityManager, routeId: number): Promise<number | null> {
    const [walking] = await m.query("SELECT 1 AS x FROM hiking_walkers WHERE route_id = ? AND status IN ('started', 'on_course') LIMIT 1", [routeId]);
    return walking ? nextSweepAt(this.config.HIKING_SWEEP_MS) : null;
  }
}

/** The next multiple of the interval: every starter of a route names the same instant. */
const nextSweepAt = (everyMs: number, now = Date.now()): number => (Math.floor(now / everyMs) + 1) * everyMs;

/**
 * The route's next sweep, at the next multiple of the interval: a wave's gun, walkers enrolled after
 * it and the sweep before all name the same instant, so however often they ask, the job id (route
 * and instant) makes it one chain of sweeps.
 */
export async function startSweeps(m: EntityManager, routeId: number, everyMs: number): Promise<number> {
  const at = nextSweepAt(everyMs);
  await enqueue(m, 'hiking.sweep', { routeId, at });
  return at;
}
