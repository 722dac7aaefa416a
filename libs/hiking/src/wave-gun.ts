import type { EntityManager } from 'typeorm';

/**
 * The wave's gun starts its walkers still registered (registered → started by the start scan or the
 * wave's gun), each audited. Their own start stays unknown, as for a walker with no start scan: the
 * gun time stands for it and the net time is unknown.
 */
export async function startAtGun(m: EntityManager, routeId: number, waveId: number): Promise<number> {
  const rows: { id: number }[] = await m.query("SELECT id FROM hiking_walkers WHERE wave_id = ? AND route_id = ? AND status = 'registered' ORDER BY id FOR UPDATE", [waveId, routeId]);
  if (!rows.length) return 0;
  const ids = rows.map((r) => r.id);
  await m.query("UPDATE hiking_walkers SET status = 'started' WHERE id IN (?)", [ids]);
  await m.query('INSERT INTO hiking_status_changes (walker_id, from_status, to_status, reason, actor_id) VALUES ?', [ids.map((id) => [id, 'registered', 'started', 'wave_gun', null])]);
  return ids.length;
}
