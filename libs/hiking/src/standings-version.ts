import { enqueue } from '@app/queue';
import type { EntityManager } from 'typeorm';

/**
 * A change that can move a place (a finish, a drop, a reversal) bumps the route's standings
 * version and asks results to re-tally the route's item with it, in the change's transaction.
 */
export async function standingsChanged(m: EntityManager, routeId: number, itemId: number): Promise<void> {
  await m.query('UPDATE hiking_routes SET standings_version = standings_version + 1 WHERE id = ?', [routeId]);
  const [{ v }] = await m.query('SELECT standings_version AS v FROM hiking_routes WHERE id = ?', [routeId]);
  await enqueue(m, 'tally.item', { itemId, version: Number(v) });
}

/** The audit line of a status a person or the system changed. */
export async function auditStatus(m: EntityManager, walkerId: number, from: string, to: string, reason: string, actorId: number | null): Promise<void> {
  await m.query('INSERT INTO hiking_status_changes (walker_id, from_status, to_status, reason, actor_id) VALUES (?, ?, ?, ?, ?)', [walkerId, from, to, reason.slice(0, 500), actorId]);
}
