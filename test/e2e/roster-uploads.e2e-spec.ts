import ExcelJS from 'exceljs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import type { DataSource } from 'typeorm';
import { openDatabase } from './support/stack';
import { openEvent, rosterCsv, rosterPeople, uploadRoster, XLSX } from './support/registration';
import { bearer, buildWorld, http, post, type World } from './support/world';

/** The row ceiling the suite's API runs with (ROSTER_MAX_ROWS, default). */
const MAX_ROWS = 20_000;

/** A workbook of `rows` one-cell rows below a header, written with exceljs' streaming writer: about 5 MB for a million. */
async function tallWorkbook(rows: number): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: false, useStyles: false });
  const sheet = wb.addWorksheet('名单');
  sheet.addRow(['姓名', '性别', '出生日期', '手机号', '身份证号', '工会会员号', '项目']).commit();
  for (let i = 0; i < rows; i++) sheet.addRow([i % 2 ? '王伟' : 1]).commit();
  sheet.commit();
  await wb.commit();
  return Buffer.concat(chunks);
}

/** Polls /health every 50 ms until `until` settles; answers the slowest answer's time in ms. */
async function slowestHealth(url: string, until: Promise<unknown>): Promise<number> {
  let done = false;
  void until.finally(() => (done = true));
  let slowest = 0;
  while (!done) {
    const t = Date.now();
    const res = await fetch(`${url}/health`);
    await res.arrayBuffer();
    slowest = Math.max(slowest, Date.now() - t);
    await new Promise((r) => setTimeout(r, 50));
  }
  return slowest;
}

/** Roster uploads must neither exhaust the API nor hold up other callers while a big file is read or imported. */
describe('roster uploads under load', () => {
  let world: World;
  let ds: DataSource;
  let million: Buffer;

  beforeAll(async () => {
    ds = await openDatabase();
    world = await buildWorld({ judges: 0, contestants: 2 });
    million = await tallWorkbook(1_000_000);
  }, 120_000);

  afterAll(() => ds?.destroy());

  it('refuses a million-row workbook within 3 s naming the limit, while /health answers quickly', async () => {
    const meet = await openEvent(world, { item: '5公里' });
    expect(million.length).toBeLessThan(6 * 1024 * 1024);
    const started = Date.now();
    const upload = uploadRoster(world, world.organizer.token, meet.eventId, world.enterprises[0].id, million, XLSX)
      .timeout(30_000)
      .then((res) => ({ res, ms: Date.now() - started }));
    const slowest = await slowestHealth(world.url, upload);
    const { res, ms } = await upload;
    expect([res.status, res.body.code]).toEqual([413, 'ROSTER_FILE_TOO_LARGE']);
    expect(res.body.message).toContain(String(MAX_ROWS));
    expect(res.body.details).toEqual([expect.objectContaining({ field: 'file', code: 'FILE_TOO_MANY_ROWS', maxRows: MAX_ROWS })]);
    expect(ms).toBeLessThan(3000);
    expect(slowest).toBeLessThan(500);
    const [{ n }] = await ds.query('SELECT COUNT(*) AS n FROM entries WHERE event_id = ?', [meet.eventId]);
    expect(Number(n)).toBe(0);
  });

  it('keeps /health quick while three such workbooks arrive at once, and refuses each', async () => {
    const meet = await openEvent(world, { item: '10公里' });
    const uploads = Promise.all([0, 1, 2].map(() => uploadRoster(world, world.organizer.token, meet.eventId, world.enterprises[0].id, million, XLSX).timeout(30_000)));
    const slowest = await slowestHealth(world.url, uploads);
    expect((await uploads).map((r) => r.status)).toEqual([413, 413, 413]);
    expect(slowest).toBeLessThan(1000);
  });

  it('answers a self-registration on another item promptly while a 5,000-row import runs', async () => {
    const meet = await openEvent(world, { kind: 'sports_meet', item: '跳绳' });
    // Items of their own for a contestant to enter, one after another, as long as the import runs.
    const others: number[] = [];
    for (let i = 0; i < 200; i++) others.push((await post(world.url, `/api/v1/events/${meet.eventId}/items`, world.organizer.token, { name: `趣味项目${i + 1}` })).id);
    // A supertest request starts when awaited or then-ed: Promise.resolve sends it now.
    const importing = Promise.resolve(uploadRoster(world, world.organizer.token, meet.eventId, world.enterprises[0].id, rosterCsv(rosterPeople(5000, '跳绳'))));
    // Every 100 ms, for as long as the import runs, a contestant enters herself: whenever the import's
    // transaction holds the event's places, one of these waits behind it.
    let done = false;
    void importing.finally(() => (done = true));
    const waits: number[] = [];
    for (const itemId of others) {
      if (done) break;
      const started = Date.now();
      const own = await http(world.url).post(`/api/v1/items/${itemId}/entries`).set(bearer(world.contestants[1].token)).send({});
      expect(own.status).toBe(201);
      waits.push(Date.now() - started);
      await new Promise((r) => setTimeout(r, 100));
    }
    const imported = await importing;
    expect([imported.status, imported.body]).toEqual([201, { people: 5000, created: 5000, entries: 5000, waitlisted: 0 }]);
    // Every moment of the import was covered: it ended before the items ran out.
    expect(done && waits.length < others.length).toBe(true);
    expect(Math.max(...waits)).toBeLessThan(1500);
  }, 180_000);
});

/** The reader as the API runs it: its task exists only in the build (dist/). */
describe('the roster reader', () => {
  const { RosterReader } = require(join(__dirname, '..', '..', 'dist', 'libs', 'registration', 'src', 'roster-reader.js'));
  const reader = new RosterReader({ ROSTER_READ_THREADS: 1, ROSTER_MAX_ROWS: MAX_ROWS });

  beforeAll(() => reader.start());
  afterAll(() => reader.onModuleDestroy());

  it("hands a big upload's memory to its thread instead of copying it", async () => {
    const big = await tallWorkbook(MAX_ROWS + 10);
    expect(big.byteOffset === 0 && big.byteLength === big.buffer.byteLength).toBe(true);
    await expect(reader.read(big, 'xlsx', '2026-05-12')).rejects.toMatchObject({ code: 'ROSTER_FILE_TOO_LARGE' });
    expect(big.byteLength).toBe(0);
  });

  it("copies a small upload that shares Node's buffer pool, leaving the pool's other data as it was", async () => {
    const small = Buffer.from(rosterCsv(rosterPeople(1, '5公里')).toString('utf8'));
    const neighbour = Buffer.from('同一内存池中的其他请求');
    expect(small.buffer).toBe(neighbour.buffer);
    const checked = await reader.read(small, 'csv', '2026-05-12');
    expect(checked.rows).toHaveLength(1);
    expect(small.byteLength).toBeGreaterThan(0);
    expect(neighbour.toString('utf8')).toBe('同一内存池中的其他请求');
  });
});
