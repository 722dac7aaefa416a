import { type ChildProcess, spawn } from 'node:child_process';
import { loadConfig } from '@app/config';
import { createDataSource } from '@app/config/data-source';
import type { DataSource } from 'typeorm';
import { freshDatabase, type RunningApp, startApp, stopChild, waitFor } from './support/processes';
import { testEnv } from './support/test-env';
import { buildWorld, competitionWithEntries, http, submitMark, submitSheet } from './support/world';

const REDIS_PORT = 6391;

/** A Redis of the test's own, on its own port, so the test may stop it. */
async function startRedis(): Promise<ChildProcess> {
  const redis = spawn('redis-server', ['--port', String(REDIS_PORT), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
  await waitFor('the test Redis to listen', async () => (await fetch(`http://127.0.0.1:${REDIS_PORT}`).catch((e) => e.cause?.code)) !== 'ECONNREFUSED', 10_000);
  return redis;
}

describe('transactional outbox: Redis down delays jobs, never loses them', () => {
  const env = testEnv({ DB_NAME: 'union_events_outage', REDIS_PORT: String(REDIS_PORT), HTTP_PORT: '3392', QUEUE_PREFIX: 'ue-outage', LOG_LEVEL: 'info' });
  let redis: ChildProcess;
  let app: RunningApp;
  let ds: DataSource;

  beforeAll(async () => {
    redis = await startRedis();
    freshDatabase(env);
    app = await startApp(env);
    ds = createDataSource(loadConfig({ ...process.env, ...env }));
    await ds.initialize();
  }, 90_000);

  afterAll(async () => {
    await app?.stop();
    await ds?.destroy();
    if (redis) await stopChild(redis);
  });

  it('commits the change while Redis is down and runs its job once Redis is back', async () => {
    const world = await buildWorld({ url: app.baseUrl, judges: 3, contestants: 2 });
    const { itemId, entryIds } = await competitionWithEntries(world);

    await stopChild(redis);
    const health = await http(app.baseUrl).get('/health');
    expect(health.status).toBe(503);

    // Marks go in while Redis is down: the change and its outbox rows commit in MySQL.
    const marks = [
      ['81', '84', '90'], // drop 90 and 81 → 84.00
      ['88', '86.5', '70'], // drop 88 and 70 → 86.50
    ];
    for (const [e, row] of marks.entries()) {
      for (const [j, value] of row.entries()) expect((await submitMark(app.baseUrl, world.judges[j], itemId, entryIds[e], value)).status).toBe(200);
    }
    for (const judge of world.judges) expect((await submitSheet(app.baseUrl, judge, itemId)).status).toBe(200);
    const [{ n: storedMarks }] = await ds.query('SELECT COUNT(*) AS n FROM marks WHERE item_id = ?', [itemId]);
    expect(Number(storedMarks)).toBe(6);

    // The relay keeps trying; nothing is dispatched and nothing is tallied while Redis is away.
    await new Promise((r) => setTimeout(r, 1500));
    const [pending] = await ds.query(
      "SELECT COUNT(*) AS n FROM outbox WHERE dispatched_at IS NULL AND job_name = 'tally.item' AND JSON_EXTRACT(payload, '$.itemId') = ?",
      [itemId],
    );
    expect(Number(pending.n)).toBeGreaterThan(0);
    const before = await http(app.baseUrl).get(`/api/v1/items/${itemId}/results`);
    expect(before.body.results.filter((r: { status: string }) => r.status === 'OK')).toEqual([]);

    redis = await startRedis();

    const results = await waitFor(
      'the delayed tally after Redis returned',
      async () => {
        const res = await http(app.baseUrl).get(`/api/v1/items/${itemId}/results`);
        return res.body.results?.filter((r: { status: string }) => r.status === 'OK').length === 2 ? res.body : undefined;
      },
      30_000,
      200,
    );
    expect(results.results.map((r: { entryId: number; place: number; total: string }) => [r.entryId, r.place, r.total])).toEqual([
      [entryIds[1], 1, '86.50'],
      [entryIds[0], 2, '84.00'],
    ]);
    const [left] = await ds.query('SELECT COUNT(*) AS n FROM outbox WHERE dispatched_at IS NULL');
    expect(Number(left.n)).toBe(0);
  });

  it('shuts both apps down gracefully on SIGTERM', async () => {
    const started = Date.now();
    await app.stop('SIGTERM');
    expect(Date.now() - started).toBeLessThan(9_000); // before stop() would escalate to SIGKILL
    for (const child of [app.api, app.worker]) expect([0, 'SIGTERM']).toContain(child.exitCode ?? child.signalCode);
    // Both ran their shutdown hooks (connections, relay and BullMQ workers closed) before ending.
    const clean = app.output().split('\n').filter((line) => line.includes('stopped cleanly on SIGTERM'));
    expect(clean).toHaveLength(2);
  });
});
