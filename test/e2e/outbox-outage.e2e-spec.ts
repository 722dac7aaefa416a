import { type ChildProcess, spawn } from 'node:child_process';
import { loadConfig } from '@app/config';
import type { DataSource } from 'typeorm';
import { type RunningApp, stopChild, waitFor } from './support/processes';
import { openQueue, startStack, stopStack } from './support/stack';
import { testEnv, testPort, testDbName } from './support/test-env';
import { PiiCipher } from '@app/registration';
import { startReceiver } from './support/receivers';
import { importPeople, openEvent } from './support/registration';
import { buildWorld, competitionWithEntries, http, post, submitMark, submitSheet } from './support/world';

const REDIS_PORT = 6391 + Number(testPort(0)) - 3391;

/** A Redis of the test's own, on its own port, so the test may stop it. */
async function startRedis(): Promise<ChildProcess> {
  const listening = async () => (await fetch(`http://127.0.0.1:${REDIS_PORT}`).catch((e) => e.cause?.code)) !== 'ECONNREFUSED';
  // One left from an interrupted run would answer instead, and stopping ours would not stop it.
  if (await listening()) throw new Error(`port ${REDIS_PORT} is taken, perhaps by a Redis left from an interrupted run (ss -ltnp | grep ${REDIS_PORT})`);
  const redis = spawn('redis-server', ['--port', String(REDIS_PORT), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
  await waitFor('the test Redis to listen', listening, 10_000);
  return redis;
}

describe('transactional outbox: Redis down delays jobs, never loses them', () => {
  // Two worker processes under their supervisor, whatever the machine's cores: the shutdown test counts them.
  // Retention passes every second, with the default retention (7 days of outbox, 90 of deliveries).
  const env = testEnv({ DB_NAME: testDbName('union_events_outage'), REDIS_PORT: String(REDIS_PORT), HTTP_PORT: testPort(1), QUEUE_PREFIX: `ue-outage-${process.pid}`, LOG_LEVEL: 'info', WORKER_PROCESSES: '2', RETENTION_EVERY_S: '1' });
  let redis: ChildProcess;
  let app: RunningApp;
  let ds: DataSource;

  beforeAll(async () => {
    redis = await startRedis();
    ({ app, ds } = await startStack(env));
  }, 90_000);

  afterAll(async () => {
    await stopStack(env, app, ds);
    if (redis) await stopChild(redis);
  });

  /** How often the relay has reported a failed dispatch: once at the start of each outage it meets. */
  const relayFailures = () => app.output().split('\n').filter((line) => line.includes('outbox relay cannot dispatch')).length;
  /** Waits until the relay has met the outage that began after `before` failures were reported. */
  const relayFailed = (before: number) => waitFor('the relay to fail a dispatch', async () => relayFailures() > before, 30_000);
  /** Everything sent: no outbox row or delivery pending, and no notification job waiting, delayed or running. */
  const allSent = async () => {
    const queues = (['notify', 'notify-inbox', 'notify-webhook'] as const).map((name) => openQueue(name, env));
    try {
      await waitFor('every notification to go out', async () => {
        const [{ rows }] = await ds.query('SELECT COUNT(*) AS `rows` FROM outbox WHERE dispatched_at IS NULL');
        const [{ deliveries }] = await ds.query("SELECT COUNT(*) AS deliveries FROM notification_deliveries WHERE status = 'pending'");
        const counts = await Promise.all(queues.map((q) => q.getJobCounts('waiting', 'delayed', 'active', 'prioritized')));
        return Number(rows) === 0 && Number(deliveries) === 0 && counts.every((c) => Object.values(c).every((n) => n === 0));
      });
    } finally {
      await Promise.all(queues.map((q) => q.close()));
    }
  };

  it('prunes dispatched outbox rows and sent deliveries past their retention, in batches, never a pending one, while Redis is down', async () => {
    await stopChild(redis);
    const tag = `retention-${Date.now()}`;
    try {
      const daysAgo = (d: number) => new Date(Date.now() - d * 86_400_000);
      // A job that finds nothing to do when it runs: the certificate of a record that does not exist.
      const payload = JSON.stringify({ recordId: 0, revision: 0 });
      // Three batches' worth dispatched a month ago, one dispatched two days ago, one waiting for a month (Redis was down that long).
      const rows: unknown[][] = Array.from({ length: 2500 }, (_, i) => ['awards.certificate', `${tag}-old-${i}`, payload, daysAgo(31), daysAgo(30)]);
      rows.push(['awards.certificate', `${tag}-recent`, payload, daysAgo(2), daysAgo(2)], ['awards.certificate', `${tag}-pending`, payload, daysAgo(30), null]);
      await ds.query('INSERT INTO outbox (job_name, job_id, payload, created_at, dispatched_at) VALUES ?', [rows]);

      // Two messages read long ago; their deliveries: sent 100 and 10 days ago, failed and still pending for 100 days.
      const [{ id: userId }] = await ds.query('SELECT id FROM users ORDER BY id LIMIT 1');
      const messages: number[] = [];
      for (const n of [1, 2]) {
        const res = await ds.query(
          "INSERT INTO notifications (user_id, ref, `trigger`, locale, title, body, mandatory, vars, created_at, read_at) VALUES (?, ?, 'entry.approved', 'zh-CN', '报名已通过', '您报名的职工电工技能竞赛已通过审核。', 0, '{}', ?, ?)",
          [userId, `${tag}-${n}`, daysAgo(101), daysAgo(100)],
        );
        messages.push(res.insertId);
      }
      const deliveries = [
        [messages[0], 'email', 'sent', daysAgo(100)],
        [messages[0], 'sms', 'sent', daysAgo(10)],
        [messages[0], 'webhook', 'failed', null],
        [messages[1], 'email', 'pending', null],
      ];
      for (const [notificationId, channel, status, sentAt] of deliveries) {
        await ds.query('INSERT INTO notification_deliveries (notification_id, channel, status, attempts, sent_at, updated_at) VALUES (?, ?, ?, 1, ?, ?)', [notificationId, channel, status, sentAt, daysAgo(100)]);
      }
      const outboxLeft = async (): Promise<string[]> =>
        (await ds.query('SELECT job_id AS jobId FROM outbox WHERE job_id LIKE ? ORDER BY id', [`${tag}-%`])).map((r: { jobId: string }) => r.jobId);
      const deliveriesLeft = async (): Promise<string[]> =>
        (await ds.query('SELECT channel, status FROM notification_deliveries WHERE notification_id IN (?) ORDER BY id', [messages])).map((r: { channel: string; status: string }) => `${r.channel} ${r.status}`);

      await waitFor(
        'the month-old dispatched rows and the delivery sent 100 days ago to be pruned',
        async () => !(await outboxLeft()).some((id) => id.includes('-old-')) && !(await deliveriesLeft()).includes('email sent'),
        30_000,
        200,
      );
      expect(await outboxLeft()).toEqual([`${tag}-recent`, `${tag}-pending`]);
      expect(await deliveriesLeft()).toEqual(['sms sent', 'webhook failed', 'email pending']);
      const [inbox] = await ds.query('SELECT COUNT(*) AS n FROM notifications WHERE id IN (?)', [messages]);
      expect(Number(inbox.n)).toBe(2);
      // One pass, batch after batch of 1,000, until the old rows are gone (the insert commits all 2,500 at once).
      expect(app.output()).toMatch(/pruned 2500 dispatched outbox rows/);
    } finally {
      redis = await startRedis();
    }
    // Kept, not lost: the month-old pending row goes out once Redis is back.
    await waitFor('the pending row dispatched', async () => (await ds.query('SELECT dispatched_at AS at FROM outbox WHERE job_id = ?', [`${tag}-pending`]))[0].at, 30_000, 200);
    // The made-up messages leave with their deliveries, so that later tests' "everything sent" counts only their own.
    await ds.query("DELETE d FROM notification_deliveries d JOIN notifications n ON n.id = d.notification_id WHERE n.ref LIKE ?", [`${tag}-%`]);
    await ds.query('DELETE FROM notifications WHERE ref LIKE ?', [`${tag}-%`]);
  });

  it('commits the change while Redis is down and runs its job once Redis is back', async () => {
    const world = await buildWorld({ url: app.baseUrl, judges: 3, contestants: 2 });
    const { itemId, entryIds } = await competitionWithEntries(world);
    await allSent(); // see below: what Redis holds when it stops goes with it

    const failuresBefore = relayFailures();
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

    // The relay has tried and failed; nothing is dispatched and nothing is tallied while Redis is away.
    await relayFailed(failuresBefore);
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

  it('keeps every notification of 100 registrations made while Redis is down: each reaches the inbox once, webhooks at least once', async () => {
    const receiver = await startReceiver();
    try {
      const world = await buildWorld({ url: app.baseUrl, judges: 0, contestants: 1 });
      const people = await importPeople(world, world.enterprises[0].id, 100);
      // Five of them have a webhook (an enterprise OA system, say); written directly, as they have no password to sign in with.
      const pii = new PiiCipher(loadConfig({ ...process.env, ...env }));
      for (const userId of people.slice(0, 5)) {
        await ds.query("INSERT INTO notification_settings (user_id, webhook_url, webhook_secret_enc, opted_out) VALUES (?, ?, ?, '[]')", [
          userId,
          `${receiver.url}/oa/${userId}`,
          pii.encrypt(`oa-secret-${userId}-0123456789`),
        ]);
      }
      const hike = await openEvent(world, { name: '职工运河夜跑' });
      // The warm-up registration's notices (and, for these five, webhooks) settle first. This Redis keeps
      // nothing on disk: a job it holds when it stops is gone with it, and only what was still in the
      // outbox is kept. Production Redis runs with appendonly (docs/operations.md).
      await allSent();
      const failuresBefore = relayFailures();
      await stopChild(redis);

      const entries: { id: number; status: string }[] = [];
      for (let at = 0; at < people.length; at += 10) {
        const batch = await Promise.all(people.slice(at, at + 10).map((userId) => post(app.baseUrl, `/api/v1/items/${hike.itemId}/entries`, world.organizer.token, { userId })));
        entries.push(...batch);
      }
      expect(entries.map((e) => e.status)).toEqual(people.map(() => 'approved'));
      const refs = entries.map((e) => `entry-${e.id}-entry.approved`);
      await relayFailed(failuresBefore);
      const [held] = await ds.query("SELECT COUNT(*) AS n FROM outbox WHERE dispatched_at IS NULL AND job_name = 'notify.inbox'");
      expect(Number(held.n)).toBeGreaterThan(0);
      const [none] = await ds.query('SELECT COUNT(*) AS n FROM notifications WHERE ref IN (?)', [refs]);
      expect(Number(none.n)).toBe(0);

      redis = await startRedis();
      const count = async () => (await ds.query('SELECT COUNT(*) AS n, COUNT(DISTINCT user_id) AS people FROM notifications WHERE ref IN (?)', [refs]))[0];
      await waitFor('100 inbox messages after Redis returned', async () => Number((await count()).n) >= 100, 60_000, 200);
      const hooked = people.slice(0, 5).map((userId) => `/oa/${userId}`);
      // Their warm-up registration may have sent them a webhook too: count this event's only.
      const forHike = (path: string) => receiver.posts.filter((p) => p.path === path && JSON.parse(p.body).vars.event.startsWith('职工运河夜跑'));
      await waitFor('the five webhooks', async () => hooked.every((path) => forHike(path).length > 0), 30_000, 200);
      await allSent(); // no late duplicate can come after this
      const after = await count();
      expect([Number(after.n), Number(after.people)]).toEqual([100, 100]);
      const [pending] = await ds.query('SELECT COUNT(*) AS n FROM outbox WHERE dispatched_at IS NULL');
      expect(Number(pending.n)).toBe(0);
      for (const path of hooked) {
        const keys = new Set(forHike(path).map((p) => p.headers['idempotency-key']));
        expect(keys.size).toBe(1);
        expect([...keys][0]).toMatch(/^notification-\d+-webhook$/);
      }
    } finally {
      await receiver.close();
    }
  }, 180_000);

  it('shuts both apps down gracefully on SIGTERM', async () => {
    const started = Date.now();
    await app.stop('SIGTERM');
    expect(Date.now() - started).toBeLessThan(9_000); // before stop() would escalate to SIGKILL
    for (const child of [app.api, app.worker]) expect([0, 'SIGTERM']).toContain(child.exitCode ?? child.signalCode);
    // The API and both worker processes ran their shutdown hooks (connections, relay and BullMQ workers closed) before ending.
    const clean = app.output().split('\n').filter((line) => line.includes('stopped cleanly on SIGTERM'));
    expect(new Set(clean.map((line) => JSON.parse(line).pid)).size).toBe(3);
  });
});
