import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, statSync } from 'node:fs';
import http from 'node:http';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { type AppConfig, loadConfig } from '@app/config';
import { freshMigratedDataSource } from '@app/composition';
import { PASSWORD_HASH_OPTIONS } from '@app/identity';
import * as argon2 from 'argon2';
import ExcelJS from 'exceljs';
import {
  childPids,
  childTails,
  chineseName,
  clearQueues,
  cpuMeter,
  type CpuUse,
  dbConnection,
  insertBatches,
  insertOrgTree,
  listening,
  localSocket,
  log,
  memoryMb,
  mintToken,
  percentile,
  round,
  runBench,
  serverPid,
  sleep,
  spawnApp,
  stopAll,
  TREE,
  waitHealthy,
} from './bench-support';
import { ensureLocalServices } from './local-services';

/**
 * `npm run bench:abuse`: does the API keep serving its ordinary callers while it is abused?
 *
 *  1. MySQL and Redis up; `union_events_bench_abuse` dropped, recreated and migrated, loaded by
 *     SQL: the organisation tree, an organizer and enough contestants with profiles, all with one
 *     argon2id hash made as the API makes them (a wrong password costs what it costs there). API (port
 *     3431) and worker started from dist/ with the product defaults; an event with one item open
 *     for self-registration created through the API. A 1,000,000-row .xlsx written once with
 *     exceljs' streaming writer (kept in the log directory for the next run).
 *  2. The stream, open loop (each request starts on its schedule, whatever the earlier ones do):
 *     20 GET /health and 20 self-registrations (POST /items/:id/entries, a contestant's own,
 *     each contestant once) per second, interleaved. 3 s of warm-up, uncounted; then the idle
 *     phase of 30 s, the baseline; then the attack phase: 30 s, or longer until the last attack
 *     request has been answered.
 *  3. The attack, from the attack phase's first moment:
 *     - 100 deep-nested JSON bodies (30,000 levels of `{"a":`, about 180 KB), evenly over 30 s,
 *       unauthenticated: half to POST /auth/login (64 KB limit: 413), half to the roster route
 *       (10 MB limit, so the body is read and the depth check refuses it: 400);
 *     - three uploads of the 1,000,000-row workbook at once, by the organizer (413 at the row limit);
 *     - 1,000 wrong-password logins, evenly over 30 s, round robin from 10 source addresses
 *       127.0.0.2–127.0.0.11 (the socket's own address: the API trusts no proxy); from each
 *       address every fifth guess is at the organizer's account (a lock after LOGIN_MAX_ATTEMPTS:
 *       401, then 429), the others at 80 contestants, one guess each (401); any of them may be
 *       429 IDENTITY_PASSWORD_CHECKS_BUSY when too many wait for their check.
 *  4. Every ~100 ms the resident memory of the API process is read from /proc (VmRSS: its main
 *     thread, libuv's pool where argon2 runs, and the piscina threads that read roster files are
 *     all in it), and of the worker with its processes; VmHWM (the kernel's own high-water mark) is
 *     read at the end.
 *  Figures: p50/p95/p99 per stream and phase; five_xx counts every 5xx, stream and attack. The
 *  load average at start and end, and the CPU seconds of API, worker, MariaDB and the rest of the
 *  machine per phase, say how much of a slow figure the machine's other work explains.
 *
 * Child output goes to /tmp/bench-abuse/*.log. The last stdout line is the JSON summary. Exit 1
 * on a 5xx, a network error, a stream answer other than 200/201, an attack answer other than a
 * 4xx, or a child that died; a missed target is a measurement, not a failure.
 * Developer knobs: BENCH_PHASE_S (default 30; the attack is spread over it too),
 * BENCH_CHILD_NODE_ARGS (e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof") for the API and worker,
 * BENCH_LOG_LEVEL (default warn).
 */

const LOG_DIR = '/tmp/bench-abuse';
const DB_NAME = 'union_events_bench_abuse';
const PORT = 3431;
const QUEUE_PREFIX = 'bench-abuse';

const RATE = 20; // per second, for each of the two streams
const WARMUP_S = 3;
const PHASE_S = Number(process.env.BENCH_PHASE_S || 30);
/** The attack phase waits this long at most for the attack's last answer. */
const MAX_ATTACK_S = 480;
const CONTESTANTS = RATE * (WARMUP_S + PHASE_S + MAX_ATTACK_S);

const DEEP = 100;
const DEEP_LEVELS = 30_000;
const SHEETS = 3;
const SHEET_ROWS = 1_000_000;
const LOGINS = 1000;
const ADDRESSES = Array.from({ length: 10 }, (_, i) => `127.0.0.${i + 2}`);
/** Every n-th guess from an address is at the organizer's account, the others at a different contestant each. */
const ORGANIZER_EVERY = 5;

const { cityId: CITY_ID, districtId: DISTRICT_ID, organizerId: ORGANIZER_ID } = TREE;
const FIRST_CONTESTANT_ID = 2;
const ORGANIZER_NAME = 'bench-organizer';
const username = (i: number) => `runner${String(i + 1).padStart(5, '0')}`;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

// ---------------------------------------------------------------- HTTP

interface Answer {
  status: number;
  code?: string;
  ms: number;
  error?: string;
}

const keepAlive = new http.Agent({ keepAlive: true });

interface Call {
  method: string;
  path: string;
  headers?: http.OutgoingHttpHeaders;
  body?: string | Buffer;
  /** The source address of the connection (a login's client address as the API sees it). */
  localAddress?: string;
  /** false: a connection of its own, for bodies the API may refuse before reading them. */
  agent?: http.Agent | false;
}

/** One request; never rejects: a network error is status 0. */
function send(call: Call): Promise<Answer & { text: string }> {
  return new Promise((resolve) => {
    const t0 = performance.now();
    let settled = false;
    const done = (a: Omit<Answer, 'ms'> & { text?: string }) => {
      if (settled) return;
      settled = true;
      resolve({ text: '', ...a, ms: performance.now() - t0 });
    };
    const body = call.body ?? '';
    const req = http.request(
      {
        host: '127.0.0.1',
        port: PORT,
        method: call.method,
        path: call.path,
        localAddress: call.localAddress,
        agent: call.agent ?? keepAlive,
        headers: { ...call.headers, 'content-length': Buffer.byteLength(body) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let code: string | undefined;
          try {
            code = (JSON.parse(text) as { code?: string }).code;
          } catch {
            /* not JSON: counted by its status alone */
          }
          done({ status: res.statusCode ?? 0, code, text });
        });
        res.on('error', (err) => done({ status: res.statusCode ?? 0, error: err.message }));
      },
    );
    req.setTimeout(300_000, () => req.destroy(new Error('no answer within 300 s')));
    req.on('error', (err) => done({ status: 0, error: err.message }));
    req.end(body);
  });
}

async function call<T>(method: string, path: string, token: string, body: object): Promise<T> {
  const res = await send({ method, path: `/api/v1${path}`, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (res.status < 200 || res.status >= 300) throw new Error(`${method} /api/v1${path}: ${res.status || res.error} ${res.text}`);
  return JSON.parse(res.text) as T;
}

// ---------------------------------------------------------------- set-up

interface World {
  organizerToken: string;
  contestantTokens: string[];
  eventId: number;
  itemId: number;
}

/** Organisations, the organizer and the contestants with profiles, by SQL; every password the same argon2 hash, made as the API makes them. */
async function seed(config: AppConfig): Promise<string[]> {
  const hash = await argon2.hash(randomBytes(16).toString('hex'), PASSWORD_HASH_OPTIONS);
  const conn = await dbConnection(config);
  try {
    const enterprises = await insertOrgTree(conn);
    const users: unknown[][] = [[ORGANIZER_ID, ORGANIZER_NAME, hash, '钱主任', 'zh-CN']];
    const roles: unknown[][] = [[ORGANIZER_ID, DISTRICT_ID, 'organizer']];
    const profiles: unknown[][] = [];
    const tokens: string[] = [];
    for (let i = 0; i < CONTESTANTS; i++) {
      const userId = FIRST_CONTESTANT_ID + i;
      const org = enterprises[i % enterprises.length];
      users.push([userId, username(i), hash, chineseName(i), 'zh-CN']);
      roles.push([userId, org.id, 'contestant']);
      // Only the HMAC must be unique; the ciphertexts are read back on export alone, which the bench never calls.
      const hmac = createHash('sha256').update(`bench-resident-id:${i}`).digest();
      const filler = createHash('sha512').update(`bench-pii:${i}`).digest().subarray(0, 40);
      profiles.push([userId, i % 2 ? 'female' : 'male', '1985-06-01', hmac, filler, filler, `GH${330100000 + i}`]);
      tokens.push(mintToken(config.JWT_SECRET, userId, username(i), [{ role: 'contestant', orgId: org.id, path: org.path }]));
    }
    await insertBatches(conn, 'INSERT INTO users (id, username, password_hash, real_name, language) VALUES ?', users);
    await insertBatches(conn, 'INSERT INTO role_assignments (user_id, organisation_id, role) VALUES ?', roles);
    await insertBatches(conn, 'INSERT INTO person_profiles (user_id, gender, birth_date, resident_id_hmac, resident_id_enc, mobile_enc, union_member_no) VALUES ?', profiles);
    return tokens;
  } finally {
    await conn.end();
  }
}

/** A hike of the district with one item, room for every contestant, automatic approval, open for registration: through the API. */
async function openEvent(token: string): Promise<{ eventId: number; itemId: number }> {
  const event = await call<{ id: number }>('POST', '/events', token, { organisationId: DISTRICT_ID, kind: 'hiking', name: '2026年杭州市职工运河健步行（抗压测试）' });
  const item = await call<{ id: number }>('POST', `/events/${event.id}/items`, token, { name: '10公里健步行' });
  await call('PUT', `/events/${event.id}/registration`, token, { capacity: CONTESTANTS, autoApprove: true, bibPrefix: 'H' });
  await call('POST', `/events/${event.id}/status`, token, { status: 'registration_open' });
  return { eventId: event.id, itemId: item.id };
}

/** The roster header, then one name per row, a million times: about 5 MB, inside the roster route's 10 MB. Written once, reused. */
async function millionRowWorkbook(): Promise<Buffer> {
  const file = join(LOG_DIR, `roster-${SHEET_ROWS}-rows.xlsx`);
  if (!existsSync(file)) {
    const part = `${file}.part`;
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: part, useSharedStrings: false, useStyles: false });
    const sheet = wb.addWorksheet('名单');
    sheet.addRow(['姓名', '性别', '出生日期', '手机号', '身份证号', '工会会员号', '项目']).commit();
    for (let i = 0; i < SHEET_ROWS; i++) sheet.addRow([chineseName(i % 600)]).commit();
    sheet.commit();
    await wb.commit();
    renameSync(part, file);
  }
  log(`workbook: ${SHEET_ROWS.toLocaleString('en')} rows, ${(statSync(file).size / 1048576).toFixed(1)} MB (${file})`);
  return readFileSync(file);
}

// ---------------------------------------------------------------- the stream

interface Shot extends Answer {
  kind: 'health' | 'register';
}

/**
 * Open loop: health and registration alternate every 1/(2·RATE) s on a fixed schedule, each
 * request started on time whether or not the earlier ones have been answered. Runs `minS`
 * seconds, and on until `until` has settled.
 */
async function stream(world: World, next: { contestant: number }, minS: number, until?: Promise<unknown>): Promise<{ shots: Shot[]; slipMs: number; s: number }> {
  let settled = !until;
  void until?.finally(() => (settled = true));
  const shots: Promise<Shot>[] = [];
  const start = performance.now();
  let slipMs = 0;
  for (let i = 0; ; i++) {
    const due = start + (i * 1000) / (2 * RATE);
    const at = (due - start) / 1000;
    if ((at >= minS && settled) || at >= MAX_ATTACK_S) break;
    if (due > performance.now()) await sleep(due - performance.now());
    slipMs = Math.max(slipMs, performance.now() - due);
    if (i % 2 === 0) {
      shots.push(send({ method: 'GET', path: '/health' }).then((a) => ({ ...a, kind: 'health' })));
    } else {
      if (next.contestant >= world.contestantTokens.length) throw new Error('ran out of contestants');
      const token = world.contestantTokens[next.contestant++];
      const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
      shots.push(send({ method: 'POST', path: `/api/v1/items/${world.itemId}/entries`, headers, body: '{}' }).then((a) => ({ ...a, kind: 'register' })));
    }
  }
  const s = (performance.now() - start) / 1000;
  return { shots: await Promise.all(shots), slipMs, s };
}

// ---------------------------------------------------------------- the attack

type AttackKind = 'deep' | 'sheet' | 'login';
interface Hit extends Answer {
  kind: AttackKind;
}

/** `count` requests started evenly over `spreadS` seconds, open loop. */
async function paced(count: number, spreadS: number, make: (i: number) => Promise<Answer>, kind: AttackKind): Promise<Hit[]> {
  const start = performance.now();
  const hits: Promise<Hit>[] = [];
  for (let i = 0; i < count; i++) {
    const due = start + (i * spreadS * 1000) / count;
    if (due > performance.now()) await sleep(due - performance.now());
    hits.push(make(i).then((a) => ({ ...a, kind })));
  }
  return Promise.all(hits);
}

function attack(world: World, workbook: Buffer): Promise<Hit[]> {
  const deepBody = `${'{"a":'.repeat(DEEP_LEVELS)}1${'}'.repeat(DEEP_LEVELS)}`;
  const rosterPath = `/api/v1/events/${world.eventId}/roster?organisationId=${DISTRICT_ID}`;
  const deep = paced(
    DEEP,
    PHASE_S,
    (i) => send({ method: 'POST', path: i % 2 ? rosterPath : '/api/v1/auth/login', headers: { 'content-type': 'application/json' }, body: deepBody, agent: false }),
    'deep',
  );
  const sheets = Promise.all(
    Array.from({ length: SHEETS }, () =>
      send({ method: 'POST', path: rosterPath, headers: { authorization: `Bearer ${world.organizerToken}`, 'content-type': XLSX }, body: workbook, agent: false }).then(
        (a): Hit => ({ ...a, kind: 'sheet' }),
      ),
    ),
  );
  const perAddress = new Array<number>(ADDRESSES.length).fill(0);
  const logins = paced(
    LOGINS,
    PHASE_S,
    (i) => {
      const a = i % ADDRESSES.length;
      const n = perAddress[a]++;
      const sprayed = a * LOGINS + n; // a contestant of this address's own list, never the same twice
      const name = n % ORGANIZER_EVERY === 0 ? ORGANIZER_NAME : username(sprayed % CONTESTANTS);
      const body = JSON.stringify({ username: name, password: `guess-${i}-Spring2026!` });
      return send({ method: 'POST', path: '/api/v1/auth/login', headers: { 'content-type': 'application/json' }, body, localAddress: ADDRESSES[a] });
    },
    'login',
  );
  return Promise.all([deep, sheets, logins]).then((all) => all.flat());
}

// ---------------------------------------------------------------- measuring

interface Sampler {
  stop(): void;
  /** Peaks since the last mark, in MiB. */
  mark(): { api: number; worker: number };
  peak: { api: number; worker: number };
}

/** Every 100 ms: the API's resident memory, and the worker's with its processes. */
function sampleMemory(apiPid: number, workerPid: number): Sampler {
  const peak = { api: 0, worker: 0 };
  let since = { api: 0, worker: 0 };
  const take = () => {
    const api = memoryMb(apiPid)?.rss ?? 0;
    const worker = [workerPid, ...childPids(workerPid)].reduce((s, pid) => s + (memoryMb(pid)?.rss ?? 0), 0);
    peak.api = Math.max(peak.api, api);
    peak.worker = Math.max(peak.worker, worker);
    since = { api: Math.max(since.api, api), worker: Math.max(since.worker, worker) };
  };
  take();
  const timer = setInterval(take, 100);
  return {
    stop: () => clearInterval(timer),
    mark: () => {
      const m = since;
      since = { api: 0, worker: 0 };
      return m;
    },
    peak,
  };
}

/** CPU seconds used meanwhile by the API, the worker (with its processes), MariaDB, this script and the rest of the machine. */
function seconds(meter: () => CpuUse) {
  return () => {
    const d = meter();
    return { api: round(d.api, 1), worker: round(d.worker, 1), db: round(d.db, 1), bench: round(d.bench, 1), rest: round(d.machine - d.api - d.worker - d.db - d.bench, 1) };
  };
}

const statusKey = (a: Answer) => (a.status ? `${a.status}${a.code ? ` ${a.code}` : ''}` : `network: ${a.error}`);

function tally(answers: Answer[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const a of answers) counts[statusKey(a)] = (counts[statusKey(a)] ?? 0) + 1;
  return counts;
}

interface Figures {
  n: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  statuses: Record<string, number>;
}

function figures(answers: Answer[]): Figures {
  const ms = Float64Array.from(answers.map((a) => a.ms)).sort();
  const at = (p: number) => round(percentile(ms, p), 1);
  return { n: answers.length, p50: at(50), p95: at(95), p99: at(99), max: round(ms[ms.length - 1] ?? 0, 1), statuses: tally(answers) };
}

const line = (label: string, f: Figures) =>
  `  ${label.padEnd(22)} ${String(f.n).padStart(5)}  p50 ${f.p50} ms, p95 ${f.p95} ms, p99 ${f.p99} ms, max ${f.max} ms  ${JSON.stringify(f.statuses)}`;

// ---------------------------------------------------------------- main

async function main(): Promise<number> {
  const t0 = Date.now();
  mkdirSync(LOG_DIR, { recursive: true });
  const env: NodeJS.ProcessEnv = { ...process.env, DB_NAME, QUEUE_PREFIX, HTTP_PORT: String(PORT), LOG_LEVEL: process.env.BENCH_LOG_LEVEL || 'warn' };
  // The product's defaults apply to the apps, not whatever the caller's shell has set.
  for (const k of ['TRUST_PROXY', 'ROSTER_READ_THREADS', 'ROSTER_MAX_ROWS', 'WORKER_PROCESSES', 'UV_THREADPOOL_SIZE']) delete env[k];
  for (const k of Object.keys(env)) if (k.startsWith('LOGIN_')) delete env[k];
  await ensureLocalServices(loadConfig(env));
  env.DB_SOCKET ||= await localSocket(loadConfig(env));
  const config = loadConfig(env);
  if (await listening(PORT)) throw new Error(`port ${PORT} is already in use; stop whatever listens there first`);
  const loadStart = loadavg();
  log(`bench:abuse: ${RATE} /health + ${RATE} registrations per second, ${PHASE_S} s idle then under attack; database ${DB_NAME} via ${config.dbAddress}; logs in ${LOG_DIR}`);
  log(`load average at start: ${loadStart.map((l) => l.toFixed(2)).join(' ')} on ${cpus().length} cores`);

  const workbook = await millionRowWorkbook();
  const ds = await freshMigratedDataSource(config);
  await ds.destroy();
  await clearQueues(config, QUEUE_PREFIX); // also the login limits, kept under the same prefix
  const contestantTokens = await seed(config);
  log(`seeded ${CONTESTANTS} contestants (${((Date.now() - t0) / 1000).toFixed(1)} s)`);

  try {
    const api = spawnApp('api', 'apps/api/src/main.js', env);
    const worker = spawnApp('worker', 'apps/worker/src/main.js', env);
    await waitHealthy(api, PORT);
    const organizerToken = mintToken(config.JWT_SECRET, ORGANIZER_ID, ORGANIZER_NAME, [{ role: 'organizer', orgId: DISTRICT_ID, path: `/${CITY_ID}/${DISTRICT_ID}/` }]);
    const world: World = { organizerToken, contestantTokens, ...(await openEvent(organizerToken)) };
    const next = { contestant: 0 };
    const memory = sampleMemory(api.proc.pid!, worker.proc.pid!);

    await stream(world, next, WARMUP_S);
    memory.mark();
    const pids = { api: api.proc.pid!, worker: worker.proc.pid!, db: serverPid() };

    let cpu = seconds(cpuMeter(pids));
    const idle = await stream(world, next, PHASE_S);
    const idleCpu = cpu();
    const idleMemory = memory.mark();

    cpu = seconds(cpuMeter(pids));
    const attackStart = performance.now();
    let attackS = 0;
    const attacking = attack(world, workbook).then((hits) => ((attackS = (performance.now() - attackStart) / 1000), hits));
    const loaded = await stream(world, next, PHASE_S, attacking);
    const hits = await attacking;
    const attackCpu = cpu();
    const attackMemory = memory.mark();
    memory.stop();
    const hwm = { api: memoryMb(pids.api)?.hwm ?? 0, worker: memoryMb(pids.worker)?.hwm ?? 0 };
    const loadEnd = loadavg();

    const of = (shots: Shot[], kind: Shot['kind']) => figures(shots.filter((s) => s.kind === kind));
    const f = {
      healthIdle: of(idle.shots, 'health'),
      registerIdle: of(idle.shots, 'register'),
      health: of(loaded.shots, 'health'),
      register: of(loaded.shots, 'register'),
    };
    const byKind = (kind: AttackKind) => figures(hits.filter((h) => h.kind === kind));
    const a = { deep: byKind('deep'), sheet: byKind('sheet'), login: byKind('login') };
    const all: Answer[] = [...idle.shots, ...loaded.shots, ...hits];
    const fiveXx = all.filter((x) => x.status >= 500).length;

    const problems: string[] = [];
    if (fiveXx) problems.push(`${fiveXx} answers were 5xx`);
    const streamWrong = [...idle.shots, ...loaded.shots].filter((s) => s.status !== (s.kind === 'health' ? 200 : 201));
    if (streamWrong.length) problems.push(`${streamWrong.length} stream answers were not 200/201: ${JSON.stringify(tally(streamWrong))}`);
    const attackWrong = hits.filter((h) => h.status < 400 || h.status >= 500);
    if (attackWrong.length) problems.push(`${attackWrong.length} attack answers were not 4xx: ${JSON.stringify(tally(attackWrong))}`);
    for (const c of [api, worker]) if (c.proc.exitCode !== null) problems.push(`${c.name} died during the run (exit ${c.proc.exitCode})`);

    log(`idle phase: ${idle.s.toFixed(1)} s, schedule slipped at most ${idle.slipMs.toFixed(1)} ms`);
    log(line('health', f.healthIdle));
    log(line('register', f.registerIdle));
    log(`  CPU s: ${JSON.stringify(idleCpu)}; RSS peak: API ${idleMemory.api.toFixed(0)} MB, worker ${idleMemory.worker.toFixed(0)} MB`);
    log(`attack phase: ${loaded.s.toFixed(1)} s (last attack answer after ${attackS.toFixed(1)} s), schedule slipped at most ${loaded.slipMs.toFixed(1)} ms`);
    log(line('health', f.health));
    log(line('register', f.register));
    log(line(`deep JSON (${DEEP_LEVELS} levels)`, a.deep));
    log(line(`1M-row workbooks`, a.sheet));
    log(line(`wrong-password logins`, a.login));
    log(`  CPU s: ${JSON.stringify(attackCpu)}; RSS peak: API ${attackMemory.api.toFixed(0)} MB, worker ${attackMemory.worker.toFixed(0)} MB`);
    log(`RSS sampled every 100 ms: the API process (event loop, libuv pool with argon2, roster threads) and the worker with its ${childPids(pids.worker).length} processes`);
    log(`RSS peak: API ${memory.peak.api.toFixed(0)} MB (kernel high-water mark ${hwm.api.toFixed(0)} MB), worker ${memory.peak.worker.toFixed(0)} MB`);
    log(`targets: health_p95_ms < 200 (${f.health.p95}), register_p95_ms < 300 (${f.register.p95}), rss_peak_mb < 600 (${memory.peak.api.toFixed(0)}), five_xx 0 (${fiveXx})`);
    log(`load average at end: ${loadEnd.map((l) => l.toFixed(2)).join(' ')} on ${cpus().length} cores; bench took ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    for (const p of problems) log(`PROBLEM: ${p}`);
    if (problems.length) log(`child logs: ${LOG_DIR}`);
    log(
      JSON.stringify({
        bench: 'abuse',
        health_p95_ms: f.health.p95,
        health_idle_p95_ms: f.healthIdle.p95,
        register_p95_ms: f.register.p95,
        register_idle_p95_ms: f.registerIdle.p95,
        rss_peak_mb: Math.round(memory.peak.api),
        five_xx: fiveXx,
        rss_sampled: 'api',
        rss_hwm_mb: Math.round(hwm.api),
        worker_rss_peak_mb: Math.round(memory.peak.worker),
        health_p99_ms: f.health.p99,
        register_p99_ms: f.register.p99,
        requests: { idle: idle.shots.length, attack_phase: loaded.shots.length, attack: hits.length },
        attack_s: round(attackS, 1),
        attack_statuses: { deep: a.deep.statuses, sheets: a.sheet.statuses, logins: a.login.statuses },
        cpu_s: { idle: idleCpu, attack: attackCpu },
        load_start: round(loadStart[0], 2),
        load_end: round(loadEnd[0], 2),
        problems: problems.length,
      }),
    );
    return problems.length ? 1 : 0;
  } catch (err) {
    throw new Error(`${(err as Error).message}\n${childTails()}`);
  } finally {
    await stopAll();
  }
}

runBench('bench:abuse', LOG_DIR, main);
