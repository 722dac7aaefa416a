import type { AppConfig } from '@app/config';
import type { Connection } from 'mysql2/promise';
import { dbConnection, rowsOf } from './bench-support';

/**
 * The overhead ceiling: the SQL the platform itself sent for one API run, replayed bare (no HTTP,
 * no Node framework), batch by batch as the run formed them, on as many connections as one API
 * process keeps. What the API reaches over this is the share of the database's work its own layers
 * leave; what is missing is the cost of HTTP, Nest, the ORM and the driver.
 *
 * Per batch, the statements of the platform's path, in its order: the callers' sessions (users
 * with their roles), the profiles with the quota rows as seen, the names for the answers, then the
 * transaction (entries already there, a quota shard locked with SKIP LOCKED, one INSERT of the
 * entries, then the counts, the notices' outbox row and COMMIT in one compound statement). Written to copies of the tables
 * (`bench_replay_*`), read from the run's own people. Keep it in step with
 * libs/registration/src/entry-batch.ts, capacity.ts and the sessions read.
 */
export async function replay(config: AppConfig, eventId: number, capacity: number, connections: number): Promise<{ perS: number; batches: number; meanBatch: number }> {
  const setup = await dbConnection(config);
  const batches: number[][] = [];
  let organisations: number[] = [];
  try {
    // A batch writes its entries with one created_at: that is how its size is seen afterwards.
    await setup.query('SET SESSION group_concat_max_len = 16777216');
    const groups = await rowsOf<{ users: string }>(
      setup,
      'SELECT GROUP_CONCAT(user_id ORDER BY id) AS users FROM entries WHERE event_id = ? GROUP BY created_at ORDER BY MIN(id)',
      [eventId],
    );
    batches.push(...groups.map((g) => g.users.split(',').map(Number)));
    organisations = (await rowsOf<{ id: number }>(setup, 'SELECT DISTINCT organisation_id AS id FROM entries WHERE event_id = ?', [eventId])).map((r) => Number(r.id));
    for (const table of ['entries', 'quotas', 'outbox']) {
      await setup.query(`DROP TABLE IF EXISTS bench_replay_${table}`);
      await setup.query(`CREATE TABLE bench_replay_${table} LIKE ${table}`);
    }
    const shards = 4;
    await setup.query('INSERT INTO bench_replay_quotas (event_id, scope, shard, shards, cap) VALUES ?', [
      Array.from({ length: shards }, (_, k) => [eventId, 'event', k, shards, Math.floor(capacity / shards) + (k < capacity % shards ? 1 : 0)]),
    ]);
  } finally {
    await setup.end();
  }

  const conns = await Promise.all(Array.from({ length: connections }, () => dbConnection(config)));
  // As the platform's sessions (SESSION_ISOLATION): no gap locks under the entries' shared-lock read.
  await Promise.all(conns.map((c) => c.query('SET SESSION TRANSACTION ISOLATION LEVEL READ COMMITTED')));
  let next = 0;
  let written = 0;
  const started = process.hrtime.bigint();
  try {
    await Promise.all(
      conns.map(async (c) => {
        for (let b = next++; b < batches.length; b = next++) {
          const n = await retried(c, () => replayBatch(c, config.DB_TYPE === 'mariadb', eventId, batches[b], organisations));
          written += n;
        }
      }),
    );
  } finally {
    await Promise.all(conns.map((c) => c.end()));
  }
  const wallS = Number(process.hrtime.bigint() - started) / 1e9;
  return { perS: written / wallS, batches: batches.length, meanBatch: written / Math.max(1, batches.length) };
}

/** A batch InnoDB picked as a deadlock victim is run again, as the platform's transactions are. */
async function retried(c: Connection, run: () => Promise<number>): Promise<number> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (err) {
      await c.query('ROLLBACK');
      if (attempt >= 5 || (err as { errno?: number }).errno !== 1213) throw err;
    }
  }
}

async function replayBatch(c: Connection, compound: boolean, eventId: number, userIds: number[], organisations: number[]): Promise<number> {
  await c.query(
    `SELECT u.id, u.username, u.token_version AS version, u.disabled_at IS NOT NULL AS disabled, ra.role, ra.organisation_id AS orgId, o.path
       FROM users u LEFT JOIN (role_assignments ra JOIN organisations o ON o.id = ra.organisation_id) ON ra.user_id = u.id
      WHERE u.id IN (?) ORDER BY u.id, ra.id`,
    [userIds],
  );
  await c.query(
    `SELECT user_id AS userId, gender, DATE_FORMAT(birth_date, '%Y-%m-%d') AS birthDate, union_member_no AS unionMemberNo, NULL AS eventId, NULL AS scope, NULL AS full FROM person_profiles WHERE user_id IN (?)
     UNION ALL SELECT NULL, NULL, NULL, NULL, event_id, scope, MIN(cap IS NOT NULL AND taken >= cap) FROM bench_replay_quotas WHERE event_id IN (?) AND scope IN (?) GROUP BY event_id, scope`,
    [userIds, [eventId], ['event', 'item:0', `delegation:${organisations[0] ?? 0}`]],
  );
  await c.query("SELECT 'u' AS kind, id, real_name AS name FROM users WHERE id IN (?) UNION ALL SELECT 'o', id, name FROM organisations WHERE id IN (?)", [userIds, organisations]);
  await c.query('START TRANSACTION');
  await c.query('SELECT item_id, active_user_id FROM bench_replay_entries WHERE item_id IN (?) AND active_user_id IN (?) LOCK IN SHARE MODE', [[eventId], userIds]);
  const statuses: string[] = [];
  const held: { id: number; cap: number; taken: number; bibSeq: number }[] = [];
  const changed = new Set<(typeof held)[number]>();
  for (const _ of userIds) {
    let shard = held.find((h) => h.taken < h.cap);
    if (!shard && held.length < 4) {
      const [row] = await rowsOf<{ id: number; cap: number; taken: number; bibSeq: number }>(
        c,
        `SELECT id, shard, shards, cap, taken, bib_seq AS bibSeq FROM bench_replay_quotas WHERE event_id = ? AND scope = 'event' AND shard NOT IN (?) AND (cap IS NULL OR taken < cap) ORDER BY shard LIMIT 1 FOR UPDATE SKIP LOCKED`,
        [eventId, held.length ? held.map((h) => h.id) : [-1]],
      );
      // Every shard with room held by another batch: wait for the first, as the platform does.
      const [busy] = row ? [] : await rowsOf<{ id: number }>(c, `SELECT id FROM bench_replay_quotas WHERE event_id = ? AND scope = 'event' AND (cap IS NULL OR taken < cap) ORDER BY shard LIMIT 1`, [eventId]);
      const [waited] = busy ? await rowsOf<typeof row>(c, 'SELECT id, cap, taken, bib_seq AS bibSeq FROM bench_replay_quotas WHERE id = ? FOR UPDATE', [busy.id]) : [];
      const got = row ?? waited;
      if (got) held.push((shard = { id: Number(got.id), cap: Number(got.cap), taken: Number(got.taken), bibSeq: Number(got.bibSeq) }));
      if (shard && shard.taken >= shard.cap) shard = undefined;
    }
    if (shard) {
      shard.taken++;
      shard.bibSeq++;
      changed.add(shard);
    }
    statuses.push(shard ? 'approved' : 'waitlisted');
  }
  const now = new Date();
  await c.query(
    `INSERT INTO bench_replay_entries (event_id, item_id, user_id, active_user_id, organisation_id, status, bib, registered_by, team_name, age_group, age_group_override, created_at) VALUES ?`,
    [userIds.map((u, i) => [eventId, eventId, u, u, organisations[0] ?? 1, statuses[i], statuses[i] === 'approved' ? `R${u}` : null, u, null, null, false, now])],
  );
  // The counts and the notices go with the COMMIT, one compound statement where the server has them.
  const closing: [string, unknown[]][] = [];
  if (changed.size) {
    const rows = [...changed];
    const cases = rows.map(() => 'WHEN ? THEN ?').join(' ');
    closing.push([
      `UPDATE bench_replay_quotas SET taken = CASE id ${cases} END, bib_seq = CASE id ${cases} END WHERE id IN (?)`,
      [...rows.flatMap((r) => [r.id, r.taken]), ...rows.flatMap((r) => [r.id, r.bibSeq]), rows.map((r) => r.id)],
    ]);
  }
  const jobs = ['approved', 'waitlisted']
    .map((status) => userIds.filter((_, i) => statuses[i] === status))
    .filter((us) => us.length)
    .map((us) => ['notify.inbox', `replay-${us[0]}`, JSON.stringify({ trigger: 'entry.approved', vars: { event: '压测', item: '10公里' }, to: us.map((userId) => ({ userId, ref: `entry-${userId}`, vars: { bib: `R${userId}` } })) })]);
  closing.push(['INSERT INTO bench_replay_outbox (job_name, job_id, payload) VALUES ?', [jobs]]);
  if (compound) await c.query(`BEGIN NOT ATOMIC\n${closing.map(([sql]) => `${sql};\n`).join('')}COMMIT;\nEND`, closing.flatMap(([, params]) => params));
  else {
    for (const [sql, params] of closing) await c.query(sql, params);
    await c.query('COMMIT');
  }
  return userIds.length;
}
