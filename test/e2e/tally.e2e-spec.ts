import type { ChildProcess } from 'node:child_process';
import { COALESCE_MIN_GAP_MS } from '@app/queue';
import type { Job } from 'bullmq';
import type { DataSource } from 'typeorm';
import { type RunningApp, startWorker, stopChild, waitFor } from './support/processes';
import { openDatabase, openQueue, startStack, stopStack } from './support/stack';
import { testEnv, testPort, testDbName } from './support/test-env';
import { bearer, buildWorld, competitionWithEntries, http, type Person, submitMark, submitSheet, type World } from './support/world';

type Row = { entryId: number; place: number | null; total: string | null; status: string };
const table = (rows: Row[]) => rows.map((r) => [r.entryId, r.place, r.total, r.status]);

/** The item's results once they reflect its latest score version. */
function tallied(url: string, ds: DataSource, token: string, itemId: number, timeoutMs = 30_000) {
  return waitFor(
    `item ${itemId} tallied at its latest score version`,
    async () => {
      const res = await http(url).get(`/api/v1/items/${itemId}/results`).set(bearer(token));
      const [state] = await ds.query('SELECT score_version AS v FROM item_scoring WHERE item_id = ?', [itemId]);
      return res.body.scoreVersion === Number(state.v) ? res.body : undefined;
    },
    timeoutMs,
    250,
  );
}

/** Every tally job of the item in Redis, oldest first, once none is pending in the outbox or waiting in the queue. */
async function tallyJobs(ds: DataSource, env: Record<string, string> | undefined, itemId: number): Promise<Job[]> {
  const queue = openQueue('tally', env);
  try {
    return await waitFor(`the tally jobs of item ${itemId} to finish`, async () => {
      const [{ n }] = await ds.query("SELECT COUNT(*) AS n FROM outbox WHERE dispatched_at IS NULL AND job_name = 'tally.item' AND JSON_EXTRACT(payload, '$.itemId') = ?", [itemId]);
      const jobs = (await queue.getJobs(['completed', 'failed', 'active', 'waiting', 'delayed', 'prioritized'])).filter((j) => j.data.itemId === itemId);
      const finished = await Promise.all(jobs.map(async (j) => ['completed', 'failed'].includes(await j.getState())));
      return Number(n) === 0 && finished.every(Boolean) ? jobs.sort((a, b) => a.timestamp - b.timestamp) : undefined;
    });
  } finally {
    await queue.close();
  }
}

/**
 * The organizer corrects one submitted mark from the sheet version they last saw (read it when not
 * given), retrying from the current version when another correction saved first (409 with it).
 */
async function correct(url: string, organizer: Person, itemId: number, judgeId: number, entryId: number, value: string, seen?: number) {
  let version = seen ?? (await http(url).get(`/api/v1/items/${itemId}/sheets/${judgeId}`).set(bearer(organizer.token))).body.version;
  for (;;) {
    const res = await http(url)
      .put(`/api/v1/items/${itemId}/sheets/${judgeId}`)
      .set(bearer(organizer.token))
      .send({ version, marks: [{ entryId, value }], reason: '按原始评分表更正录入错误' });
    if (res.status === 200) return res.body;
    if (res.body.code !== 'SCORING_SHEET_CHANGED') throw new Error(`correction: ${res.status} ${JSON.stringify(res.body)}`);
    version = res.body.details[0].currentVersion;
  }
}

describe('tally jobs: a burst of corrections is tallied at most once per relay wait, to the right ranking', () => {
  let world: World;
  let ds: DataSource;

  beforeAll(async () => {
    world = await buildWorld({ judges: 10, contestants: 20 });
    ds = await openDatabase();
  }, 120_000);

  afterAll(async () => ds?.destroy());

  it('ranks 20 contestants by 10 judges after 200 concurrent corrections, with a new tally job of the item only once the last one has started', async () => {
    const { itemId, entryIds } = await competitionWithEntries(world);
    const org = world.organizer.token;
    // Every judge hands in 70 for everyone: one tie for first, twenty wide.
    await Promise.all(
      world.judges.map(async (j) => {
        const saved = await http().put(`/api/v1/items/${itemId}/sheets/${j.id}`).set(bearer(j.token)).send({ version: 0, marks: entryIds.map((entryId) => ({ entryId, value: '70' })) });
        expect(saved.status).toBe(200);
        expect((await submitSheet(world.url, j, itemId)).status).toBe(200);
      }),
    );
    const first = await tallied(world.url, ds, org, itemId);
    expect(first.results.map((r: Row) => r.place)).toEqual(Array(20).fill(1));
    await tallyJobs(ds, undefined, itemId);
    const [{ runs: before }] = await ds.query('SELECT runs FROM item_tallies WHERE item_id = ?', [itemId]);

    // The burst: all 200 marks corrected at once, 200 requests in flight, twenty on each sheet.
    // Contestant e gets 50 + 2e from each judge plus the judge's offset; the last two share the top.
    const base = (e: number) => 50 + 2 * Math.min(e, 18);
    const offset = (j: number) => ((j * 7) % 10) / 10;
    const seen = await Promise.all(world.judges.map(async (j) => (await http().get(`/api/v1/items/${itemId}/sheets/${j.id}`).set(bearer(org))).body.version));
    await Promise.all(
      world.judges.flatMap((judge, j) => entryIds.map((entryId, e) => correct(world.url, world.organizer, itemId, judge.id, entryId, (base(e) + offset(j)).toFixed(1), seen[j]))),
    );

    // Independent oracle: the offsets 0…0.9 lose their highest and lowest, the other eight average 0.45.
    const expected = entryIds
      .map((entryId, e) => ({ entryId, total: (base(e) + 0.45).toFixed(2) }))
      .sort((a, b) => Number(b.total) - Number(a.total) || a.entryId - b.entryId)
      .map((r, i, all) => [r.entryId, all.findIndex((x) => x.total === r.total) + 1, r.total, 'OK']);
    const final = await tallied(world.url, ds, org, itemId);
    expect(table(final.results)).toEqual(expected);
    expect(final.results.slice(0, 3).map((r: Row) => r.place)).toEqual([1, 1, 3]);
    const [{ changes }] = await ds.query('SELECT COUNT(*) AS changes FROM mark_changes WHERE item_id = ?', [itemId]);
    expect(Number(changes)).toBe(200);

    // What coalescing guarantees however long the burst lasts (it lasts longer on a loaded machine):
    // the relay adds an item's next tally job only after the last one has started (a queued job reads
    // every correction committed before it starts) and at least COALESCE_MIN_GAP_MS after it, and a
    // tally runs only for a job whose version it has not reflected yet. One job per correction would
    // put jobs milliseconds apart, queued behind each other.
    const burst = (await tallyJobs(ds, undefined, itemId)).filter((j) => j.data.version > first.scoreVersion);
    const pairs = burst.slice(1).map((j, i) => ({ gap: j.timestamp - burst[i].timestamp, addedBeforeLastStarted: j.timestamp < burst[i].processedOn! }));
    expect(burst.length).toBeGreaterThanOrEqual(1);
    expect(pairs.filter((p) => p.gap < COALESCE_MIN_GAP_MS || p.addedBeforeLastStarted)).toEqual([]);
    const [{ runs: after }] = await ds.query('SELECT runs FROM item_tallies WHERE item_id = ?', [itemId]);
    expect(Number(after) - Number(before)).toBe(burst.filter((j) => j.returnvalue?.ran).length);
  }, 240_000);
});

describe('tally jobs: a worker killed mid-tally', () => {
  // An app of its own, whose worker holds each tally open for a while so the test can kill it there.
  // A prefix of this run's own: the fresh database repeats item ids, and so the job ids a reused prefix still holds.
  const env = testEnv({
    DB_NAME: testDbName('union_events_crash_test'),
    HTTP_PORT: testPort(4),
    QUEUE_PREFIX: `ue-crash-${process.pid}-${Date.now().toString(36)}`,
    FAULT_TALLY_PAUSE_MS: '3000',
  });
  let app: RunningApp;
  let worker: ChildProcess | undefined;
  let ds: DataSource;

  beforeAll(async () => {
    ({ app, ds } = await startStack(env));
  }, 90_000);

  afterAll(async () => {
    if (worker) await stopChild(worker);
    await stopStack(env, app, ds);
  });

  /** Whether a tally holds the item's tally row: only a lock refused says so, any other error fails the test. */
  async function tallyHolds(itemId: number): Promise<boolean> {
    const q = ds.createQueryRunner();
    try {
      await q.startTransaction();
      await q.query('SELECT item_id FROM item_tallies WHERE item_id = ? FOR UPDATE NOWAIT', [itemId]);
      return false;
    } catch (err) {
      // ER_LOCK_WAIT_TIMEOUT (MariaDB's answer to NOWAIT) or ER_LOCK_NOWAIT (MySQL's).
      const errno = (err as { driverError?: { errno?: number } }).driverError?.errno;
      if (errno === 1205 || errno === 3572) return true;
      throw err;
    } finally {
      await q.rollbackTransaction().catch(() => undefined);
      await q.release();
    }
  }

  it('leaves the previous results whole, and BullMQ runs the killed job again to the results of an undisturbed run', async () => {
    const w = await buildWorld({ url: app.baseUrl, judges: 3, contestants: 5 });
    const org = w.organizer.token;
    const { itemId, entryIds } = await competitionWithEntries(w);
    const marks = [
      ['88', '90', '86'],
      ['80', '82', '84'],
      ['91', '89', '90'],
      ['70', '75', '72'],
      ['85', '85', '85'],
    ];
    for (const [e, row] of marks.entries()) for (const [j, v] of row.entries()) expect((await submitMark(app.baseUrl, w.judges[j], itemId, entryIds[e], v)).status).toBe(200);
    for (const j of w.judges) expect((await submitSheet(app.baseUrl, j, itemId)).status).toBe(200);
    const first = await tallied(app.baseUrl, ds, org, itemId, 45_000);
    // Judge-panel mean of the middle mark of three: 88, 82, 90, 72, 85.
    expect(table(first.results)).toEqual([
      [entryIds[2], 1, '90.00', 'OK'],
      [entryIds[0], 2, '88.00', 'OK'],
      [entryIds[4], 3, '85.00', 'OK'],
      [entryIds[1], 4, '82.00', 'OK'],
      [entryIds[3], 5, '72.00', 'OK'],
    ]);

    // Two corrections lift the fifth to the top (middle mark 95). The first is tallied in full (75, still fifth),
    // so that the second's job is the only one that can bring the results up to date, and the worker is killed inside it.
    await correct(app.baseUrl, w.organizer, itemId, w.judges[0].id, entryIds[3], '95');
    const previous = await tallied(app.baseUrl, ds, org, itemId, 45_000);
    expect(table(previous.results).at(-1)).toEqual([entryIds[3], 5, '75.00', 'OK']);
    await correct(app.baseUrl, w.organizer, itemId, w.judges[1].id, entryIds[3], '96');
    const [{ v }] = await ds.query('SELECT score_version AS v FROM item_scoring WHERE item_id = ?', [itemId]);
    const version = Number(v);
    const queue = openQueue('tally', env);
    let after: { results: Row[] };
    try {
      const killed = await waitFor(
        'the last correction’s tally to hold the item',
        async () => {
          const job = (await queue.getActive()).find((j) => j.data.itemId === itemId && j.data.version === version);
          return job && (await tallyHolds(itemId)) ? job : undefined;
        },
        20_000,
        20,
      );
      await stopChild(app.worker, 'SIGKILL');

      const during = await http(app.baseUrl).get(`/api/v1/items/${itemId}/results`).set(bearer(org));
      expect(during.body.scoreVersion).toBe(previous.scoreVersion);
      expect(table(during.body.results)).toEqual(table(previous.results));

      // A new worker: BullMQ finds the job stalled once its lock lapses (30 s after its last renewal) at
      // one of its stalled-job checks (every 30 s), and runs it again: up to about 90 s on a busy machine.
      worker = startWorker({ ...env, FAULT_TALLY_PAUSE_MS: '0' });
      const settledState = await waitFor(
        'the killed job to be taken up again and finish',
        async () => {
          const state = await (await queue.getJob(killed.id!))?.getState();
          return state === 'completed' || state === 'failed' ? state : undefined;
        },
        150_000,
        250,
      );
      expect(settledState).toBe('completed');
      after = await tallied(app.baseUrl, ds, org, itemId);
      expect(table(after.results)).toEqual([
        [entryIds[3], 1, '95.00', 'OK'],
        [entryIds[2], 2, '90.00', 'OK'],
        [entryIds[0], 3, '88.00', 'OK'],
        [entryIds[4], 4, '85.00', 'OK'],
        [entryIds[1], 5, '82.00', 'OK'],
      ]);

      // The results are the killed job's own second run: started twice, stalled once (a kill is no
      // finished attempt, so BullMQ counts it in attemptsStarted and stalledCounter, not attemptsMade).
      const retried = (await queue.getJob(killed.id!))!;
      expect([await retried.getState(), retried.attemptsStarted >= 2, retried.stalledCounter, retried.returnvalue]).toEqual([
        'completed',
        true,
        1,
        expect.objectContaining({ itemId, ran: true, version, entries: 5 }),
      ]);
      const ranForItem = (await tallyJobs(ds, env, itemId)).filter((j) => j.returnvalue?.ran && j.data.version >= version);
      expect(ranForItem.map((j) => j.id)).toEqual([killed.id]);
    } finally {
      await queue.close();
    }

    // An undisturbed run of the same marks, on a second item of the same contestants.
    const twin = await competitionWithEntries({ ...w, tag: `${w.tag}-twin` });
    const finalMarks = marks.map((row, e) => (e === 3 ? ['95', '96', '72'] : row));
    for (const [e, row] of finalMarks.entries()) for (const [j, mark] of row.entries()) expect((await submitMark(app.baseUrl, w.judges[j], twin.itemId, twin.entryIds[e], mark)).status).toBe(200);
    for (const j of w.judges) expect((await submitSheet(app.baseUrl, j, twin.itemId)).status).toBe(200);
    const undisturbed = await tallied(app.baseUrl, ds, org, twin.itemId, 30_000);
    const byContestant = (rows: Row[], ids: number[]) => table(rows).map(([entryId, ...rest]) => [ids.indexOf(entryId as number), ...rest]);
    expect(byContestant(after.results, entryIds)).toEqual(byContestant(undisturbed.results, twin.entryIds));
  }, 300_000);
});
