import type { ChildProcess } from 'node:child_process';
import type { DataSource } from 'typeorm';
import { type RunningApp, startWorker, stopChild, waitFor } from './support/processes';
import { openDatabase, startStack } from './support/stack';
import { testEnv, testPort, testDbName } from './support/test-env';
import { bearer, buildWorld, competitionWithEntries, correctMark, http, submitMark, submitSheet, type World } from './support/world';

type Row = { entryId: number; place: number | null; total: string | null; status: string };
const table = (rows: Row[]) => rows.map((r) => [r.entryId, r.place, r.total, r.status]);

describe('tally jobs: a burst of corrections is tallied a handful of times, to the right ranking', () => {
  let world: World;
  let ds: DataSource;

  beforeAll(async () => {
    world = await buildWorld({ judges: 10, contestants: 20 });
    ds = await openDatabase();
  }, 120_000);

  afterAll(async () => ds?.destroy());

  it('ranks 20 contestants by 10 judges after 200 concurrent corrections, with a handful of tally runs for the burst', async () => {
    const { itemId, entryIds } = await competitionWithEntries(world);
    // Every judge hands in 70 for everyone: one tie for first, twenty wide.
    await Promise.all(
      world.judges.map(async (j) => {
        const saved = await http().put(`/api/v1/items/${itemId}/sheets/${j.id}`).set(bearer(j.token)).send({ version: 0, marks: entryIds.map((entryId) => ({ entryId, value: '70' })) });
        expect(saved.status).toBe(200);
        expect((await submitSheet(world.url, j, itemId)).status).toBe(200);
      }),
    );
    await waitFor('the first tally', async () => {
      const res = await http().get(`/api/v1/items/${itemId}/results`);
      return res.body.results?.length === 20 && res.body.results.every((r: Row) => r.place === 1);
    });
    const [{ runs: before }] = await ds.query('SELECT runs FROM item_tallies WHERE item_id = ?', [itemId]);

    // The burst: every one of the 200 marks corrected at once, ten sheets side by side.
    // Contestant e gets 50 + 2e from each judge plus the judge's offset; the last two share the top.
    const base = (e: number) => 50 + 2 * Math.min(e, 18);
    const offset = (j: number) => ((j * 7) % 10) / 10;
    const started = Date.now();
    await Promise.all(
      world.judges.map(async (judge, j) => {
        for (const [e, entryId] of entryIds.entries()) await correctMark(world.url, world.organizer, itemId, judge.id, entryId, (base(e) + offset(j)).toFixed(1));
      }),
    );

    const burstS = (Date.now() - started) / 1000;
    // Independent oracle: the offsets 0…0.9 lose their highest and lowest, the other eight average 0.45.
    const expected = entryIds
      .map((entryId, e) => ({ entryId, total: (base(e) + 0.45).toFixed(2) }))
      .sort((a, b) => Number(b.total) - Number(a.total) || a.entryId - b.entryId)
      .map((r, i, all) => [r.entryId, all.findIndex((x) => x.total === r.total) + 1, r.total, 'OK']);
    const final = await waitFor('the burst tallied', async () => {
      const res = await http().get(`/api/v1/items/${itemId}/results`).set(bearer(world.organizer.token));
      const [state] = await ds.query('SELECT score_version AS v FROM item_scoring WHERE item_id = ?', [itemId]);
      return res.body.scoreVersion === Number(state.v) ? res.body : undefined;
    });
    expect(table(final.results)).toEqual(expected);
    expect(final.results.slice(0, 3).map((r: Row) => r.place)).toEqual([1, 1, 3]);

    const [{ runs: after }] = await ds.query('SELECT runs FROM item_tallies WHERE item_id = ?', [itemId]);
    const [{ changes }] = await ds.query('SELECT COUNT(*) AS changes FROM mark_changes WHERE item_id = ?', [itemId]);
    expect(Number(changes)).toBe(200);
    // The relay holds a burst back for at most a second: one tally as it starts, about one per second
    // while it lasts (on a quiet machine two or three seconds), one when it ends; never one per correction.
    const runs = Number(after) - Number(before);
    expect(runs).toBeGreaterThanOrEqual(1);
    // The bound leaves room for a loaded 2-core machine (the relay's second can stretch while ten
    // sheets write at once) and still fails by an order of magnitude if a tally ran per correction.
    expect(runs).toBeLessThanOrEqual(Math.max(20, 2 * Math.ceil(burstS) + 6));
    expect(runs).toBeLessThan(20);
  });
});

describe('tally jobs: a worker killed mid-tally', () => {
  // An app of its own, whose worker holds each tally open for a while so the test can kill it there.
  const env = testEnv({ DB_NAME: testDbName('union_events_crash_test'), HTTP_PORT: testPort(4), QUEUE_PREFIX: `ue-crash-${process.pid}`, FAULT_TALLY_PAUSE_MS: '3000' });
  let app: RunningApp;
  let worker: ChildProcess | undefined;
  let ds: DataSource;

  beforeAll(async () => {
    ({ app, ds } = await startStack(env));
  }, 90_000);

  afterAll(async () => {
    await app?.stop();
    if (worker) await stopChild(worker);
    await ds?.destroy();
  });

  it('leaves the previous results whole, and the retried job completes them as an undisturbed run would', async () => {
    const w = await buildWorld({ url: app.baseUrl, judges: 3, contestants: 5 });
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
    const results = () => http(app.baseUrl).get(`/api/v1/items/${itemId}/results`).set(bearer(w.organizer.token));
    const first = await waitFor(
      'the first results',
      async () => {
        const res = await results();
        const [state] = await ds.query('SELECT score_version AS v FROM item_scoring WHERE item_id = ?', [itemId]);
        return res.body.scoreVersion === Number(state.v) ? res.body : undefined;
      },
      45_000,
    );
    // Judge-panel mean of the middle mark of three: 88, 82, 90, 72, 85.
    expect(table(first.results)).toEqual([
      [entryIds[2], 1, '90.00', 'OK'],
      [entryIds[0], 2, '88.00', 'OK'],
      [entryIds[4], 3, '85.00', 'OK'],
      [entryIds[1], 4, '82.00', 'OK'],
      [entryIds[3], 5, '72.00', 'OK'],
    ]);

    // A correction lifts the fifth to the top (middle mark 95); its tally starts, and the worker is killed inside it.
    await correctMark(app.baseUrl, w.organizer, itemId, w.judges[0].id, entryIds[3], '95');
    await correctMark(app.baseUrl, w.organizer, itemId, w.judges[1].id, entryIds[3], '96');
    await waitFor('the tally to hold the item', async () => {
      const q = ds.createQueryRunner();
      try {
        await q.startTransaction();
        await q.query('SELECT item_id FROM item_tallies WHERE item_id = ? FOR UPDATE NOWAIT', [itemId]);
        return false;
      } catch {
        return true; // locked: a tally is writing
      } finally {
        await q.rollbackTransaction().catch(() => undefined);
        await q.release();
      }
    }, 20_000, 20);
    await stopChild(app.worker, 'SIGKILL');

    const during = await results();
    expect(during.body.scoreVersion).toBe(first.scoreVersion);
    expect(table(during.body.results)).toEqual(table(first.results));

    // A new worker: BullMQ finds the job stalled once its lock lapses (30 s after its last renewal) at
    // one of its stalled-job checks (every 30 s), and runs it again: up to about 90 s on a busy machine.
    worker = startWorker({ ...env, FAULT_TALLY_PAUSE_MS: '0' });
    const [state] = await ds.query('SELECT score_version AS v FROM item_scoring WHERE item_id = ?', [itemId]);
    const after = await waitFor('the retried tally', async () => {
      const res = await results();
      return res.body.scoreVersion === Number(state.v) ? res.body : undefined;
    }, 150_000, 250);
    expect(table(after.results)).toEqual([
      [entryIds[3], 1, '95.00', 'OK'],
      [entryIds[2], 2, '90.00', 'OK'],
      [entryIds[0], 3, '88.00', 'OK'],
      [entryIds[4], 4, '85.00', 'OK'],
      [entryIds[1], 5, '82.00', 'OK'],
    ]);
  }, 240_000);
});
