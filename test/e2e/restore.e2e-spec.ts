import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '@app/config';
import { Queue } from 'bullmq';
import { createConnection } from 'mysql2/promise';
import type { DataSource } from 'typeorm';
import { type RunningApp, runScript, startApi, startApp, startWorker, stopChild, waitFor } from './support/processes';
import { openDatabase, startStack } from './support/stack';
import { testDbName, testEnv, testPort } from './support/test-env';
import { bearer, buildWorld, competitionWithEntries, correctMark, http, JUDGE_PANEL, post, put, submitMark, submitSheet, type World } from './support/world';

/**
 * Redis outlives the database: it keeps completed jobs by id while the database is recreated, or
 * restored from a backup whose versions are behind what Redis has seen. Both stacks here use one
 * queue prefix (one Redis, as in production, never cleared between steps) and never run at once.
 */
const PREFIX = `ue-incarnation-${process.pid}-${Date.now().toString(36)}`;
const source = testEnv({ DB_NAME: testDbName('union_events_incarnation_test'), HTTP_PORT: testPort(10), QUEUE_PREFIX: PREFIX });
const restored = testEnv({ DB_NAME: testDbName('union_events_restored_test'), HTTP_PORT: testPort(11), QUEUE_PREFIX: PREFIX });
const OTHER_PII_KEY = 'another-pii-key-0123456789abcdef';

type Row = { entryId: number; place: number | null; total: string | null; status: string };
const table = (rows: Row[]) => rows.map((r) => [r.entryId, r.place, r.total]);

const RULES = [
  {
    type: 'rank',
    tiers: [
      { fromPlace: 1, award: { code: 'first', name: '一等奖', level: 1, title: '技术能手' } },
      { fromPlace: 2, toPlace: 3, award: { code: 'second', name: '二等奖', level: 2 } },
    ],
  },
];

const scoreVersion = async (ds: DataSource, itemId: number) =>
  Number((await ds.query('SELECT score_version AS v FROM item_scoring WHERE item_id = ?', [itemId]))[0].v);

/** The item's results once the tally of `version` is in; times out when that tally never runs. */
async function tallied(url: string, itemId: number, version: number): Promise<Row[]> {
  const body = await waitFor(
    `item ${itemId} tallied at version ${version}`,
    async () => {
      const res = await http(url).get(`/api/v1/items/${itemId}/results`);
      return res.body.scoreVersion === version ? res.body : undefined;
    },
    30_000,
    200,
  );
  return body.results;
}

const instanceOf = async (ds: DataSource): Promise<string> => (await ds.query('SELECT id FROM platform_instance'))[0].id;

/** Three judges mark three contestants (the middle mark counts) and hand in their sheets: the item's first tallies. */
async function scoreAnItem(url: string, ds: DataSource) {
  const world = await buildWorld({ url, judges: 3, contestants: 3 });
  const { eventId, itemId, entryIds } = await competitionWithEntries(world);
  const marks = [
    ['81', '84', '90'],
    ['88', '86.5', '70'],
    ['75', '77', '79'],
  ];
  for (const [e, row] of marks.entries()) for (const [j, value] of row.entries()) await submitMark(url, world.judges[j], itemId, entryIds[e], value);
  for (const judge of world.judges) await submitSheet(url, judge, itemId);
  const version = await scoreVersion(ds, itemId);
  return { world, eventId, itemId, entryIds, version, results: await tallied(url, itemId, version) };
}

describe('a database recreated or restored under the same Redis', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ue-backup-'));
  const backupFile = join(dir, 'mid-event.sql.gz');
  let app: RunningApp | undefined;
  let ds: DataSource | undefined;
  let queue: Queue;
  const tallyJob = (instance: string, itemId: number, version: number) => queue.getJob(`${instance}.tally.item-${itemId}-v${version}`);

  // What the second incarnation of the source database holds when the backup is taken.
  let world: World;
  let eventA: number;
  let itemA: number;
  let itemB: number;
  let entriesB: number[];
  let sourceInstance: string;
  let backupVersion: number;
  let residentId: string;
  let snapshot: Record<string, unknown[]>;
  const snapshotOf = async (db: DataSource) => ({
    entries: await db.query('SELECT id, item_id AS itemId, user_id AS userId, status FROM entries ORDER BY id'),
    results: await db.query('SELECT item_id AS itemId, entry_id AS entryId, place, total FROM item_results ORDER BY item_id, entry_id'),
    records: await db.query('SELECT id, user_id AS userId, award_code AS awardCode, serial, verify_code AS verifyCode, status FROM award_records ORDER BY id'),
    certificates: await db.query('SELECT record_id AS recordId, revision, SHA2(pdf, 256) AS digest FROM award_certificates ORDER BY record_id'),
  });

  beforeAll(async () => {
    queue = new Queue('tally', { connection: { host: '127.0.0.1', port: 6379 }, prefix: PREFIX });
    // Left by an earlier run: the restore below must find no database of that name.
    const config = loadConfig({ ...process.env, ...restored });
    const conn = await createConnection({ ...config.dbEndpoint, user: config.DB_USER, password: config.DB_PASSWORD });
    await conn.query(`DROP DATABASE IF EXISTS \`${restored.DB_NAME}\``);
    await conn.end();
  });

  afterAll(async () => {
    await app?.stop();
    if (ds?.isInitialized) await ds.destroy();
    await queue?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  let first: Awaited<ReturnType<typeof scoreAnItem>>;
  let firstInstance: string;

  it('tallies an item in a fresh database', async () => {
    ({ app, ds } = await startStack(source));
    first = await scoreAnItem(app.baseUrl, ds);
    firstInstance = await instanceOf(ds);
    expect(table(first.results)).toEqual([
      [first.entryIds[1], 1, '86.50'],
      [first.entryIds[0], 2, '84.00'],
      [first.entryIds[2], 3, '77.00'],
    ]);
  }, 300_000);

  it('tallies the same item again after the database was dropped and recreated with its migrations', async () => {
    await app!.stop();
    await ds!.destroy();
    app = ds = undefined;
    ({ app, ds } = await startStack(source));
    const second = await scoreAnItem(app.baseUrl, ds);
    // The same steps give the same item and version: Redis still holds that tally, completed, from the first database.
    expect([second.itemId, second.version]).toEqual([first.itemId, first.version]);
    expect((await tallyJob(firstInstance, first.itemId, first.version))?.finishedOn).toBeGreaterThan(0);
    expect(await instanceOf(ds)).not.toBe(firstInstance);
    expect(table(second.results)).toEqual([
      [second.entryIds[1], 1, '86.50'],
      [second.entryIds[0], 2, '84.00'],
      [second.entryIds[2], 3, '77.00'],
    ]);
    ({ world, eventId: eventA, itemId: itemA } = second);
  }, 300_000);

  it('backs up mid-event: one item final with awards and certificates, another being scored', async () => {
    const url = app!.baseUrl;
    const db = ds!;
    const organizer = world.organizer.token;
    await put(url, `/api/v1/items/${itemA}/award-rules`, organizer, { rules: RULES });
    await post(url, `/api/v1/items/${itemA}/publication/notice`, organizer, {});
    await db.query('UPDATE result_publications SET notice_ends_at = NOW(3) - INTERVAL 1 SECOND WHERE item_id = ?', [itemA]); // the notice period passes
    await post(url, `/api/v1/items/${itemA}/publication/finalize`, organizer, {});
    const certificates = async () => Number((await db.query('SELECT COUNT(*) AS n FROM award_certificates c JOIN award_records r ON r.id = c.record_id WHERE r.item_id = ?', [itemA]))[0].n);
    await waitFor('three award records with their certificates', async () => (await certificates()) === 3, 60_000);

    const item = await post(url, `/api/v1/events/${eventA}/items`, organizer, { name: '维修电工（职工组）' });
    itemB = item.id;
    await put(url, `/api/v1/items/${itemB}/scheme`, organizer, { scheme: JUDGE_PANEL });
    entriesB = [];
    for (const c of world.contestants) entriesB.push((await post(url, `/api/v1/items/${itemB}/entries`, c.token, {})).id);
    for (const j of world.judges) await post(url, `/api/v1/items/${itemB}/judges`, organizer, { userId: j.id });
    for (const [e, entryId] of entriesB.entries()) for (const [j, judge] of world.judges.entries()) await submitMark(url, judge, itemB, entryId, String(70 + 5 * j + e));
    for (const judge of world.judges) await submitSheet(url, judge, itemB);
    backupVersion = await scoreVersion(db, itemB);
    expect(table(await tallied(url, itemB, backupVersion))).toEqual([
      [entriesB[2], 1, '77.00'],
      [entriesB[1], 2, '76.00'],
      [entriesB[0], 3, '75.00'],
    ]);
    residentId = (await http(url).get(`/api/v1/users/${world.contestants[0].id}/profile`).set(bearer(organizer))).body.residentId;
    expect(residentId).toMatch(/^\d{17}[\dX]$/);
    snapshot = await snapshotOf(db);
    expect([snapshot.entries.length, snapshot.results.length, snapshot.records.length, snapshot.certificates.length]).toEqual([6, 6, 3, 3]);
    sourceInstance = await instanceOf(db);

    const backup = runScript('db-backup', [backupFile], source);
    expect([backup.status, backup.stderr]).toEqual([0, '']);
    expect(backup.stdout).toContain(`backed up to ${backupFile}`);

    // The source goes on after the backup: two more tallies of the item being scored.
    for (const value of ['76', '77']) {
      await correctMark(url, world.organizer, itemB, world.judges[0].id, entriesB[0], value);
      const version = await scoreVersion(db, itemB);
      expect((await tallied(url, itemB, version)).find((r) => r.entryId === entriesB[0])?.total).toBe(`${value}.00`);
    }
    expect(await scoreVersion(db, itemB)).toBe(backupVersion + 2);
  }, 300_000);

  it('refuses to restore with another PII_KEY, or over a database that is not empty', async () => {
    const wrongKey = runScript('db-restore', [backupFile], { ...restored, PII_KEY: OTHER_PII_KEY });
    expect(wrongKey.status).toBe(1);
    expect(wrongKey.stderr.trim()).toMatch(/^db:restore: PII_KEY does not match the key the database in .+ was set up with/);
    const [none] = await ds!.query('SELECT COUNT(*) AS n FROM information_schema.schemata WHERE schema_name = ?', [restored.DB_NAME]);
    expect(Number(none.n)).toBe(0);

    const occupied = runScript('db-restore', [backupFile], source);
    expect(occupied.status).toBe(1);
    expect(occupied.stderr.trim()).toMatch(/^db:restore: database ".+" already has \d+ tables; restore into a new database/);
    expect(await scoreVersion(ds!, itemB)).toBe(backupVersion + 2);
  }, 120_000);

  it('restores under a second name with every entry, result, award and certificate, readable ID numbers, and new scores tallied', async () => {
    await app!.stop();
    await ds!.destroy();
    app = ds = undefined;

    const res = runScript('db-restore', [backupFile], restored);
    expect([res.status, res.stderr]).toEqual([0, '']);
    expect(res.stdout).toMatch(new RegExp(`restored .+ into database "${restored.DB_NAME}" \\(\\d+ tables\\); new instance id [0-9a-f]{16}`));

    app = await startApp(restored);
    ds = await openDatabase(restored);
    const url = app.baseUrl;
    expect(await snapshotOf(ds)).toEqual(snapshot);
    expect(await instanceOf(ds)).not.toBe(sourceInstance);

    for (const record of snapshot.records as { verifyCode: string; serial: string }[]) {
      const verified = await http(url).get(`/api/v1/verify/${record.verifyCode}`);
      expect([verified.status, verified.body.serial, verified.body.status]).toEqual([200, record.serial, 'active']);
    }
    const profile = await http(url).get(`/api/v1/users/${world.contestants[0].id}/profile`).set(bearer(world.organizer.token));
    expect([profile.status, profile.body.masked, profile.body.residentId]).toEqual([200, false, residentId]);

    // The restored item resumes at the backup's version: its next tally has the id of one Redis completed for the source.
    await correctMark(url, world.organizer, itemB, world.judges[0].id, entriesB[0], '78');
    const version = await scoreVersion(ds, itemB);
    expect(version).toBe(backupVersion + 1);
    expect((await tallyJob(sourceInstance, itemB, version))?.finishedOn).toBeGreaterThan(0);
    expect(table(await tallied(url, itemB, version))).toEqual([
      [entriesB[0], 1, '78.00'],
      [entriesB[2], 2, '77.00'],
      [entriesB[1], 3, '76.00'],
    ]);
  }, 300_000);

  it('keeps the API and the worker from starting with another PII_KEY than the database was set up with', async () => {
    const wrong = { ...restored, PII_KEY: OTHER_PII_KEY, HTTP_PORT: testPort(12) };
    for (const [name, start] of [['api', startApi], ['worker', startWorker]] as const) {
      const log: string[] = [];
      const child = start(wrong, log);
      try {
        await waitFor(`the ${name} to give up`, async () => child.exitCode !== null, 60_000);
        const lines = log.join('').trim().split('\n');
        expect([child.exitCode, lines.length]).toEqual([1, 1]);
        expect(lines[0]).toMatch(new RegExp(`^${name}: PII_KEY does not match the key database "${restored.DB_NAME}" was set up with`));
      } finally {
        await stopChild(child);
      }
    }
  }, 120_000);
});
