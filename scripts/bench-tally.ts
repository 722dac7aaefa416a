import { mkdirSync } from 'node:fs';
import http from 'node:http';
import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { type AppConfig, loadConfig } from '@app/config';
import { freshMigratedDataSource } from '@app/composition';
import { instanceId } from '@app/database';
import { bullJobId, JOBS, QUEUES } from '@app/queue';
import { type Job, Queue } from 'bullmq';
import type { Connection } from 'mysql2/promise';
import { type Child, childTails, cpuSeconds, settle, insertOrgTree, TREE, waitConsumers, insertBatches, rowsOf, serverPid, clearQueues, dbConnection, listening, localSocket, log, mintToken, percentile, prng, round, runBench, shuffle, sleep, spawnApp, stopAll, SURNAMES, waitHealthy } from './bench-support';
import { ensureLocalServices } from './local-services';

/**
 * `npm run bench:tally`: how long the worker takes to re-tally results, against
 * what the bare database needs for the same arithmetic, in the same run.
 *
 *  1. MySQL and Redis up; `union_events_bench_tally` dropped, recreated and
 *     migrated, then loaded with SQL (multi-row INSERTs, no API): one event,
 *     500 items scored by a judge panel of 10 judges × 1 criterion (plain
 *     mean, 2 decimals, half-up), 100,000 approved entries (10 items with
 *     exactly 1,000, the other 490 sharing the rest), 10 judges seated per
 *     item, every sheet submitted, 1,000,000 marks (one decimal, a quarter
 *     now and then, so totals tie now and then). Entries are dealt to items
 *     in a shuffled order, as registrations arrive; marks are written sheet
 *     by sheet, as the sheet endpoint writes them. No results yet.
 *  2. API and worker started from dist/ (product defaults: WORKER_PROCESSES,
 *     WORKER_CONCURRENCY, OUTBOX_POLL_MS); the bench waits until every worker
 *     process has its tally consumer. Then 1 + 3 times, interleaved so that a
 *     slow minute of the machine weighs on both sides of the ratio:
 *     - baseline (apps idle): one statement,
 *         INSERT INTO bench_results … SELECT …, RANK() OVER (PARTITION BY item_id
 *         ORDER BY total DESC) FROM (SELECT item_id, entry_id,
 *         ROUND(AVG(CAST(value AS DECIMAL(10,2))), 2) AS total FROM marks
 *         GROUP BY item_id, entry_id)
 *       into an emptied scratch copy of item_results (same columns and
 *       indexes, no foreign keys; breakdown '{}');
 *     - full re-tally, item_results and item_tallies emptied first (TRUNCATE),
 *       so all 100,000 rows are written: one transaction does for all 500
 *       items what a score change does for one (ScoringService.enqueueTally):
 *       score_version + 1 and a `tally.item` outbox row with the contract's
 *       job id; the worker's relay moves the rows into BullMQ. It runs from
 *       that COMMIT until every item_tallies row shows the new version
 *       (polled every 20 ms). Then every total and place must equal the
 *       baseline's (same arithmetic, same RANK), or the bench fails. Printed
 *       with it: the CPU seconds the worker and the database server used
 *       meanwhile (/proc), steadier than wall time on a shared machine.
 *     Each starts once the database server is idle (bench-support's settle:
 *     InnoDB writes the previous run's pages back for seconds after it ends).
 *     The first pair is a warm-up, not counted (as in step 3): it is the
 *     worker's first work since it started, in code V8 has not optimised yet,
 *     which a worker that has run for a day no longer pays; warmup_s shows it.
 *     baseline_s and full_s are the medians of the other 3 runs.
 *  3. For one 1,000-entry item, N = 50 times (after 3 uncounted warm-ups):
 *     the organizer corrects one submitted mark to a value it does not hold
 *     (judges in turn, a random entry) through the HTTP API
 *     (PUT /items/:id/sheets/:judgeId with version and reason, the endpoint a
 *     chief judge or organizer uses), waits until the tally shows it, then a
 *     random 0–200 ms pause (so the relay's poll phase is sampled evenly).
 *     - item_p95_ms: p95 of the tally job's own time in the worker: BullMQ's
 *       processedOn → finishedOn of job `tally.item-<item>-v<version>`, i.e.
 *       TallyService.tally (lock, read, score, rank, write, commit, announce)
 *       plus BullMQ's move-to-completed. Millisecond resolution.
 *     - visible_p95_ms: p95 from just before the PUT is sent until the SSE
 *       stream GET /api/v1/events/:eventId/live (opened before the loop)
 *       delivers `event: results` with this itemId and scoreVersion ≥ the
 *       version the change produced (read from item_scoring after the PUT;
 *       messages are buffered from the moment of sending). While that
 *       endpoint does not exist (404) this figure is null, never estimated.
 *     - item_e2e_p95_ms (for orientation): from before the PUT until
 *       item_tallies shows the version (polled every 10 ms): API + outbox
 *       relay + queue + tally.
 *
 * Baseline and apps reach MariaDB the same way: its Unix socket when it runs
 * on this machine (DB_SOCKET), else TCP. Tokens are minted here (HS256 with
 * the bench's JWT_SECRET), nobody logs in. Child output goes to
 * /tmp/bench-tally/*.log. One run at a time per database server (a named
 * lock), whatever checkout it comes from. The last stdout line is the JSON
 * summary. Exit 1 on wrong results, a missing job or SSE message, or an
 * error; a missed target is a measurement, not a failure.
 * Developer knobs: BENCH_ENTRIES (default 100000; the 10 items of 1,000 stay,
 * the other items share the rest), BENCH_SAMPLES (default 50), BENCH_REUSE=1
 * (keep the loaded database of the previous run: only results, tallies,
 * outbox and queues are emptied; the marks step 3 changed stay changed),
 * BENCH_CHILD_NODE_ARGS (e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof") passed
 * to the API and worker, BENCH_WORKER_CONCURRENCY and BENCH_WORKER_PROCESSES (default: the
 * product's),
 * BENCH_LOG_LEVEL (default warn).
 */

const LOG_DIR = '/tmp/bench-tally';
const DB_NAME = 'union_events_bench_tally';
const PORT = 3411;
const QUEUE_PREFIX = 'bench-tally';

const ITEMS = 500;
const BIG_ITEMS = 10;
const BIG_ENTRIES = 1000;
const ENTRIES = Math.max(Number(process.env.BENCH_ENTRIES || 100_000), BIG_ITEMS * BIG_ENTRIES + (ITEMS - BIG_ITEMS));
const JUDGES_PER_ITEM = 10;
const JUDGE_POOL = 100;
const SAMPLES = Number(process.env.BENCH_SAMPLES || 50);
const WARMUPS = 3;
/** Baseline and full re-tally, each this many times, interleaved; each figure is the median. */
const RUNS = 3;
const BATCH = 5000;
const CRITERION = '总分';
const SCHEME = {
  kind: 'judge-panel',
  marks: { min: 0, max: 100, maxDecimals: 2 },
  judges: JUDGES_PER_ITEM,
  criteria: [{ key: CRITERION, label: '综合得分', aggregate: 'mean' }],
  rounding: { digits: 2, mode: 'half-up' },
};

const { cityId: CITY_ID, districtId: DISTRICT_ID, firstEnterpriseId: FIRST_ENTERPRISE_ID, enterprises: ENTERPRISES, organizerId: ORGANIZER_ID } = TREE;
const FIRST_JUDGE_ID = 2;
const FIRST_CONTESTANT_ID = FIRST_JUDGE_ID + JUDGE_POOL;
/** Each contestant enters two items, as many workers do (lathe and milling, say). */
const CONTESTANTS = Math.ceil(ENTRIES / 2);

// ---------------------------------------------------------------- small helpers

const now = () => performance.now();

/** Roughly normal (sum of uniforms), mean 0, sd 1. */
function gauss(rand: () => number): number {
  let s = 0;
  for (let i = 0; i < 6; i++) s += rand();
  return (s - 3) * Math.SQRT2;
}

const p95 = (xs: number[]) => percentile([...xs].sort((a, b) => a - b), 95);
const median = (xs: number[]) => percentile([...xs].sort((a, b) => a - b), 50);

const GIVEN = ['伟', '芳', '娜', '秀英', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '娟', '涛', '明', '超', '秀兰', '霞', '建国', '志强', '海燕', '晓东'];
const judgeName = (i: number) => `${SURNAMES[(i * 7) % SURNAMES.length]}${GIVEN[i % GIVEN.length]}（裁判）`;
const contestantName = (i: number) => `选手${String(i + 1).padStart(6, '0')}`;
const TRADES = ['数控车工', '数控铣工', '电工', '焊工', '钳工', '汽车维修工', '茶艺师', '中式烹调师', '育婴员', '网约配送员'];
const itemName = (i: number) => `${TRADES[i % TRADES.length]}第${Math.floor(i / TRADES.length) + 1}组`;

// ---------------------------------------------------------------- child processes

/**
 * CPU seconds (user + system) a process and its children (the worker's processes) have used so
 * far, from /proc; null where there is none.
 */
// ---------------------------------------------------------------- database

interface Fixture {
  eventId: number;
  /** the 1,000-entry item whose marks step 3 changes */
  itemId: number;
  judgeIds: number[];
  entryIds: number[];
  organizerToken: string;
}

/** How many entries each item gets: the first BIG_ITEMS exactly BIG_ENTRIES, the rest share what is left evenly. */
function itemSizes(): number[] {
  const rest = ENTRIES - BIG_ITEMS * BIG_ENTRIES;
  const others = ITEMS - BIG_ITEMS;
  return Array.from({ length: ITEMS }, (_, i) =>
    i < BIG_ITEMS ? BIG_ENTRIES : Math.floor(rest / others) + (i - BIG_ITEMS < rest % others ? 1 : 0),
  );
}

const panelOf = (item: number) => Array.from({ length: JUDGES_PER_ITEM }, (_, s) => FIRST_JUDGE_ID + ((item * JUDGES_PER_ITEM + s) % JUDGE_POOL));

/** Everything a judged event holds once every sheet is submitted, straight into the fresh database. */
async function load(config: AppConfig): Promise<void> {
  const conn = await dbConnection(config);
  const rand = prng(0x7a11e);
  try {
    // Loader only: the rows are consistent by construction, and checks per row would triple the load time.
    await conn.query('SET unique_checks = 0, foreign_key_checks = 0');
    await insertOrgTree(conn);

    const users: unknown[][] = [[ORGANIZER_ID, 'bench-organizer', '!bench-no-login', '钱主任']];
    const roles: unknown[][] = [[ORGANIZER_ID, DISTRICT_ID, 'organizer']];
    for (let j = 0; j < JUDGE_POOL; j++) {
      users.push([FIRST_JUDGE_ID + j, `judge${String(j + 1).padStart(3, '0')}`, '!bench-no-login', judgeName(j)]);
      roles.push([FIRST_JUDGE_ID + j, DISTRICT_ID, 'judge']);
    }
    for (let c = 0; c < CONTESTANTS; c++) {
      users.push([FIRST_CONTESTANT_ID + c, `worker${String(c + 1).padStart(6, '0')}`, '!bench-no-login', contestantName(c)]);
      roles.push([FIRST_CONTESTANT_ID + c, FIRST_ENTERPRISE_ID + (c % ENTERPRISES), 'contestant']);
    }
    await insertBatches(conn, 'INSERT INTO users (id, username, password_hash, real_name) VALUES ?', users);
    await insertBatches(conn, 'INSERT INTO role_assignments (user_id, organisation_id, role) VALUES ?', roles);

    const [event] = (await conn.query(
      "INSERT INTO events (organisation_id, kind, name, status, starts_on, ends_on, created_by, bib_prefix) VALUES (?, 'skill_competition', ?, 'in_progress', '2026-05-12', '2026-05-16', ?, 'SK')",
      [DISTRICT_ID, '2026年拱墅区职工职业技能大赛', ORGANIZER_ID],
    )) as unknown as [{ insertId: number }];
    const eventId = event.insertId;
    await insertBatches(
      conn,
      'INSERT INTO event_items (id, event_id, name) VALUES ?',
      Array.from({ length: ITEMS }, (_, i) => [i + 1, eventId, itemName(i)]),
    );
    // Ten judges submitted their sheets, so the version was bumped ten times; nothing was tallied yet.
    await insertBatches(
      conn,
      'INSERT INTO item_scoring (item_id, scheme, score_version) VALUES ?',
      Array.from({ length: ITEMS }, (_, i) => [i + 1, JSON.stringify(SCHEME), JUDGES_PER_ITEM]),
    );
    const seats: unknown[][] = [];
    const sheets: unknown[][] = [];
    for (let i = 0; i < ITEMS; i++) {
      panelOf(i).forEach((judgeId, s) => {
        seats.push([i + 1, judgeId, s === 0 ? 1 : 0, ORGANIZER_ID]);
        sheets.push([i + 1, 0, judgeId, 'submitted', 2]);
      });
    }
    await insertBatches(conn, 'INSERT INTO judge_assignments (item_id, user_id, chief, assigned_by) VALUES ?', seats);
    await insertBatches(conn, "INSERT INTO score_sheets (item_id, round_id, judge_id, status, version, submitted_at) VALUES ?", sheets.map((s) => [...s, new Date()]));

    // Registrations arrive mixed over the items: deal the item slots in a shuffled order.
    const sizes = itemSizes();
    const slots = shuffle(sizes.flatMap((n, i) => Array.from({ length: n }, () => i)), rand);
    const perItem: number[][] = sizes.map(() => []);
    const entries: unknown[][] = [];
    slots.forEach((item, k) => {
      const id = k + 1;
      // Entry k and k + CONTESTANTS share a person; the shuffle puts them in different items but for a handful, skipped below.
      const person = k % CONTESTANTS;
      perItem[item].push(id);
      entries.push([id, eventId, item + 1, FIRST_CONTESTANT_ID + person, FIRST_ENTERPRISE_ID + (person % ENTERPRISES), 'approved', `SK${String(id).padStart(6, '0')}`, ORGANIZER_ID]);
    });
    // The same person twice in one item would break uq_entries_item_active_user: that entry gets a person of its own.
    const seen = new Set<string>();
    let extra = CONTESTANTS;
    const extraUsers: unknown[][] = [];
    for (const e of entries) {
      const key = `${e[2]}:${e[3]}`;
      if (seen.has(key)) {
        e[3] = FIRST_CONTESTANT_ID + extra;
        extraUsers.push([FIRST_CONTESTANT_ID + extra, `worker${String(extra + 1).padStart(6, '0')}`, '!bench-no-login', contestantName(extra)]);
        extra++;
      }
      seen.add(`${e[2]}:${e[3]}`);
    }
    if (extraUsers.length) await insertBatches(conn, 'INSERT INTO users (id, username, password_hash, real_name) VALUES ?', extraUsers);
    await insertBatches(
      conn,
      'INSERT INTO entries (id, event_id, item_id, user_id, active_user_id, organisation_id, status, bib, registered_by) VALUES ?',
      entries.map(([id, ev, item, user, org, status, bib, by]) => [id, ev, item, user, user, org, status, bib, by]),
    );

    // Marks: each entry has an ability, each judge a slight bias, each mark some noise; judges
    // write one decimal and now and then a quarter ("86.25"). One sheet is one multi-row INSERT.
    const ability = new Float64Array(ENTRIES + 1);
    for (let id = 1; id <= ENTRIES; id++) ability[id] = 80 + 6 * gauss(rand);
    const bias = Array.from({ length: JUDGE_POOL }, () => (rand() - 0.5) * 2);
    const sql = 'INSERT INTO marks (item_id, round_id, entry_id, judge_id, criterion, value) VALUES ?';
    let batch: unknown[][] = [];
    for (let i = 0; i < ITEMS; i++) {
      for (const judgeId of panelOf(i)) {
        for (const entryId of perItem[i]) {
          batch.push([i + 1, 0, entryId, judgeId, CRITERION, markText(ability[entryId] + bias[judgeId - FIRST_JUDGE_ID] + 1.5 * gauss(rand), rand)]);
        }
        if (batch.length >= BATCH) {
          await conn.query(sql, [batch]);
          batch = [];
        }
      }
    }
    if (batch.length) await conn.query(sql, [batch]);
    await conn.query('SET unique_checks = 1, foreign_key_checks = 1');
    await conn.query('ANALYZE TABLE marks, entries, score_sheets, judge_assignments, item_scoring');
  } finally {
    await conn.end();
  }
}

/** A mark as a judge writes it: 0–100, one decimal, a quarter now and then, no trailing zeros. */
function markText(x: number, rand: () => number): string {
  const v = Math.min(100, Math.max(0, x));
  const step = rand() < 0.1 ? 4 : 10;
  return String(Math.round(v * step) / step);
}

/** What the bench needs to know about the loaded database, read back (also after BENCH_REUSE). */
async function fixture(config: AppConfig, conn: Connection): Promise<Fixture> {
  const [event] = await rowsOf<{ id: number }>(conn, 'SELECT id FROM events ORDER BY id LIMIT 1');
  const [big] = await rowsOf<{ itemId: number }>(
    conn,
    "SELECT item_id AS itemId FROM entries WHERE status = 'approved' GROUP BY item_id HAVING COUNT(*) = ? ORDER BY item_id LIMIT 1",
    [BIG_ENTRIES],
  );
  if (!event || !big) throw new Error('the bench database holds no event or no item of 1,000 entries; run without BENCH_REUSE');
  const judges = await rowsOf<{ id: number }>(conn, 'SELECT user_id AS id FROM judge_assignments WHERE item_id = ? ORDER BY id', [big.itemId]);
  const entries = await rowsOf<{ id: number }>(conn, "SELECT id FROM entries WHERE item_id = ? AND status = 'approved' ORDER BY id", [big.itemId]);
  return {
    eventId: Number(event.id),
    itemId: Number(big.itemId),
    judgeIds: judges.map((j) => Number(j.id)),
    entryIds: entries.map((e) => Number(e.id)),
    organizerToken: mintToken(config.JWT_SECRET, ORGANIZER_ID, 'bench-organizer', [{ role: 'organizer', orgId: DISTRICT_ID, path: `/${CITY_ID}/${DISTRICT_ID}/` }]),
  };
}

/** BENCH_REUSE: back to "loaded, never tallied" without reloading a million marks. */
async function resetResults(conn: Connection): Promise<void> {
  await emptyResults(conn);
  await conn.query('DELETE FROM outbox');
  await conn.query('DROP TABLE IF EXISTS bench_results');
}

/** No results and no tallies, as before the first run (TRUNCATE: a DELETE would leave 100,000 rows to purge meanwhile). */
async function emptyResults(conn: Connection): Promise<void> {
  for (const table of ['item_results', 'item_tallies']) await conn.query(`TRUNCATE TABLE ${table}`);
}

// ---------------------------------------------------------------- baseline

const BASELINE_SQL = `
  INSERT INTO bench_results (item_id, round_id, entry_id, place, total, status, breakdown, score_version)
  SELECT item_id, 0, entry_id, RANK() OVER (PARTITION BY item_id ORDER BY total DESC), total, 'OK', '{}', 1
    FROM (SELECT item_id, entry_id, ROUND(AVG(CAST(value AS DECIMAL(10,2))), 2) AS total FROM marks GROUP BY item_id, entry_id) t`;

/** One baseline run into an emptied scratch copy of item_results; its rows stay for the check after the next full re-tally. */
async function baseline(conn: Connection): Promise<number> {
  // Shaped like item_results: same columns, keys and JSON check; CREATE TABLE … LIKE copies no foreign keys.
  await conn.query('CREATE TABLE IF NOT EXISTS bench_results LIKE item_results');
  await conn.query('TRUNCATE TABLE bench_results');
  const t0 = now();
  const [res] = (await conn.query(BASELINE_SQL)) as unknown as [{ affectedRows: number }];
  const s = (now() - t0) / 1000;
  if (res.affectedRows !== ENTRIES) throw new Error(`baseline wrote ${res.affectedRows} rows, expected ${ENTRIES}`);
  return s;
}

// ---------------------------------------------------------------- (a) full re-tally

/** What ScoringService.enqueueTally does for one item, for every item in one transaction: version + 1, one outbox row each. */
async function enqueueAll(conn: Connection): Promise<{ version: Map<number, number>; committedAt: number }> {
  await conn.query('BEGIN');
  await conn.query('UPDATE item_scoring SET score_version = score_version + 1');
  const rows = await rowsOf<{ itemId: number; version: number }>(conn, 'SELECT item_id AS itemId, score_version AS version FROM item_scoring ORDER BY item_id');
  const def = JOBS['tally.item'];
  await conn.query('INSERT INTO outbox (job_name, job_id, payload) VALUES ?', [
    rows.map((r) => {
      const payload = { itemId: Number(r.itemId), version: Number(r.version) };
      return ['tally.item', def.jobId(payload), JSON.stringify(payload)];
    }),
  ]);
  await conn.query('COMMIT');
  return { version: new Map(rows.map((r) => [Number(r.itemId), Number(r.version)])), committedAt: now() };
}

async function fullTally(conn: Connection): Promise<number> {
  const { version, committedAt } = await enqueueAll(conn);
  const target = Math.min(...version.values());
  const deadline = committedAt + 600_000;
  for (;;) {
    const [{ done }] = await rowsOf<{ done: number }>(conn, 'SELECT COUNT(*) AS done FROM item_tallies WHERE tallied_version >= ?', [target]);
    if (Number(done) >= ITEMS) return (now() - committedAt) / 1000;
    if (now() > deadline) throw new Error(`only ${done} of ${ITEMS} items tallied after 600 s`);
    await sleep(20);
  }
}

/** Same marks, same arithmetic, same RANK: every total and place must match the baseline's. */
async function compareWithBaseline(conn: Connection): Promise<string[]> {
  const [counts] = await rowsOf<{ results: number; base: number }>(
    conn,
    'SELECT (SELECT COUNT(*) FROM item_results) AS results, (SELECT COUNT(*) FROM bench_results) AS base',
  );
  const [diff] = await rowsOf<{ n: number }>(
    conn,
    `SELECT COUNT(*) AS n FROM item_results r LEFT JOIN bench_results b ON b.item_id = r.item_id AND b.entry_id = r.entry_id
      WHERE b.id IS NULL OR NOT (b.total <=> r.total AND b.place <=> r.place AND r.status = 'OK')`,
  );
  const [ties] = await rowsOf<{ n: number }>(conn, 'SELECT COUNT(*) AS n FROM (SELECT 1 FROM item_results GROUP BY item_id, place HAVING COUNT(*) > 1) t');
  log(`  check: ${counts.results} result rows, ${counts.base} baseline rows, ${diff.n} differ; ${ties.n} shared places`);
  const problems: string[] = [];
  if (Number(counts.results) !== ENTRIES) problems.push(`item_results holds ${counts.results} rows, expected ${ENTRIES}`);
  if (Number(diff.n)) problems.push(`${diff.n} results differ from the baseline's total or place`);
  return problems;
}

// ---------------------------------------------------------------- HTTP and the live stream

function request(method: string, path: string, token: string, body: object): Promise<{ status: number; body: string }> {
  const text = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port: PORT,
        method,
        path: `/api/v1${path}`,
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.setTimeout(60_000, () => req.destroy(new Error('no answer within 60 s')));
    req.on('error', reject);
    req.end(text);
  });
}

interface LiveMessage {
  at: number;
  event: string;
  data: { eventId?: number; itemId?: number; scoreVersion?: number } | null;
}

/**
 * A client of GET /events/:id/live (text/event-stream): every message with its arrival time.
 * Parsed per the SSE rules: lines end in \n, \r\n or \r; `data:` lines join with \n; a blank
 * line ends a message; `:` lines are comments (keep-alives).
 */
class LiveStream {
  readonly messages: LiveMessage[] = [];
  private wake: (() => void) | null = null;
  private req: http.ClientRequest | null = null;
  closedReason: string | null = null;

  /** Resolves with the stream, or with the HTTP status when the endpoint is not there. */
  static open(eventId: number, token: string): Promise<LiveStream | { status: number; body: string }> {
    const stream = new LiveStream();
    return new Promise((resolve, reject) => {
      const req = http.get(
        {
          host: '127.0.0.1',
          port: PORT,
          path: `/api/v1/events/${eventId}/live`,
          headers: { authorization: `Bearer ${token}`, accept: 'text/event-stream' },
        },
        (res) => {
          const type = String(res.headers['content-type'] ?? '');
          if (res.statusCode !== 200 || !type.startsWith('text/event-stream')) {
            const chunks: Buffer[] = [];
            res.on('data', (c: Buffer) => chunks.push(c));
            res.on('end', () => resolve({ status: res.statusCode ?? 0, body: `${type} ${Buffer.concat(chunks).toString('utf8').slice(0, 200)}` }));
            return;
          }
          res.setEncoding('utf8');
          let buffer = '';
          let event = '';
          let data: string[] = [];
          res.on('data', (chunk: string) => {
            const at = now();
            buffer += chunk;
            const lines = buffer.split(/\r\n|\r|\n/);
            buffer = lines.pop() ?? ''; // an unfinished line waits for the next chunk
            for (const line of lines) {
              if (line === '') {
                if (data.length) stream.push({ at, event: event || 'message', data: parseData(data.join('\n')) });
                event = '';
                data = [];
              } else if (line.startsWith(':')) {
                continue;
              } else {
                const colon = line.indexOf(':');
                const field = colon < 0 ? line : line.slice(0, colon);
                const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
                if (field === 'event') event = value;
                else if (field === 'data') data.push(value);
              }
            }
          });
          res.on('close', () => stream.close('the server closed the stream'));
          resolve(stream);
        },
      );
      req.on('error', (err) => (stream.req ? stream.close(err.message) : reject(err)));
      stream.req = req;
    });
  }

  private push(m: LiveMessage): void {
    this.messages.push(m);
    this.wake?.();
  }

  private close(reason: string): void {
    this.closedReason ??= reason;
    this.wake?.();
  }

  /** The first `results` message for the item at `version` or later that arrived after `since`. */
  async waitFor(itemId: number, version: number, since: number, timeoutMs: number): Promise<LiveMessage | null> {
    const deadline = now() + timeoutMs;
    for (let i = 0; ; ) {
      for (; i < this.messages.length; i++) {
        const m = this.messages[i];
        if (m.at >= since && m.event === 'results' && m.data?.itemId === itemId && Number(m.data.scoreVersion) >= version) return m;
      }
      if (this.closedReason || now() > deadline) return null;
      await new Promise<void>((r) => {
        const timer = setTimeout(r, Math.max(1, deadline - now()));
        this.wake = () => (clearTimeout(timer), r());
      });
      this.wake = null;
    }
  }

  stop(): void {
    this.closedReason ??= 'stopped';
    this.req?.destroy();
  }
}

function parseData(text: string): LiveMessage['data'] {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

// ---------------------------------------------------------------- (b) and (c): one mark changes

interface Sample {
  itemMs: number;
  e2eMs: number;
  visibleMs: number | null;
}

async function markChanges(config: AppConfig, conn: Connection, fx: Fixture, live: LiveStream | null): Promise<{ samples: Sample[]; problems: string[] }> {
  const instance = await instanceId((sql) => rowsOf(conn, sql));
  const queue = new Queue(QUEUES.tally, { connection: { host: config.REDIS_HOST, port: config.REDIS_PORT, db: config.REDIS_DB }, prefix: QUEUE_PREFIX });
  const rand = prng(0xc0ffee);
  const problems: string[] = [];
  const samples: Sample[] = [];
  const sheetVersion = new Map(
    (await rowsOf<{ judgeId: number; version: number }>(conn, 'SELECT judge_id AS judgeId, version FROM score_sheets WHERE item_id = ? AND round_id = 0', [fx.itemId])).map((r) => [
      Number(r.judgeId),
      Number(r.version),
    ]),
  );
  try {
    for (let n = 0; n < WARMUPS + SAMPLES; n++) {
      const judgeId = fx.judgeIds[n % fx.judgeIds.length];
      const entryId = fx.entryIds[Math.floor(rand() * fx.entryIds.length)];
      // A real change every time, also on a database an earlier run changed the same way (BENCH_REUSE).
      const [{ value: current }] = await rowsOf<{ value: string }>(conn, 'SELECT value FROM marks WHERE entry_id = ? AND round_id = 0 AND judge_id = ?', [entryId, judgeId]);
      let value = markText(60 + 39 * rand(), rand);
      while (value === current) value = markText(60 + 39 * rand(), rand);
      const t0 = now();
      const res = await request('PUT', `/items/${fx.itemId}/sheets/${judgeId}`, fx.organizerToken, {
        version: sheetVersion.get(judgeId),
        marks: [{ entryId, value }],
        reason: '复核纸质评分表，更正录入错误',
      });
      if (res.status !== 200) throw new Error(`PUT sheet of judge ${judgeId}: ${res.status} ${res.body.slice(0, 300)}`);
      sheetVersion.set(judgeId, (JSON.parse(res.body) as { version: number }).version);
      // The bench is the only writer, so the item's version now is the one this change produced.
      const [{ version }] = await rowsOf<{ version: number }>(conn, 'SELECT score_version AS version FROM item_scoring WHERE item_id = ?', [fx.itemId]);
      const v = Number(version);
      const [tallied, message] = await Promise.all([waitTallied(conn, fx.itemId, v, t0), live ? live.waitFor(fx.itemId, v, t0, 10_000) : Promise.resolve(null)]);
      const job = await finishedJob(queue, bullJobId(instance, 'tally.item', { itemId: fx.itemId, version: v }));
      if (!job?.processedOn || !job.finishedOn) {
        problems.push(`job for version ${v} not found or not finished`);
        continue;
      }
      if (!(job.returnvalue as { ran?: boolean } | null)?.ran) problems.push(`job for version ${v} did not run a tally: ${JSON.stringify(job.returnvalue)}`);
      if (live && !message) problems.push(`no SSE message for item ${fx.itemId} version ${v} within 10 s${live.closedReason ? ` (${live.closedReason})` : ''}`);
      if (n >= WARMUPS) samples.push({ itemMs: job.finishedOn - job.processedOn, e2eMs: tallied - t0, visibleMs: message ? message.at - t0 : null });
      await sleep(200 * rand());
    }
  } finally {
    await queue.close();
  }
  return { samples, problems };
}

/** The job once BullMQ has marked it finished, which happens just after the tally's commit. */
async function finishedJob(queue: Queue, jobId: string): Promise<Job | undefined> {
  const deadline = now() + 5000;
  for (;;) {
    const job = await queue.getJob(jobId);
    if ((job?.finishedOn && job.processedOn) || now() > deadline) return job;
    await sleep(5);
  }
}

/** When item_tallies first shows `version` (polled every 10 ms). */
async function waitTallied(conn: Connection, itemId: number, version: number, since: number): Promise<number> {
  for (;;) {
    const [row] = await rowsOf<{ v: number }>(conn, 'SELECT tallied_version AS v FROM item_tallies WHERE item_id = ?', [itemId]);
    if (row && Number(row.v) >= version) return now();
    if (now() - since > 30_000) throw new Error(`item ${itemId} not tallied at version ${version} after 30 s`);
    await sleep(10);
  }
}

// ---------------------------------------------------------------- main

async function main(): Promise<number> {
  const t0 = Date.now();
  mkdirSync(LOG_DIR, { recursive: true });
  const env: NodeJS.ProcessEnv = { ...process.env, DB_NAME, QUEUE_PREFIX, HTTP_PORT: String(PORT), LOG_LEVEL: process.env.BENCH_LOG_LEVEL || 'warn' };
  // The product defaults apply to the apps, not whatever the caller's shell has set.
  delete env.WORKER_CONCURRENCY;
  delete env.WORKER_PROCESSES;
  delete env.OUTBOX_POLL_MS;
  if (process.env.BENCH_WORKER_CONCURRENCY) env.WORKER_CONCURRENCY = process.env.BENCH_WORKER_CONCURRENCY;
  if (process.env.BENCH_WORKER_PROCESSES) env.WORKER_PROCESSES = process.env.BENCH_WORKER_PROCESSES;
  await ensureLocalServices(loadConfig(env));
  env.DB_SOCKET ||= await localSocket(loadConfig(env));
  const config = loadConfig(env);
  // One run at a time on this database server, whichever checkout it comes from: a second run
  // would drop the database and the queues under the first.
  const guard = await dbConnection(config, null);
  const [[{ got }]] = (await guard.query('SELECT GET_LOCK(?, 0) AS got', [`bench:tally:${DB_NAME}`])) as unknown as [{ got: number }[]];
  if (!Number(got)) throw new Error(`another bench:tally is running against ${DB_NAME} on this server; wait for it to finish`);
  if (await listening(PORT)) throw new Error(`port ${PORT} is already in use; stop whatever listens there first`);
  const [load1] = loadavg();
  if (load1 > 0.5 * cpus().length) log(`warning: the machine is busy (load ${load1.toFixed(2)} on ${cpus().length} cores); figures will be noisier`);
  log(`bench:tally: ${ITEMS} items, ${ENTRIES} entries, ${ENTRIES * JUDGES_PER_ITEM} marks; database ${DB_NAME} via ${config.dbAddress}; logs in ${LOG_DIR}`);

  if (process.env.BENCH_REUSE === '1') {
    const conn = await dbConnection(config);
    await resetResults(conn).finally(() => conn.end());
    log('reusing the loaded database (BENCH_REUSE=1): results, tallies and outbox emptied');
  } else {
    const ds = await freshMigratedDataSource(config);
    await ds.destroy();
    await load(config);
    log(`loaded in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  }
  await clearQueues(config, QUEUE_PREFIX);

  const conn = await dbConnection(config);
  const problems: string[] = [];
  let api: Child | null = null;
  let worker: Child | null = null;
  try {
    const fx = await fixture(config, conn);
    api = spawnApp('api', 'apps/api/src/main.js', env);
    worker = spawnApp('worker', 'apps/worker/src/main.js', env);
    await Promise.all([waitHealthy(api, PORT), waitConsumers(worker, config, QUEUE_PREFIX, [QUEUES.tally], config.workerProcesses)]);

    // Interleaved, so that a slow minute of the machine weighs on both sides of the ratio; the first
    // pair is not counted (the worker's first work since it started runs code V8 has not optimised yet).
    log(`baseline (apps idle) and (a) full re-tally of ${ITEMS} items through the outbox and the worker: 1 + ${RUNS} runs each, interleaved, the first not counted:`);
    const dbPid = serverPid();
    const baselineRuns: number[] = [];
    const fullRuns: { s: number; cpu: (number | null)[] }[] = [];
    let warmup: { baseline: number; full: number } | null = null;
    for (let r = 0; r <= RUNS; r++) {
      await settle(dbPid);
      const base = await baseline(conn);
      await emptyResults(conn);
      await settle(dbPid);
      const cpuBefore = [cpuSeconds(worker.proc.pid), cpuSeconds(dbPid)];
      const s = await fullTally(conn);
      const cpu = [cpuSeconds(worker.proc.pid), cpuSeconds(dbPid)].map((c, i) => (c === null || cpuBefore[i] === null ? null : round(c - cpuBefore[i]!, 1)));
      log(`  ${r ? `run ${r}` : 'warm-up'}: baseline ${base.toFixed(3)} s; full ${s.toFixed(3)} s (${Math.round(ENTRIES / s)} entries/s), CPU meanwhile: worker ${cpu[0] ?? '?'} s, database server ${cpu[1] ?? '?'} s`);
      problems.push(...(await compareWithBaseline(conn)));
      if (r) {
        baselineRuns.push(base);
        fullRuns.push({ s, cpu });
      } else warmup = { baseline: base, full: s };
    }
    const baselineS = median(baselineRuns);
    const fullS = median(fullRuns.map((f) => f.s));
    const cpu = fullRuns.find((f) => f.s === fullS)!.cpu;

    log(`(b, c) ${SAMPLES} mark changes (+${WARMUPS} warm-ups) on item ${fx.itemId} (${fx.entryIds.length} entries) through PUT /items/:id/sheets/:judgeId:`);
    const opened = await LiveStream.open(fx.eventId, fx.organizerToken);
    const live = opened instanceof LiveStream ? opened : null;
    if (!live) log(`  GET /api/v1/events/${fx.eventId}/live answered ${(opened as { status: number }).status} (${(opened as { body: string }).body.trim()}): visible_p95_ms is null`);
    const changes = await markChanges(config, conn, fx, live).finally(() => live?.stop());
    problems.push(...changes.problems);
    for (const c of [api, worker]) if (c.proc.exitCode !== null) problems.push(`${c.name} died during the run (exit ${c.proc.exitCode})`);

    const itemMs = changes.samples.map((s) => s.itemMs);
    const e2eMs = changes.samples.map((s) => s.e2eMs);
    const visible = changes.samples.map((s) => s.visibleMs).filter((x): x is number => x !== null);
    const visibleP95 = live && visible.length === changes.samples.length && visible.length ? round(p95(visible), 1) : null;
    log(`  tally job (processedOn→finishedOn): p50 ${median(itemMs)} ms, p95 ${p95(itemMs)} ms, max ${Math.max(...itemMs)} ms`);
    log(`  PUT → item_tallies shows it:        p50 ${round(median(e2eMs), 1)} ms, p95 ${round(p95(e2eMs), 1)} ms`);
    log(`  PUT → SSE results message:          ${visibleP95 === null ? 'n/a' : `p50 ${round(median(visible), 1)} ms, p95 ${visibleP95} ms`}`);

    const ratio = fullS / baselineS;
    log(`baseline_s ${baselineS.toFixed(3)} (median of ${baselineRuns.map((r) => r.toFixed(3)).join(', ')}); ratio ${ratio.toFixed(2)} (target ≤ 3)`);
    log(`bench took ${((Date.now() - t0) / 1000).toFixed(1)} s; load average now ${loadavg()[0].toFixed(2)} on ${cpus().length} cores`);
    for (const p of problems) log(`PROBLEM: ${p}`);
    if (problems.length) log(`child logs: ${LOG_DIR}`);
    log(
      JSON.stringify({
        bench: 'tally',
        full_s: round(fullS, 3),
        baseline_s: round(baselineS, 3),
        ratio: round(ratio, 2),
        item_p95_ms: p95(itemMs),
        visible_p95_ms: visibleP95,
        baseline_runs_s: baselineRuns.map((r) => round(r, 3)),
        full_runs_s: fullRuns.map((f) => round(f.s, 3)),
        warmup_s: { baseline: round(warmup!.baseline, 3), full: round(warmup!.full, 3) },
        item_p50_ms: median(itemMs),
        item_e2e_p95_ms: round(p95(e2eMs), 1),
        full_cpu_worker_s: cpu[0],
        full_cpu_db_s: cpu[1],
        samples: changes.samples.length,
        entries: ENTRIES,
        db_transport: config.DB_SOCKET ? 'unix socket' : 'tcp',
        problems: problems.length,
      }),
    );
    return problems.length ? 1 : 0;
  } catch (err) {
    throw new Error(`${(err as Error).message}\n${childTails()}`);
  } finally {
    await conn.end();
    await stopAll();
    await guard.end(); // releases the lock
  }
}

runBench('bench:tally', LOG_DIR, main);
