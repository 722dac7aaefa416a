import { mkdirSync } from 'node:fs';
import http from 'node:http';
import { type AppConfig, loadConfig } from '@app/config';
import { freshMigratedDataSource } from '@app/composition';
import { Queue } from 'bullmq';
import type { Connection } from 'mysql2/promise';
import { callJson, clearQueues, cpuMeter, cpuMsPer, serverPid, dbConnection, insertBatches, insertOrgTree, localSocket, log, memoryMb, mintToken, percentile, prng, round, runBench, sleep, spawnApp, TREE, waitConsumers, waitHealthy } from './bench-support';
import { ensureLocalServices } from './local-services';

/**
 * `npm run bench:hike`: a night walk's scans through the HTTP API against the bare database work
 * the feature needs, measured in the same run on the same machine.
 *
 *  1. `union_events_bench_hike` recreated and migrated; the district, an organizer and a checkpoint
 *     staff member written with SQL; the event, its route of 15 checkpoints and its wave made
 *     through the API; 20,000 walkers in 4,000 teams of five written with SQL (as enrolment would).
 *  2. 300,000 scans (every walker at every checkpoint, in the order they were walked) uploaded in
 *     batches of 500 by 15 devices in parallel, through the API and the staff's checks; meanwhile
 *     one client reads the safety board in a loop (its p95), and after sampled uploads waits for
 *     the board to show them (the lag).
 *  3. Baseline, API idle: per batch of 500, one transaction with a multi-row INSERT IGNORE of the
 *     scans and one multi-row update of the walkers' status and last checkpoint, 15 connections.
 *  4. One cut-off job through the outbox and the worker that times out 5,000 walkers of a second wave.
 *  5. The organizers' download of the night (every walker and every scan as .xlsx): its time and
 *     the API's peak resident memory while it is made.
 *
 * Child logs in /tmp/bench-hike. The last stdout line is the JSON summary. BENCH_SCANS (default
 * 300000, a multiple of 15) scales the walk down for a quick run; BENCH_SUFFIX and BENCH_PORT separate
 * the database, queues, logs and port from another run on the same machine.
 */

const SUFFIX = process.env.BENCH_SUFFIX ?? '';
const LOG_DIR = `/tmp/bench-hike${SUFFIX}`;
const DB_NAME = `union_events_bench_hike${SUFFIX}`;
const PORT = Number(process.env.BENCH_PORT || 3410);
const QUEUE_PREFIX = `benchhike${SUFFIX}`;
const CHECKPOINTS = 15;
const SCANS = Number(process.env.BENCH_SCANS || 300_000);
const WALKERS = Math.floor(SCANS / CHECKPOINTS);
const TEAM = 5;
const BATCH = 500;
const DEVICES = 15;
const CUTOFF_WALKERS = 5000;
const { districtId: DISTRICT_ID, cityId: CITY_ID } = TREE;
const ORGANIZER_ID = 1;
const STAFF_ID = 2;

const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });

const call = <T>(method: string, path: string, token: string, body?: object) => callJson<T>(agent, PORT, token, method, `/api/v1${path}`, body);

async function ok<T>(method: string, path: string, token: string, body?: object): Promise<T> {
  const res = await call<T>(method, path, token, body);
  if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

interface Scan {
  walkerId: number;
  seq: number;
  at: number;
}

/** Every walker at every checkpoint, each at their own pace (8–14 min/km), sorted by time: the order a night is walked. */
function plan(firstWalker: number, gun: number): Scan[] {
  const rand = prng(21);
  const scans: Scan[] = [];
  for (let w = 0; w < WALKERS; w++) {
    const perKm = (8 + rand() * 6) * 60_000;
    for (let seq = 0; seq < CHECKPOINTS; seq++) scans.push({ walkerId: firstWalker + w, seq, at: Math.round(gun + seq * 2 * perKm + rand() * 30_000) });
  }
  return scans.sort((a, b) => a.at - b.at);
}

async function seed(conn: Connection): Promise<void> {
  await insertOrgTree(conn);
  await insertBatches(conn, 'INSERT INTO users (id, username, password_hash, real_name, language) VALUES ?', [
    [ORGANIZER_ID, 'bench-organizer', '!bench-no-login', '钱主任', 'zh-CN'],
    [STAFF_ID, 'bench-staff', '!bench-no-login', '陆晓峰', 'zh-CN'],
  ]);
  await insertBatches(conn, 'INSERT INTO role_assignments (user_id, organisation_id, role) VALUES ?', [
    [ORGANIZER_ID, DISTRICT_ID, 'organizer'],
    [STAFF_ID, DISTRICT_ID, 'checkpoint_staff'],
  ]);
}

/** Walkers of one wave, in teams, as enrolment writes them; `status` and `lastSeq` for the cut-off's second wave. */
async function insertWalkers(conn: Connection, routeId: number, waveId: number, n: number, firstEntry: number, status = 'registered', lastSeq: number | null = null): Promise<number> {
  const rows: unknown[][] = [];
  for (let i = 0; i < n; i++) {
    const entry = firstEntry + Math.floor(i / TEAM);
    rows.push([entry, 10_000 + firstEntry * TEAM + i, routeId, waveId, entry, `YX${String(entry).padStart(5, '0')}`, i % TEAM === 0, status, lastSeq]);
  }
  await insertBatches(conn, 'INSERT INTO hiking_walkers (entry_id, user_id, route_id, wave_id, team_entry_id, bib, captain, status, last_checkpoint_seq) VALUES ?', rows);
  const [[{ first }]] = (await conn.query('SELECT MIN(id) AS first FROM hiking_walkers WHERE wave_id = ?', [waveId])) as unknown as [{ first: number }[]];
  return Number(first);
}

/** The bare work: per batch, one transaction with a multi-row INSERT IGNORE and one multi-row update of the walkers. */
async function baseline(config: AppConfig, batches: Scan[][]): Promise<number> {
  const setup = await dbConnection(config);
  await setup.query('DROP TABLE IF EXISTS bench_scan, bench_walker');
  await setup.query(
    `CREATE TABLE bench_scan (id INT UNSIGNED AUTO_INCREMENT PRIMARY KEY, walker_id INT UNSIGNED NOT NULL, checkpoint_seq SMALLINT UNSIGNED NOT NULL, device_id VARCHAR(64) NOT NULL,
      client_scan_id VARCHAR(64) NOT NULL, raw_at DATETIME(3) NOT NULL, corrected_at DATETIME(3) NOT NULL, UNIQUE KEY (device_id, client_scan_id), KEY (walker_id)) ENGINE=InnoDB`,
  );
  await setup.query('CREATE TABLE bench_walker (id INT UNSIGNED PRIMARY KEY, status VARCHAR(16) NOT NULL, last_seq SMALLINT UNSIGNED NULL, last_at DATETIME(3) NULL) ENGINE=InnoDB');
  await setup.end();
  const conns = await Promise.all(Array.from({ length: DEVICES }, () => dbConnection(config)));
  let next = 0;
  const started = performance.now();
  await Promise.all(
    conns.map(async (conn, d) => {
      for (let b = next++; b < batches.length; b = next++) {
        const batch = batches[b];
        await conn.beginTransaction();
        await conn.query('INSERT IGNORE INTO bench_scan (walker_id, checkpoint_seq, device_id, client_scan_id, raw_at, corrected_at) VALUES ?', [
          batch.map((s, i) => [s.walkerId, s.seq, `pad-${d}`, `b${b}-${i}`, new Date(s.at), new Date(s.at)]),
        ]);
        await conn.query(
          'INSERT INTO bench_walker (id, status, last_seq, last_at) VALUES ? ON DUPLICATE KEY UPDATE status = VALUES(status), last_seq = GREATEST(COALESCE(last_seq, 0), VALUES(last_seq)), last_at = VALUES(last_at)',
          // In id order, as the API locks them: two batches touching the same walkers never deadlock.
          [[...batch].sort((x, y) => x.walkerId - y.walkerId).map((s) => [s.walkerId, s.seq === CHECKPOINTS - 1 ? 'finished' : 'on_course', s.seq, new Date(s.at)])],
        );
        await conn.commit();
      }
    }),
  );
  const perS = SCANS / ((performance.now() - started) / 1000);
  await Promise.all(conns.map((c) => c.end()));
  return perS;
}

async function main(): Promise<number> {
  mkdirSync(LOG_DIR, { recursive: true });
  const env: NodeJS.ProcessEnv = { ...process.env, DB_NAME, QUEUE_PREFIX, HTTP_PORT: String(PORT), WORKER_PROCESSES: '1', LOG_LEVEL: process.env.BENCH_LOG_LEVEL || 'warn' };
  await ensureLocalServices(loadConfig(env));
  env.DB_SOCKET ||= await localSocket(loadConfig(env));
  const config = loadConfig(env);
  log(`bench:hike: ${WALKERS} walkers, ${SCANS} scans in batches of ${BATCH} by ${DEVICES} devices; database ${DB_NAME}; logs in ${LOG_DIR}`);
  const ds = await freshMigratedDataSource(config);
  await ds.destroy();
  await clearQueues(config, QUEUE_PREFIX);
  const conn = await dbConnection(config);
  await seed(conn);
  const organizer = mintToken(config.JWT_SECRET, ORGANIZER_ID, 'bench-organizer', [{ role: 'organizer', orgId: DISTRICT_ID, path: `/${CITY_ID}/${DISTRICT_ID}/` }]);
  const staff = mintToken(config.JWT_SECRET, STAFF_ID, 'bench-staff', [{ role: 'checkpoint_staff', orgId: DISTRICT_ID, path: `/${CITY_ID}/${DISTRICT_ID}/` }]);

  const api = spawnApp('api', 'apps/api/src/main.js', env);
  const worker = spawnApp('worker', 'apps/worker/src/main.js', env);
  await waitHealthy(api, PORT);
  await waitConsumers(worker, config, QUEUE_PREFIX, ['hiking', 'tally'], 1);

  // The night: the gun 12 hours ago; the route, its checkpoints and wave through the API.
  const gun = Date.now() - 12 * 3600_000;
  const event = await ok<{ id: number }>('POST', '/events', organizer, { organisationId: DISTRICT_ID, kind: 'hiking', name: '2026大运河职工毅行（压测）' });
  const item = await ok<{ id: number }>('POST', `/events/${event.id}/items`, organizer, { name: '28公里毅行' });
  const route = await ok<{ id: number }>('POST', `/hiking/items/${item.id}/route`, organizer, { distanceM: 28_000, referenceStartAt: new Date(gun), teamMin: TEAM, teamMax: TEAM });
  const set = await ok<{ checkpoints: { id: number }[] }>('PUT', `/hiking/routes/${route.id}/checkpoints`, organizer, {
    checkpoints: Array.from({ length: CHECKPOINTS }, (_, i) => ({ name: `第${i}站`, distanceM: i * 2000 })),
  });
  const cps = set.checkpoints.map((c) => c.id);
  const wave = await ok<{ id: number }>('POST', `/hiking/routes/${route.id}/waves`, organizer, { name: '第一批', startsAt: new Date(gun) });
  await insertBatches(conn, 'INSERT INTO hiking_checkpoint_staff (checkpoint_id, user_id) VALUES ?', cps.map((id) => [id, STAFF_ID]));
  const firstWalker = await insertWalkers(conn, route.id, wave.id, WALKERS, 1);
  const scans = plan(firstWalker, gun);
  const batches: Scan[][] = [];
  for (let i = 0; i < scans.length; i += BATCH) batches.push(scans.slice(i, i + BATCH));
  log(`seeded: route ${route.id}, ${WALKERS} walkers, ${batches.length} batches`);

  // The board, read in a loop while the upload runs.
  let uploading = true;
  const boardMs: number[] = [];
  const arrivedNow = async () => {
    const res = await call<{ checkpoints: { arrived: number }[] }>('GET', `/hiking/routes/${route.id}/board`, organizer);
    if (res.status !== 200) throw new Error(`board: ${res.status}`);
    boardMs.push(res.ms);
    return res.body.checkpoints.reduce((s, c) => s + c.arrived, 0);
  };
  const boardLoop = (async () => {
    while (uploading) await arrivedNow();
  })();

  // CPU spent over the upload, per batch of 500: on two shared cores throughput is what they add up to.
  const pids = { api: api.proc.pid, worker: worker.proc.pid, db: serverPid() };
  const uploadCpu = cpuMeter(pids);
  const batchMs: number[] = [];
  const lagMs: number[] = [];
  let committed = 0;
  let refused = 0;
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: DEVICES }, async (_, d) => {
      for (let b = next++; b < batches.length; b = next++) {
        const body = {
          deviceId: `pad-${d}`,
          deviceNow: new Date(),
          scans: batches[b].map((s, i) => ({ clientScanId: `b${b}-${i}`, checkpointId: cps[s.seq], direction: s.seq === 0 ? 'out' : 'in', deviceAt: new Date(s.at), walkerId: s.walkerId })),
        };
        const res = await call<{ accepted: number; refused: number }>('POST', `/hiking/events/${event.id}/scans`, staff, body);
        if (res.status !== 200) throw new Error(`upload: ${res.status} ${JSON.stringify(res.body)}`);
        batchMs.push(res.ms);
        refused += res.body.refused;
        committed += batches[b].length;
        // Every 20th upload: how long until the board shows at least what had committed when it answered.
        if (b % 20 === 0) {
          const target = committed;
          const answered = performance.now();
          while ((await arrivedNow()) < target) await sleep(20);
          lagMs.push(performance.now() - answered);
        }
      }
    }),
  );
  const uploadS = (performance.now() - started) / 1000;
  uploading = false;
  await boardLoop;
  const cpuMsPerBatch = cpuMsPer(uploadCpu(), batches.length);
  const scansPerS = SCANS / uploadS;
  const sorted = (xs: number[]) => Float64Array.from(xs).sort();
  const [[check]] = (await conn.query("SELECT COUNT(*) AS scans, SUM(counted) AS counted, (SELECT COUNT(*) FROM hiking_walkers WHERE status = 'finished') AS finished FROM hiking_scans")) as unknown as [
    { scans: number; counted: number; finished: number }[],
  ];
  log(`API: ${SCANS} scans in ${uploadS.toFixed(1)} s = ${scansPerS.toFixed(0)}/s; stored ${check.scans}, counted ${check.counted}, finished ${check.finished}; refused ${refused}`);
  log(`API: CPU ms per batch ${JSON.stringify(cpuMsPerBatch)}`);
  // The finishes come in the last part of the night, with the tallies they start.
  const tenth = Math.ceil(batchMs.length / 10);
  log(`API: batch p95 by tenth of the night, in answer order: ${Array.from({ length: 10 }, (_, q) => round(percentile(sorted(batchMs.slice(q * tenth, (q + 1) * tenth)), 95), 0)).join(', ')} ms`);

  const baselineCpu = cpuMeter(pids);
  const baselinePerS = await baseline(config, batches);
  log(`baseline: ${baselinePerS.toFixed(0)}/s; CPU ms per batch ${JSON.stringify(cpuMsPer(baselineCpu(), batches.length))}`);

  // One cut-off job that times out a second wave of 5,000 walkers stuck at the third checkpoint.
  const wave2 = await ok<{ id: number }>('POST', `/hiking/routes/${route.id}/waves`, organizer, { name: '第二批', startsAt: new Date(gun) });
  await insertWalkers(conn, route.id, wave2.id, CUTOFF_WALKERS, WALKERS / TEAM + 1, 'on_course', 2);
  const cutoffAt = Date.now() + 3000;
  await ok('PUT', `/hiking/checkpoints/${cps[5]}/cutoffs`, organizer, { arrivalCutoffAt: new Date(cutoffAt) });
  const queue = new Queue('hiking', { connection: { host: config.REDIS_HOST, port: config.REDIS_PORT, db: config.REDIS_DB }, prefix: QUEUE_PREFIX });
  let cutoffS = NaN;
  for (const deadline = Date.now() + 120_000; Date.now() < deadline; await sleep(200)) {
    const done = (await queue.getJobs(['completed'])).find((j) => j.data.waveId === wave2.id && j.data.at === cutoffAt);
    if (done?.finishedOn && done.processedOn) {
      cutoffS = (done.finishedOn - done.processedOn) / 1000;
      log(`cut-off job: ${JSON.stringify(done.returnvalue)} in ${cutoffS.toFixed(2)} s (fired ${done.processedOn - cutoffAt} ms after its instant)`);
      break;
    }
  }
  await queue.close();
  const download = await exportNight(route.id, organizer, pids.api);
  log(`export of the night: ${download.mb.toFixed(1)} MB in ${download.s.toFixed(1)} s; API resident ${download.restMb} MiB before, ${download.peakMb} MiB at most while making it`);
  const [[timedOut]] = (await conn.query("SELECT COUNT(*) AS n FROM hiking_walkers WHERE wave_id = ? AND status = 'timed_out'", [wave2.id])) as unknown as [{ n: number }[]];
  await conn.end();

  const summary = {
    bench: 'hike',
    scans_per_s: round(scansPerS, 0),
    baseline_per_s: round(baselinePerS, 0),
    ratio: round(scansPerS / baselinePerS, 2),
    batch_p95_ms: round(percentile(sorted(batchMs), 95), 0),
    board_p95_ms: round(percentile(sorted(boardMs), 95), 0),
    board_lag_p95_ms: round(percentile(sorted(lagMs), 95), 0),
    cutoff_5000_s: round(cutoffS, 2),
    walkers: WALKERS,
    scans: SCANS,
    timed_out: Number(timedOut.n),
    cpu_ms_per_batch: cpuMsPerBatch,
    export_s: round(download.s, 1),
    export_peak_mb: download.peakMb,
  };
  const failed = refused > 0 || Number(check.scans) !== SCANS || Number(timedOut.n) !== CUTOFF_WALKERS;
  if (failed) log('FAILED: every scan stored once and every walker of the second wave timed out, or not');
  log(JSON.stringify(summary));
  return failed ? 1 : 0;
}

/** GET of the route's workbook, the API's resident memory sampled every 50 ms while it is made. */
async function exportNight(routeId: number, token: string, apiPid: number | undefined): Promise<{ s: number; mb: number; restMb: number; peakMb: number }> {
  const rest = memoryMb(apiPid)?.rss ?? 0;
  let peak = rest;
  const sampler = setInterval(() => (peak = Math.max(peak, memoryMb(apiPid)?.rss ?? 0)), 50);
  const started = performance.now();
  try {
    const bytes = await new Promise<number>((resolve, reject) => {
      http
        .get({ host: '127.0.0.1', port: PORT, path: `/api/v1/hiking/routes/${routeId}/export.xlsx`, headers: { authorization: `Bearer ${token}` } }, (res) => {
          let n = 0;
          res.on('data', (c: Buffer) => (n += c.length));
          res.on('end', () => (res.statusCode === 200 ? resolve(n) : reject(new Error(`export: HTTP ${res.statusCode}`))));
        })
        .on('error', reject);
    });
    return { s: (performance.now() - started) / 1000, mb: bytes / 1e6, restMb: Math.round(rest), peakMb: Math.round(peak) };
  } finally {
    clearInterval(sampler);
  }
}

runBench('bench:hike', LOG_DIR, main);
