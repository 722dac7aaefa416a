import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import http from 'node:http';
import { cpus, loadavg } from 'node:os';
import { type AppConfig, loadConfig } from '@app/config';
import { freshMigratedDataSource } from '@app/composition';
import { perEntry, prepareAccount, readCounters } from './bench-db-counters';
import { replay } from './bench-registration-replay';
import { type Child, type CpuUse, childTails, chineseName, clearQueues, cpuMeter, cpuMsPer, serverPid, settle, insertBatches, insertOrgTree, TREE, dbConnection, listening, localSocket, log, memoryMb, mintToken, resetMemoryPeak, percentile, prng, round, runBench, shuffle, spawnApp, stopChild, waitHealthy } from './bench-support';
import { ensureLocalServices } from './local-services';

/**
 * `npm run bench:registration`: registration throughput through the HTTP API
 * against the bare database limit, measured in the same run on the same machine.
 *
 *  1. MySQL and Redis up; `union_events_bench` dropped, recreated and migrated;
 *     one city, one district, 20 enterprise unions, an organizer and 20,000
 *     contestants with profiles written with SQL (no argon2, no API).
 *  2. Baseline, apps stopped: 16 connections, 20,000 transactions of
 *     `UPDATE … SET taken = taken + 1 WHERE id = 1 AND taken < cap` + one INSERT;
 *     measured again after step 3, and the mean of the two is the baseline.
 *  3. For 1 and then 2 API processes (plus the worker): a new event with a
 *     capacity of 5,000, then 200 concurrent clients make 20,000 attempts
 *     (18,000 distinct contestants + 2,000 double clicks, half of them retried
 *     with the same Idempotency-Key); the database is checked afterwards. The API
 *     processes log in to MariaDB as an account of their own, whose statements
 *     MariaDB counts (userstat); then, apps stopped, the run's batches are
 *     replayed as bare SQL (bench-registration-replay.ts): `overhead_ratio`.
 *
 * Baseline and API reach MariaDB the same way: its Unix socket when it runs
 * on this machine (DB_SOCKET), else TCP.
 *
 * Tokens are minted here (HS256 with the bench's JWT_SECRET) instead of
 * logging 20,000 people in through argon2. Child output goes to
 * /tmp/bench-registration/*.log. The last stdout line is the JSON summary.
 * Exit 1 on 5xx or network errors, overselling, duplicates or a failed
 * integrity check; a missed ratio target is a measurement, not a failure.
 * Developer knobs: BENCH_ATTEMPTS (default 20000) scales the whole bench down;
 * BENCH_SUFFIX and BENCH_PORT (default 3401, and the next) keep two copies apart;
 * BENCH_WARMUP_ROUNDS (default 10) sets how many warm-up events each run serves first;
 * BENCH_CHILD_NODE_ARGS (e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof") is
 * passed to the API and worker processes; BENCH_LOG_LEVEL (default warn).
 */

const LOG_DIR = '/tmp/bench-registration';
// BENCH_SUFFIX keeps two copies of the bench on one machine apart (database, account, queues, ports).
const SUFFIX = process.env.BENCH_SUFFIX ?? '';
const DB_NAME = `union_events_bench${SUFFIX}`;
const PORT = Number(process.env.BENCH_PORT || 3401);
const PORTS = [PORT, PORT + 1];
const QUEUE_PREFIX = `bench${SUFFIX}`;
/** The API processes' own database account, so that what they send is counted apart. */
const API_DB_USER = `ue_bench_api${SUFFIX}`.slice(0, 80);
const API_DB_PASSWORD = 'bench-api';

const ATTEMPTS = Number(process.env.BENCH_ATTEMPTS || 20_000);
/**
 * Registrations each API process serves per warm-up round before the measured rush, on events of
 * their own by people of their own: a process that has been up since the day before has its code
 * compiled and its pools open; the rush's contestants still arrive with cold sessions. V8 keeps
 * optimising a process's hot functions for tens of thousands of requests: after one round of 2,000
 * its compiler still spent 1.3 s of CPU during the measured four-second rush, after ten 0.3 s.
 */
const WARMUP = Math.round(ATTEMPTS / 10);
const WARMUP_ROUNDS = Number(process.env.BENCH_WARMUP_ROUNDS || 10);
const CONTESTANTS = ATTEMPTS; // people of the rush
const WARMUP_PEOPLE = WARMUP * PORTS.length;
/** Second attempts of a contestant already in the list, a tenth of any run's attempts. */
const doublesIn = (attempts: number) => Math.round(attempts / 10);
const DISTINCT = ATTEMPTS - doublesIn(ATTEMPTS);
const CAPACITY = Math.round(ATTEMPTS / 4);
const CLIENTS = 200;
const BASELINE_CONNECTIONS = 16;
const BASELINE_TRANSACTIONS = ATTEMPTS;
const BATCH = 1000;
const ENTERPRISES = TREE.enterprises;

const { cityId: CITY_ID, districtId: DISTRICT_ID, organizerId: ORGANIZER_ID } = TREE;
const FIRST_CONTESTANT_ID = 2;

// ---------------------------------------------------------------- small helpers


// ---------------------------------------------------------------- child processes

/** The API's 5xx causes, grouped by message, with one stack and query each: what to quote in a bug report. */
function errorSummary(child: Child): string {
  const groups = new Map<string, { n: number; sample: string }>();
  let text = '';
  try {
    text = readFileSync(child.logFile, 'utf8');
  } catch {
    return '';
  }
  for (const line of text.split('\n')) {
    if (!line.startsWith('{') || !line.includes('"unhandled error"')) continue;
    try {
      const entry = JSON.parse(line) as { err?: { type?: string; message?: string; stack?: string; query?: string; code?: string } };
      const key = `${entry.err?.type}: ${entry.err?.message} (${entry.err?.code ?? '-'})`;
      const group = groups.get(key) ?? { n: 0, sample: [entry.err?.stack?.split('\n').slice(1, 7).join('\n'), entry.err?.query && `    query: ${entry.err.query.replace(/\s+/g, ' ')}`].filter(Boolean).join('\n') };
      group.n++;
      groups.set(key, group);
    } catch {
      /* not one of pino's lines */
    }
  }
  if (!groups.size) return '';
  return [`--- ${child.name}: 5xx causes (${child.logFile}) ---`, ...[...groups].map(([k, g]) => `${g.n} × ${k}\n${g.sample}`)].join('\n');
}

// ---------------------------------------------------------------- database setup

interface People {
  organizerToken: string;
  contestants: { userId: number; token: string }[];
  warmup: { userId: number; token: string }[];
}

/** Organisations, the organizer and the contestants with role and profile, straight into the fresh database. */
async function seed(config: AppConfig): Promise<People> {
  const conn = await dbConnection(config);
  try {
    const enterprises = await insertOrgTree(conn);

    const users: unknown[][] = [[ORGANIZER_ID, 'bench-organizer', '!bench-no-login', '钱主任', 'zh-CN']];
    const roles: unknown[][] = [[ORGANIZER_ID, DISTRICT_ID, 'organizer']];
    const profiles: unknown[][] = [];
    const contestants: People['contestants'] = [];
    for (let i = 0; i < CONTESTANTS + WARMUP_PEOPLE; i++) {
      const userId = FIRST_CONTESTANT_ID + i;
      const username = `runner${String(i + 1).padStart(5, '0')}`;
      const org = enterprises[i % ENTERPRISES];
      users.push([userId, username, '!bench-no-login', chineseName(i), 'zh-CN']);
      roles.push([userId, org.id, 'contestant']);
      // Only the HMAC must be unique; the ciphertexts are read back on export alone, which the bench never calls.
      const hmac = createHash('sha256').update(`bench-resident-id:${i}`).digest();
      const filler = createHash('sha512').update(`bench-pii:${i}`).digest().subarray(0, 40);
      profiles.push([userId, i % 2 ? 'female' : 'male', '1985-06-01', hmac, filler, filler, `GH${330100000 + i}`]);
      contestants.push({ userId, token: mintToken(config.JWT_SECRET, userId, username, [{ role: 'contestant', orgId: org.id, path: org.path }]) });
    }
    await insertBatches(conn, 'INSERT INTO users (id, username, password_hash, real_name, language) VALUES ?', users, BATCH);
    await insertBatches(conn, 'INSERT INTO role_assignments (user_id, organisation_id, role) VALUES ?', roles, BATCH);
    await insertBatches(
      conn,
      'INSERT INTO person_profiles (user_id, gender, birth_date, resident_id_hmac, resident_id_enc, mobile_enc, union_member_no) VALUES ?',
      profiles,
      BATCH,
    );

    // The baseline's own two tables.
    await conn.query('CREATE TABLE bench_quota (id INT PRIMARY KEY, cap INT NOT NULL, taken INT NOT NULL) ENGINE=InnoDB');
    await conn.query('CREATE TABLE bench_entry (id INT AUTO_INCREMENT PRIMARY KEY, quota_id INT NOT NULL, user_id INT NOT NULL, ok TINYINT NOT NULL) ENGINE=InnoDB');

    const organizerToken = mintToken(config.JWT_SECRET, ORGANIZER_ID, 'bench-organizer', [
      { role: 'organizer', orgId: DISTRICT_ID, path: `/${CITY_ID}/${DISTRICT_ID}/` },
    ]);
    return { organizerToken, contestants: contestants.slice(0, CONTESTANTS), warmup: contestants.slice(CONTESTANTS) };
  } finally {
    await conn.end();
  }
}

// ---------------------------------------------------------------- baseline

async function baseline(config: AppConfig): Promise<{ perS: number; wallS: number; confirmed: number }> {
  const conns = await Promise.all(Array.from({ length: BASELINE_CONNECTIONS }, () => dbConnection(config)));
  try {
    await conns[0].query('DELETE FROM bench_entry');
    await conns[0].query('REPLACE INTO bench_quota (id, cap, taken) VALUES (1, ?, 0)', [CAPACITY]);
    let next = 0;
    const started = process.hrtime.bigint();
    await Promise.all(
      conns.map(async (c) => {
        for (let n = next++; n < BASELINE_TRANSACTIONS; n = next++) {
          await c.query('BEGIN');
          const [res] = await c.query('UPDATE bench_quota SET taken = taken + 1 WHERE id = 1 AND taken < cap');
          const ok = (res as { affectedRows: number }).affectedRows;
          await c.query('INSERT INTO bench_entry (quota_id, user_id, ok) VALUES (1, ?, ?)', [FIRST_CONTESTANT_ID + n, ok]);
          await c.query('COMMIT');
        }
      }),
    );
    const wallS = Number(process.hrtime.bigint() - started) / 1e9;
    const [[row]] = (await conns[0].query('SELECT taken, (SELECT COUNT(*) FROM bench_entry WHERE ok = 1) AS ok FROM bench_quota WHERE id = 1')) as unknown as [
      { taken: number; ok: number }[],
    ];
    if (Number(row.taken) !== CAPACITY || Number(row.ok) !== CAPACITY) throw new Error(`baseline oversold or undersold: taken ${row.taken}, ok rows ${row.ok}`);
    return { perS: BASELINE_TRANSACTIONS / wallS, wallS, confirmed: Number(row.ok) };
  } finally {
    await Promise.all(conns.map((c) => c.end()));
  }
}

// ---------------------------------------------------------------- HTTP

const agent = new http.Agent({ keepAlive: true, maxSockets: CLIENTS, maxFreeSockets: CLIENTS, keepAliveMsecs: 10_000 });

interface Answer {
  status: number;
  body: string;
}

function request(port: number, method: string, path: string, headers: http.OutgoingHttpHeaders, body: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method, path, headers, agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.setTimeout(120_000, () => req.destroy(new Error('no answer within 120 s')));
    req.on('error', reject);
    req.end(body);
  });
}

async function call<T>(port: number, method: string, path: string, token: string, body: object): Promise<T> {
  const text = JSON.stringify(body);
  const res = await request(
    port,
    method,
    `/api/v1${path}`,
    { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) },
    text,
  );
  if (res.status >= 300) throw new Error(`${method} /api/v1${path}: ${res.status} ${res.body}`);
  return JSON.parse(res.body) as T;
}

/** An event of the district with one item, capacity, auto-approval and bibs, registration open: all through the API. */
async function createEvent(port: number, token: string, name: string, capacity: number): Promise<{ eventId: number; itemId: number }> {
  const event = await call<{ id: number }>(port, 'POST', '/events', token, { organisationId: DISTRICT_ID, kind: 'hiking', name });
  const item = await call<{ id: number }>(port, 'POST', `/events/${event.id}/items`, token, { name: '10公里健步行' });
  await call(port, 'PUT', `/events/${event.id}/registration`, token, { capacity, autoApprove: true, bibPrefix: 'H' });
  await call(port, 'POST', `/events/${event.id}/status`, token, { status: 'registration_open' });
  return { eventId: event.id, itemId: item.id };
}

// ---------------------------------------------------------------- the load

interface Attempt {
  userId: number;
  token: string;
  key: string | null;
  /** 0: the contestant's first attempt; 1: the double click. */
  nth: 0 | 1;
  pair: 'keyed' | 'unkeyed' | null;
}

/**
 * 18,000 distinct contestants once each, in a seeded random order, plus 2,000
 * double clicks: each a few places (up to two rounds of the client pool) after
 * the first attempt, so some race it in flight and some come after its answer.
 * Half of the pairs carry the same Idempotency-Key on both attempts, half none.
 * The warm-ups draw the same mix from their own people (`tag` keeps their keys apart).
 */
function plan(people: { userId: number; token: string }[], attempts: number, seed: number, tag: string): Attempt[] {
  const rand = prng(0x5eed + seed);
  const doubles = doublesIn(attempts);
  const chosen = shuffle([...people], rand).slice(0, attempts - doubles);
  const slots = chosen.map((c, i) => ({ at: i, a: { userId: c.userId, token: c.token, key: null, nth: 0, pair: null } as Attempt }));
  const doubled = shuffle(Array.from({ length: chosen.length }, (_, i) => i), rand).slice(0, doubles);
  doubled.forEach((i, k) => {
    const first = slots[i].a;
    first.pair = k % 2 ? 'unkeyed' : 'keyed';
    if (first.pair === 'keyed') first.key = `bench-${tag}-u${first.userId}`;
    const gap = 1 + Math.floor(rand() * 2 * CLIENTS);
    slots.push({ at: i + gap + 0.5, a: { ...first, nth: 1 } });
  });
  return slots.sort((x, y) => x.at - y.at).map((s) => s.a);
}

interface Outcome {
  status: number;
  ms: number;
  /** seconds from the start of the run to the answer */
  at?: number;
  id?: number;
  entryStatus?: string;
  bib?: string | null;
  code?: string;
  error?: string;
}

interface RunResult {
  api_processes: number;
  event_id: number;
  attempts: number;
  wall_s: number;
  accepted: number;
  accepted_per_s: number;
  p50_ms: number;
  p99_ms: number;
  max_ms: number;
  confirmed: number;
  /** seconds until the last place was confirmed */
  sold_out_s: number;
  waitlisted: number;
  refused: number;
  refused_by_code: Record<string, number>;
  replays: number;
  errors: number;
  oversold: number;
  duplicates: number;
  /** the highest resident memory of any API process during the rush, MiB */
  rss_max_mb: number | null;
  /** the most any API process held when the rush began, MiB */
  rss_start_mb?: number | null;
  /** CPU per accepted entry by process (API processes summed), in ms: on two shared cores, where throughput goes. */
  cpu_ms_per_entry?: CpuUse;
  statements_per_entry: number;
  round_trips_per_entry: number;
  commits_per_entry: number;
  row_lock_ms_per_entry: number;
  row_lock_waits_per_entry: number;
  /** the run's own SQL replayed bare (see bench-registration-replay.ts), entries/s */
  replay_per_s: number;
  replay_batches: number;
  mean_batch: number;
  /** accepted/s over replay_per_s */
  overhead_ratio: number;
  problems: string[];
}

async function load(attempts: Attempt[], itemId: number, ports: number[]): Promise<{ outcomes: Outcome[]; wallS: number }> {
  const path = `/api/v1/items/${itemId}/entries`;
  const outcomes: Outcome[] = new Array(attempts.length);
  let next = 0;
  const started = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      for (let i = next++; i < attempts.length; i = next++) {
        const a = attempts[i];
        const headers: http.OutgoingHttpHeaders = { authorization: `Bearer ${a.token}`, 'content-type': 'application/json', 'content-length': 2 };
        if (a.key) headers['idempotency-key'] = a.key;
        const t0 = process.hrtime.bigint();
        try {
          const res = await request(ports[i % ports.length], 'POST', path, headers, '{}');
          const ms = Number(process.hrtime.bigint() - t0) / 1e6;
          let body: { id?: number; status?: string; bib?: string | null; code?: string } = {};
          try {
            body = JSON.parse(res.body);
          } catch {
            /* a non-JSON answer is counted by its status */
          }
          const at = Number(process.hrtime.bigint() - started) / 1e9;
          outcomes[i] = { status: res.status, ms, at, id: body.id, entryStatus: body.status, bib: body.bib, code: body.code };
          if (res.status >= 500) outcomes[i].error = res.body.slice(0, 200);
        } catch (err) {
          outcomes[i] = { status: 0, ms: Number(process.hrtime.bigint() - t0) / 1e6, error: (err as Error).message };
        }
      }
    }),
  );
  return { outcomes, wallS: Number(process.hrtime.bigint() - started) / 1e9 };
}

/**
 * WARMUP_ROUNDS rounds of WARMUP registrations per API process, each on an event of its own that
 * sells out a quarter of the way through, in the rush's mix (double clicks with and without a key),
 * then a quiet worker and database: a process up since the day before has compiled the paths the
 * rush takes (waitlist, refusals, stored answers), not only the first place.
 */
async function warmUp(people: People, ports: number[], worker: Child): Promise<void> {
  const count = WARMUP * ports.length;
  for (let round = 1; round <= WARMUP_ROUNDS; round++) {
    const { itemId } = await createEvent(ports[0], people.organizerToken, `2026年杭州市职工健步行预热（${ports.length}-${round}）`, Math.round(count / 4));
    const attempts = plan(people.warmup, count, 100 * ports.length + round, `w${ports.length}-${round}`);
    const { outcomes } = await load(attempts, itemId, ports);
    const failed = outcomes.filter((o) => o.status !== 201 && o.code !== 'REGISTRATION_ALREADY_ENTERED').length;
    if (failed) throw new Error(`${failed} of ${attempts.length} warm-up registrations failed`);
  }
  await settle(worker.proc.pid);
  await settle(serverPid());
}

async function verify(config: AppConfig, eventId: number, itemId: number, answeredIds: Set<number>) {
  const conn = await dbConnection(config);
  try {
    const q = async <T>(sql: string, params: unknown[]): Promise<T[]> => (await conn.query(sql, params))[0] as T[];
    const [{ n: confirmed }] = await q<{ n: number }>("SELECT COUNT(*) AS n FROM entries WHERE event_id = ? AND status IN ('approved', 'pending')", [eventId]);
    const [{ n: total }] = await q<{ n: number }>('SELECT COUNT(*) AS n FROM entries WHERE event_id = ?', [eventId]);
    const quota = await q<{ taken: number; cap: number }>("SELECT SUM(taken) AS taken, SUM(cap) AS cap FROM quotas WHERE event_id = ? AND scope = 'event'", [eventId]);
    const [{ n: dupPeople }] = await q<{ n: number }>(
      'SELECT COUNT(*) AS n FROM (SELECT item_id, user_id FROM entries WHERE event_id = ? GROUP BY item_id, user_id HAVING COUNT(*) > 1) d',
      [eventId],
    );
    const [{ n: dupBibs }] = await q<{ n: number }>(
      'SELECT COUNT(*) AS n FROM (SELECT bib FROM entries WHERE event_id = ? AND bib IS NOT NULL GROUP BY bib HAVING COUNT(*) > 1) d',
      [eventId],
    );
    const ids = new Set((await q<{ id: number }>('SELECT id FROM entries WHERE event_id = ? AND item_id = ?', [eventId, itemId])).map((r) => Number(r.id)));
    const lost = [...answeredIds].filter((id) => !ids.has(id)).length;
    const unanswered = [...ids].filter((id) => !answeredIds.has(id)).length;
    return {
      confirmed: Number(confirmed),
      total: Number(total),
      quotaTaken: quota.length ? Number(quota[0].taken) : null,
      quotaCap: quota.length ? Number(quota[0].cap) : null,
      dupPeople: Number(dupPeople),
      dupBibs: Number(dupBibs),
      lost,
      unanswered,
    };
  } finally {
    await conn.end();
  }
}

async function runWith(config: AppConfig, env: NodeJS.ProcessEnv, people: People, apiProcesses: number): Promise<RunResult> {
  const ports = PORTS.slice(0, apiProcesses);
  for (const port of ports) if (await listening(port)) throw new Error(`port ${port} is already in use; stop whatever listens there first`);
  const apiEnv = { ...env, DB_USER: API_DB_USER, DB_PASSWORD: API_DB_PASSWORD };
  const apis = ports.map((port) => spawnApp(`run${apiProcesses}-api-${port}`, 'apps/api/src/main.js', { ...apiEnv, HTTP_PORT: String(port) }));
  const worker = spawnApp(`run${apiProcesses}-worker`, 'apps/worker/src/main.js', env);
  try {
    await Promise.all(apis.map((api, i) => waitHealthy(api, ports[i])));
    await warmUp(people, ports, worker);
    const { eventId, itemId } = await createEvent(ports[0], people.organizerToken, `2026年杭州市职工运河健步行（压测${apiProcesses}）`, CAPACITY);
    const attempts = plan(people.contestants, ATTEMPTS, apiProcesses, `r${apiProcesses}`);
    log(`run with ${apiProcesses} API process${apiProcesses > 1 ? 'es' : ''}: event ${eventId}, item ${itemId}, ${attempts.length} attempts by ${CLIENTS} clients on port${ports.length > 1 ? 's' : ''} ${ports.join(', ')}`);
    const before = await readCounters(config, API_DB_USER);
    // The peak is the rush's: from what each process holds when it begins (printed), not a warm-up's.
    const atStart = apis.map((a) => memoryMb(a.proc.pid)?.rss).filter((m): m is number => m !== undefined);
    for (const a of apis) resetMemoryPeak(a.proc.pid);
    const cpu = cpuMeter({ api: apis.map((a) => a.proc.pid), worker: worker.proc.pid, db: serverPid() });
    const { outcomes, wallS } = await load(attempts, itemId, ports);
    const cpuUse = cpu();
    const after = await readCounters(config, API_DB_USER);
    // VmHWM: the process's peak since the rush began.
    const rss = apis.map((a) => memoryMb(a.proc.pid)?.hwm).filter((m): m is number => m !== undefined);
    for (const c of [...apis, worker]) if (c.proc.exitCode !== null) throw new Error(`${c.name} died during the run (exit ${c.proc.exitCode})`);
    const result = await evaluate(config, apiProcesses, eventId, itemId, attempts, outcomes, wallS);
    Object.assign(result, { rss_max_mb: rss.length ? round(Math.max(...rss), 0) : null, rss_start_mb: atStart.length ? round(Math.max(...atStart), 0) : null, cpu_ms_per_entry: cpuMsPer(cpuUse, result.accepted, 3) }, perEntry(before, after, result.accepted));
    log(
      `  per accepted entry   ${result.statements_per_entry} statements in ${result.round_trips_per_entry} round trips, ${result.commits_per_entry} commits, InnoDB row-lock wait ${result.row_lock_ms_per_entry} ms in ${result.row_lock_waits_per_entry} waits (server-wide); API RSS max ${result.rss_max_mb} MiB (${atStart.map((m) => round(m, 0)).join(' and ')} when the rush began)`,
    );
    log(`  CPU ms per entry     ${JSON.stringify(result.cpu_ms_per_entry)}`);
    if (result.errors) for (const c of apis) log(errorSummary(c) || `--- ${c.name}: no 5xx logged (${c.logFile}) ---`);
    return result;
  } catch (err) {
    // The children are stopped below: attach their output now.
    throw new Error(`${(err as Error).message}\n${childTails()}`);
  } finally {
    await Promise.all([...apis, worker].map(stopChild));
  }
}

async function evaluate(
  config: AppConfig,
  apiProcesses: number,
  eventId: number,
  itemId: number,
  attempts: Attempt[],
  outcomes: Outcome[],
  wallS: number,
): Promise<RunResult> {
  const problems: string[] = [];
  const pairs = new Map<number, { pair: Attempt['pair']; answers: Outcome[] }>();
  const confirmedIds = new Set<number>();
  const waitlistedIds = new Set<number>();
  const bibOwner = new Map<string, number>();
  const refusedByCode: Record<string, number> = {};
  let refused = 0;
  let errors = 0;
  let replays = 0;
  let answerDuplicates = 0;
  const errorSamples: string[] = [];
  attempts.forEach((a, i) => {
    const o = outcomes[i];
    if (a.pair) {
      const p = pairs.get(a.userId) ?? { pair: a.pair, answers: [] };
      p.answers.push(o);
      pairs.set(a.userId, p);
    }
    if (o.status === 0 || o.status >= 500) {
      errors++;
      if (errorSamples.length < 2) errorSamples.push(`${o.status || 'network'}: ${o.error}`);
    } else if (o.status === 201 && o.id !== undefined) {
      const seen = confirmedIds.has(o.id) || waitlistedIds.has(o.id);
      if (seen) replays++;
      else if (o.entryStatus === 'approved' || o.entryStatus === 'pending') confirmedIds.add(o.id);
      else if (o.entryStatus === 'waitlisted') waitlistedIds.add(o.id);
      else problems.push(`201 with unexpected status ${o.entryStatus} for entry ${o.id}`);
      if (!seen && o.bib) {
        if (bibOwner.has(o.bib) && bibOwner.get(o.bib) !== o.id) answerDuplicates++;
        bibOwner.set(o.bib, o.id);
      }
    } else if (o.status >= 400 && o.status < 500) {
      refused++;
      const code = o.code ?? `HTTP_${o.status}`;
      refusedByCode[code] = (refusedByCode[code] ?? 0) + 1;
    } else {
      problems.push(`unexpected answer ${o.status}`);
    }
  });

  // Double clicks: with a key both attempts answer 201 with the same entry; without, exactly one 201 and one 409.
  let idemMismatches = 0;
  let unkeyedBoth201 = 0;
  for (const [userId, { pair, answers }] of pairs) {
    if (answers.some((o) => o.status === 0 || o.status >= 500)) continue; // already counted as errors
    if (pair === 'keyed') {
      if (!(answers.length === 2 && answers.every((o) => o.status === 201) && answers[0].id === answers[1].id)) idemMismatches++;
    } else {
      const ok201 = answers.filter((o) => o.status === 201).length;
      const conflict = answers.filter((o) => o.status === 409 && o.code === 'REGISTRATION_ALREADY_ENTERED').length;
      if (ok201 > 1) unkeyedBoth201++;
      else if (!(ok201 === 1 && conflict === 1)) problems.push(`user ${userId}: double click without key answered ${answers.map((o) => o.status).join('/')}`);
    }
  }
  const unexpectedRefusals = Object.entries(refusedByCode).filter(([code]) => code !== 'REGISTRATION_ALREADY_ENTERED');
  if (unexpectedRefusals.length) problems.push(`unexpected refusals: ${unexpectedRefusals.map(([c, n]) => `${c}×${n}`).join(', ')}`);

  const answered = new Set([...confirmedIds, ...waitlistedIds]);
  const db = await verify(config, eventId, itemId, answered);
  const oversold = Math.max(0, db.confirmed - CAPACITY);
  const duplicates = db.dupPeople + db.dupBibs + idemMismatches + unkeyedBoth201 + answerDuplicates;
  if (db.quotaTaken !== db.confirmed) problems.push(`quota row says taken=${db.quotaTaken} (cap ${db.quotaCap}) but ${db.confirmed} entries hold a place`);
  if (db.confirmed !== confirmedIds.size) problems.push(`answers confirmed ${confirmedIds.size} entries, the database holds ${db.confirmed}`);
  if (db.lost) problems.push(`${db.lost} entries answered 201 are not in the database`);
  if (db.unanswered && !errors) problems.push(`${db.unanswered} entries in the database were never answered 201`);
  if (db.confirmed < Math.min(CAPACITY, DISTINCT) && !errors) problems.push(`only ${db.confirmed} of ${CAPACITY} places taken although ${DISTINCT} people applied`);
  if (errorSamples.length) problems.push(`errors, e.g. ${errorSamples.join(' | ')}`);

  const latencies = Float64Array.from(outcomes.map((o) => o.ms)).sort();
  const accepted = answered.size;
  const result: RunResult = {
    api_processes: apiProcesses,
    event_id: eventId,
    attempts: attempts.length,
    wall_s: round(wallS, 2),
    accepted,
    accepted_per_s: round(accepted / wallS, 1),
    p50_ms: round(percentile(latencies, 50), 1),
    p99_ms: round(percentile(latencies, 99), 1),
    max_ms: round(latencies[latencies.length - 1] ?? 0, 1),
    confirmed: confirmedIds.size,
    sold_out_s: round(Math.max(0, ...outcomes.filter((o) => o.entryStatus === 'approved' || o.entryStatus === 'pending').map((o) => o.at ?? 0)), 2),
    waitlisted: waitlistedIds.size,
    refused,
    refused_by_code: refusedByCode,
    replays,
    errors,
    oversold,
    duplicates,
    rss_max_mb: null,
    statements_per_entry: 0,
    round_trips_per_entry: 0,
    commits_per_entry: 0,
    row_lock_ms_per_entry: 0,
    row_lock_waits_per_entry: 0,
    replay_per_s: 0,
    replay_batches: 0,
    mean_batch: 0,
    overhead_ratio: 0,
    problems,
  };
  log(`  api processes        ${apiProcesses}`);
  log(`  wall time            ${result.wall_s} s for ${attempts.length} attempts (${round(attempts.length / wallS, 1)} answers/s)`);
  log(`  accepted/s           ${result.accepted_per_s}  (${accepted} accepted = 201 minus ${replays} idempotent replays)`);
  log(`  latency              p50 ${result.p50_ms} ms, p99 ${result.p99_ms} ms, max ${result.max_ms} ms`);
  log(`  sold out after       ${result.sold_out_s} s (${round(result.confirmed / result.sold_out_s, 1)} places/s)`);
  log(`  confirmed            ${result.confirmed}   waitlisted ${result.waitlisted}   refused ${refused} ${JSON.stringify(refusedByCode)}   errors ${errors}`);
  log(`  database             ${db.confirmed} holding a place (quota taken ${db.quotaTaken}/${db.quotaCap}), ${db.total} entries in all`);
  log(`  oversold             ${oversold}`);
  log(
    `  duplicates           ${duplicates} (person twice ${db.dupPeople}, bib twice ${db.dupBibs}, key replay mismatches ${idemMismatches}, unkeyed double accepted ${unkeyedBoth201}, answered bib twice ${answerDuplicates})`,
  );
  for (const p of problems) log(`  PROBLEM: ${p}`);
  return result;
}

// ---------------------------------------------------------------- main

async function main(): Promise<number> {
  const t0 = Date.now();
  mkdirSync(LOG_DIR, { recursive: true });
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DB_NAME,
    QUEUE_PREFIX,
    LOG_LEVEL: process.env.BENCH_LOG_LEVEL || 'warn',
  };
  await ensureLocalServices(loadConfig(env));
  // Both sides talk to MariaDB the same way: over its Unix socket when it runs here (as a
  // same-host deployment would, with DB_SOCKET), else over TCP. The summary names which.
  env.DB_SOCKET ||= await localSocket(loadConfig(env));
  const config = loadConfig(env);
  const [load1] = loadavg();
  if (load1 > 0.5 * cpus().length) log(`warning: the machine is busy (load ${load1.toFixed(2)} on ${cpus().length} cores); both numbers will be lower and noisier`);

  log(`bench:registration: ${ATTEMPTS} attempts, capacity ${CAPACITY}, ${CLIENTS} clients; database ${DB_NAME} via ${config.dbAddress}; logs in ${LOG_DIR}`);
  const ds = await freshMigratedDataSource(config);
  await ds.destroy();
  await clearQueues(config, QUEUE_PREFIX);
  const people = await seed(config);
  await prepareAccount(config, API_DB_USER, API_DB_PASSWORD);
  log(`seeded ${CONTESTANTS} contestants and ${WARMUP_PEOPLE} for the warm-ups in ${ENTERPRISES} enterprise unions (${((Date.now() - t0) / 1000).toFixed(1)} s)`);

  // The baseline runs before and after the API runs and counts as their mean: on a shared
  // two-core machine one measurement of it alone varied by a third from run to run.
  const measureBaseline = async (when: string) => {
    const b = await baseline(config);
    log(
      `baseline ${when} (no HTTP, ${BASELINE_CONNECTIONS} connections): ${BASELINE_TRANSACTIONS} transactions in ${b.wallS.toFixed(2)} s = ${b.perS.toFixed(1)}/s, ${b.confirmed} got a place`,
    );
    return b.perS;
  };
  const baselines = [await measureBaseline('before')];
  const runs: RunResult[] = [];
  for (const apiProcesses of [1, 2]) {
    const run = await runWith(config, env, people, apiProcesses);
    // With the apps stopped: the same batches, bare, on the connections one API process keeps.
    const bare = await replay(config, run.event_id, CAPACITY, config.DB_POOL_SIZE);
    Object.assign(run, {
      replay_per_s: round(bare.perS, 1),
      replay_batches: bare.batches,
      mean_batch: round(bare.meanBatch, 1),
      overhead_ratio: round(run.accepted_per_s / bare.perS, 2),
    });
    log(`  bare replay          ${run.replay_per_s} entries/s (${bare.batches} batches of ${run.mean_batch} on average, ${config.DB_POOL_SIZE} connections): overhead ratio ${run.overhead_ratio}`);
    runs.push(run);
  }
  baselines.push(await measureBaseline('after'));
  const base = { perS: (baselines[0] + baselines[1]) / 2 };
  log(`baseline             ${base.perS.toFixed(1)}/s (mean of ${baselines.map((b) => b.toFixed(1)).join(' and ')})`);

  const best = runs.reduce((a, b) => (b.accepted_per_s > a.accepted_per_s ? b : a));
  const oversold = runs.reduce((s, r) => s + r.oversold, 0);
  const duplicates = runs.reduce((s, r) => s + r.duplicates, 0);
  const errors = runs.reduce((s, r) => s + r.errors, 0);
  const problems = runs.flatMap((r) => r.problems);
  const ratio = best.accepted_per_s / base.perS;
  const two = runs.find((r) => r.api_processes === 2)!;
  const ratio2 = two.accepted_per_s / base.perS;
  log(
    `bench took ${((Date.now() - t0) / 1000).toFixed(1)} s; best: ${best.api_processes} API process(es), ratio ${ratio.toFixed(2)} (target ≥ 0.6), overhead ratio ${best.overhead_ratio} (≥ 0.6), two processes ${ratio2.toFixed(2)} (≥ 0.95 × ratio)`,
  );
  const failed = errors > 0 || oversold > 0 || duplicates > 0 || problems.length > 0;
  if (failed) {
    log('FAILED: ' + [errors && `${errors} errors`, oversold && `oversold ${oversold}`, duplicates && `duplicates ${duplicates}`, ...problems].filter(Boolean).join('; '));
    log(`child logs: ${LOG_DIR}`);
  }
  log(
    JSON.stringify({
      bench: 'registration',
      accepted_per_s: best.accepted_per_s,
      baseline_per_s: round(base.perS, 1),
      baseline_runs_per_s: baselines.map((b) => round(b, 1)),
      ratio: round(ratio, 2),
      overhead_ratio: best.overhead_ratio,
      ratio_2proc: round(ratio2, 2),
      p99_ms: best.p99_ms,
      rss_max_mb: Math.max(...runs.map((r) => r.rss_max_mb ?? 0)),
      statements_per_entry: runs.map((r) => r.statements_per_entry),
      round_trips_per_entry: runs.map((r) => r.round_trips_per_entry),
      row_lock_ms_per_entry: runs.map((r) => r.row_lock_ms_per_entry),
      oversold,
      duplicates,
      db_transport: config.DB_SOCKET ? 'unix socket' : 'tcp',
      runs: runs.map(({ problems: _p, refused_by_code: _r, ...r }) => r),
    }),
  );
  return failed ? 1 : 0;
}

runBench('bench:registration', LOG_DIR, main);
