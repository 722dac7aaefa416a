import type { Statement } from '@app/database';
import { enqueue, outboxRows } from '@app/queue';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';

/**
 * A change that can move a place (a finish, a drop, a reversal) bumps the route's standings
 * version and asks results to re-tally the route's item with it, in the change's transaction.
 */
export async function standingsChanged(m: EntityManager, routeId: number, itemId: number): Promise<void> {
  await m.query('UPDATE hiking_routes SET standings_version = standings_version + 1 WHERE id = ?', [routeId]);
  const [{ v }] = await m.query('SELECT standings_version AS v FROM hiking_routes WHERE id = ?', [routeId]);
  await enqueue(m, 'tally.item', { itemId, version: Number(v) });
}

/**
 * The scan path's way to the same: fifteen devices finishing walkers at once would all queue on the
 * route's row, so a batch only asks for the bump through the outbox, and the worker bumps once per
 * relay pass. The job is written in the batch's transaction (a statement it ends with), so its
 * finishes are committed before the version that covers them is taken.
 */
export function standingsChangedLater(routeIds: number[]): Statement {
  return outboxRows(routeIds.map((routeId) => ({ name: 'hiking.standings', payload: { routeId, key: randomUUID() } })));
}

@Injectable()
export class StandingsVersion {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Runs the bump a scan batch asked for; a route deleted since has nothing to tally. */
  async bump(routeId: number): Promise<{ routeId: number; bumped: boolean }> {
    return this.dataSource.transaction(async (m) => {
      const [route]: { itemId: number }[] = await m.query('SELECT item_id AS itemId FROM hiking_routes WHERE id = ?', [routeId]);
      if (!route) return { routeId, bumped: false };
      await standingsChanged(m, routeId, Number(route.itemId));
      return { routeId, bumped: true };
    });
  }
}

/** The audit line of a status a person or the system changed. */
export async function auditStatus(m: EntityManager, walkerId: number, from: string, to: string, reason: string, actorId: number | null): Promise<void> {
  await m.query('INSERT INTO hiking_status_changes (walker_id, from_status, to_status, reason, actor_id) VALUES (?, ?, ?, ?, ?)', [walkerId, from, to, reason.slice(0, 500), actorId]);
}
