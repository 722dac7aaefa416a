import { mkdirSync } from 'node:fs';
import http from 'node:http';
import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { type AppConfig, loadConfig } from '@app/config';
import { freshMigratedDataSource } from '@app/composition';
import { instanceId } from '@app/database';
import { bullJobId, QUEUES } from '@app/queue';
import { Queue, Worker } from 'bullmq';
import type { Connection } from 'mysql2/promise';
import { childTails, chineseName, cpuSeconds, insertOrgTree, TREE, waitConsumers, insertBatches, rowsOf, serverPid, clearQueues, dbConnection, listening, localSocket, log, mintToken, percentile, prng, round, runBench, sleep, spawnApp, stopAll, waitHealthy } from './bench-support';
import { ensureLocalServices } from './local-services';

/**
 * `npm run bench:notify`: one notification fanned out to 20,000 people on the
 * in-app channel, against a bare BullMQ worker on the same Redis, in the same run.
 *
 *  1. MySQL and Redis up; `union_events_bench_notify` dropped, recreated and
 *     migrated, then loaded with SQL (multi-row INSERTs, no API): a city, a
 *     district and 20 enterprise unions, an organizer, one event with one item
 *     and 20,000 contestants with Chinese names (90% zh-CN, 10% en), each with
 *     an approved entry in the item and a result in it (a public notice needs
 *     results to appeal against). No notification_settings, profiles or
 *     templates: built-in texts, the in-app channel only (no e-mail, SMS or
 *     webhook deliveries; SMTP_URL and SMS_GATEWAY_URL are unset for the apps).
 *  2. Baseline, apps stopped: a bare BullMQ Worker (queue `baseline`, prefix
 *     `bench-notify-baseline`, same Redis, no rate limit, handler returns at
 *     once) processes 20,000 jobs added beforehand with addBulk (1,000 per
 *     call). jobs/s = 20,000 / (worker.run() → the 20,000th `completed` event).
 *     The setting is not fixed by guess, so the baseline is not handicapped:
 *     one probe run at each concurrency of 8, 32, 128 and 512, each with
 *     completed jobs kept (BullMQ's default) and removed (removeOnComplete:
 *     true); then 3 runs with the probe's fastest setting, and baseline_per_s
 *     is their median (BENCH_BASELINE_CONCURRENCY and BENCH_BASELINE_REMOVE=0|1
 *     skip the probe).
 *  3. API and worker started from dist/ with the product defaults
 *     (WORKER_CONCURRENCY, OUTBOX_POLL_MS, NOTIFY_BATCH, NOTIFY_INBOX_PER_S).
 *     The trigger is the real one: the organizer (token minted here) publishes
 *     the item's results on notice, `POST /api/v1/items/:id/publication/notice`.
 *     PublicationService writes `results.published` to every approved entrant of
 *     the item as a `notify.fanout` outbox row in the same transaction (the item
 *     needs no tally for PUBLISH_NOTICE, only results and the PROVISIONAL state,
 *     which an item without a publication row has). The relay moves it into BullMQ, the
 *     fan-out job resolves the audience and adds the inbox jobs, the inbox jobs
 *     write the rows.
 *  4. Figures, all from the moment the HTTP answer arrives (the transaction has
 *     committed; `trigger` below):
 *     - enqueue_s: trigger → the fan-out job's finishedOn in BullMQ (it has
 *       added every inbox job in one addBulk); the inbox queue is checked to
 *       hold the expected number of jobs.
 *     - delivered_per_s (headline, used for ratio): 20,000 / (trigger → the
 *       moment `SELECT COUNT(*) FROM notifications WHERE ref = <key>` first
 *       reads 20,000; polled every 20 ms). End to end: relay poll, fan-out,
 *       queueing and every inbox write.
 *     - delivery_phase_per_s (orientation): 20,000 / (fan-out finishedOn → the
 *       same last-row moment): the inbox jobs alone.
 *     - ratio = delivered_per_s / baseline_per_s, as the issue defines it:
 *       people per second against no-op jobs per second. An inbox job carries
 *       NOTIFY_BATCH (500) people, so this is not job against job;
 *       inbox_jobs_per_s (inbox jobs / delivery phase) is printed for that.
 *     Printed with them: the CPU seconds the worker and the database server used
 *     during the fan-out (/proc), steadier than wall time on a shared machine.
 *  5. Checks (a failed one exits 1): exactly 20,000 notifications for the key,
 *     one per entrant and none for anyone else, no (user, ref) twice; titles and
 *     bodies rendered (no `{{`), in the person's language, the item name, the
 *     person's Chinese name and the event name read back intact; no external
 *     deliveries; the outbox row dispatched.
 *
 * Baseline and apps reach Redis the same way (TCP, 127.0.0.1) and the apps
 * MariaDB over its Unix socket when it runs on this machine (DB_SOCKET).
 * Child output goes to /tmp/bench-notify/*.log. One run at a time per
 * database server (a named lock). The last stdout line is the JSON summary.
 * Exit 1 on a failed check or an error; a missed target is a measurement, not
 * a failure.
 * Developer knobs: BENCH_RECIPIENTS (default 20000; also the baseline's job
 * count), BENCH_REUSE=1 (keep the loaded people and entries; notifications,
 * publication state, audit and outbox are emptied), BENCH_BASELINE_CONCURRENCY,
 * BENCH_CHILD_NODE_ARGS (e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof") for the
 * API and worker, BENCH_WORKER_CONCURRENCY, BENCH_NOTIFY_BATCH and
 * BENCH_NOTIFY_INBOX_PER_S (default: the product's), BENCH_LOG_LEVEL (default warn).
 */

const LOG_DIR = '/tmp/bench-notify';
const DB_NAME = 'union_events_bench_notify';
const PORT = 3421;
const QUEUE_PREFIX = 'bench-notify';
const BASELINE_PREFIX = 'bench-notify-baseline';
const BASELINE_QUEUE = 'baseline';

const RECIPIENTS = Number(process.env.BENCH_RECIPIENTS || 20_000);
const BASELINE_JOBS = RECIPIENTS;
const BASELINE_PROBE = [8, 32, 128, 512].flatMap((concurrency) => [false, true].map((remove) => ({ concurrency, remove })));
const BASELINE_RUNS = 3;
const POLL_MS = 20;
const EN_SHARE = 0.1;

const { cityId: CITY_ID, districtId: DISTRICT_ID, firstEnterpriseId: FIRST_ENTERPRISE_ID, enterprises: ENTERPRISES, organizerId: ORGANIZER_ID } = TREE;
const FIRST_CONTESTANT_ID = 2;
const EVENT_NAME = '2026年拱墅区职工职业技能大赛';
const ITEM_NAME = '数控车工（职工组）';

const now = () => performance.now();
const median = (xs: number[]) => percentile([...xs].sort((a, b) => a - b), 50);


const redisOf = (config: AppConfig) => ({ host: config.REDIS_HOST, port: config.REDIS_PORT, db: config.REDIS_DB });

// ---------------------------------------------------------------- processes

// ---------------------------------------------------------------- database

/** An organisation tree, one event with one item, and everyone entered in it and approved. */
async function load(config: AppConfig): Promise<void> {
  const conn = await dbConnection(config);
  const rand = prng(0x90f1);
  try {
    await conn.query('SET unique_checks = 0, foreign_key_checks = 0');
    await insertOrgTree(conn);

    const users: unknown[][] = [[ORGANIZER_ID, 'bench-organizer', '!bench-no-login', '钱主任', 'zh-CN']];
    const roles: unknown[][] = [[ORGANIZER_ID, DISTRICT_ID, 'organizer']];
    for (let c = 0; c < RECIPIENTS; c++) {
      users.push([FIRST_CONTESTANT_ID + c, `worker${String(c + 1).padStart(6, '0')}`, '!bench-no-login', chineseName(c), rand() < EN_SHARE ? 'en' : 'zh-CN']);
      roles.push([FIRST_CONTESTANT_ID + c, FIRST_ENTERPRISE_ID + (c % ENTERPRISES), 'contestant']);
    }
    await insertBatches(conn, 'INSERT INTO users (id, username, password_hash, real_name, language) VALUES ?', users);
    await insertBatches(conn, 'INSERT INTO role_assignments (user_id, organisation_id, role) VALUES ?', roles);

    const [event] = (await conn.query(
      "INSERT INTO events (organisation_id, kind, name, status, starts_on, ends_on, created_by, bib_prefix) VALUES (?, 'skill_competition', ?, 'in_progress', '2026-05-12', '2026-05-16', ?, 'SK')",
      [DISTRICT_ID, EVENT_NAME, ORGANIZER_ID],
    )) as unknown as [{ insertId: number }];
    await conn.query('INSERT INTO event_items (id, event_id, name) VALUES (1, ?, ?)', [event.insertId, ITEM_NAME]);
    const entries: unknown[][] = [];
    for (let c = 0; c < RECIPIENTS; c++) {
      const user = FIRST_CONTESTANT_ID + c;
      entries.push([c + 1, event.insertId, 1, user, user, FIRST_ENTERPRISE_ID + (c % ENTERPRISES), 'approved', `SK${String(c + 1).padStart(6, '0')}`, ORGANIZER_ID]);
    }
    await insertBatches(conn, 'INSERT INTO entries (id, event_id, item_id, user_id, active_user_id, organisation_id, status, bib, registered_by) VALUES ?', entries);
    // A public notice needs results to appeal against: everyone placed in entry order.
    const results = entries.map((_, c) => [1, 0, c + 1, c + 1, c + 1, (100 - c / RECIPIENTS).toFixed(4), 'OK', 1]);
    await insertBatches(conn, 'INSERT INTO item_results (item_id, round_id, entry_id, place, scoring_place, total, status, score_version) VALUES ?', results);
    await conn.query('SET unique_checks = 1, foreign_key_checks = 1');
    await conn.query('ANALYZE TABLE users, entries');
  } finally {
    await conn.end();
  }
}

/** BENCH_REUSE: back to "loaded, never published". */
async function reset(conn: Connection): Promise<void> {
  for (const table of ['notification_deliveries', 'notifications', 'result_audit', 'result_publications', 'outbox']) await conn.query(`DELETE FROM ${table}`);
}

// ---------------------------------------------------------------- baseline

/** One bare run: jobs added first, then a worker started; seconds from run() to the last completion. */
interface BaselineSetting {
  concurrency: number;
  /** removeOnComplete: true (else BullMQ's default: completed jobs kept) */
  remove: boolean;
}
const settingName = (s: BaselineSetting) => `c${s.concurrency}${s.remove ? '-remove' : '-keep'}`;

async function baselineRun(config: AppConfig, { concurrency, remove }: BaselineSetting): Promise<number> {
  await clearQueues(config, BASELINE_PREFIX);
  const queue = new Queue(BASELINE_QUEUE, { connection: redisOf(config), prefix: BASELINE_PREFIX });
  for (let at = 0; at < BASELINE_JOBS; at += 1000) {
    await queue.addBulk(Array.from({ length: Math.min(1000, BASELINE_JOBS - at) }, (_, k) => ({ name: 'noop', data: { n: at + k }, opts: remove ? { removeOnComplete: true } : {} })));
  }
  let done = 0;
  let finished: () => void = () => undefined;
  const all = new Promise<void>((r) => (finished = r));
  const worker = new Worker(BASELINE_QUEUE, async () => undefined, {
    connection: { ...redisOf(config), maxRetriesPerRequest: null },
    prefix: BASELINE_PREFIX,
    concurrency,
    autorun: false,
  });
  worker.on('completed', () => ++done === BASELINE_JOBS && finished());
  worker.on('failed', (_job, err) => log(`  baseline job failed: ${err.message}`));
  try {
    await worker.waitUntilReady();
    const t0 = now();
    void worker.run();
    await Promise.race([all, sleep(300_000).then(() => Promise.reject(new Error(`baseline: ${done} of ${BASELINE_JOBS} jobs after 300 s`)))]);
    return (now() - t0) / 1000;
  } finally {
    await worker.close();
    await queue.close();
    await clearQueues(config, BASELINE_PREFIX);
  }
}

async function baseline(config: AppConfig): Promise<{ setting: BaselineSetting; runs: number[]; probe: Record<string, number> }> {
  const probe: Record<string, number> = {};
  let setting: BaselineSetting;
  if (process.env.BENCH_BASELINE_CONCURRENCY) {
    setting = { concurrency: Number(process.env.BENCH_BASELINE_CONCURRENCY), remove: process.env.BENCH_BASELINE_REMOVE !== '0' };
  } else {
    let best = { perS: 0, setting: BASELINE_PROBE[0] };
    for (const s of BASELINE_PROBE) {
      const perS = Math.round(BASELINE_JOBS / (await baselineRun(config, s)));
      probe[settingName(s)] = perS;
      log(`  probe ${settingName(s)}: ${perS} jobs/s`);
      if (perS > best.perS) best = { perS, setting: s };
    }
    setting = best.setting;
  }
  const runs: number[] = [];
  for (let r = 0; r < BASELINE_RUNS; r++) {
    const s = await baselineRun(config, setting);
    runs.push(BASELINE_JOBS / s);
    log(`  run ${r + 1} with ${settingName(setting)}: ${s.toFixed(3)} s, ${Math.round(BASELINE_JOBS / s)} jobs/s`);
  }
  return { setting, runs, probe };
}

// ---------------------------------------------------------------- the fan-out

function post(path: string, token: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port: PORT, method: 'POST', path: `/api/v1${path}`, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'content-length': 2 } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.setTimeout(60_000, () => req.destroy(new Error('no answer within 60 s')));
    req.on('error', reject);
    req.end('{}');
  });
}

interface FanoutFigures {
  key: string;
  httpMs: number;
  enqueueS: number;
  deliveredS: number;
  phaseS: number;
  inboxJobs: number;
  firstRowS: number | null;
}

async function fanout(config: AppConfig, conn: Connection, token: string): Promise<FanoutFigures> {
  const notify = new Queue(QUEUES.notify, { connection: redisOf(config), prefix: QUEUE_PREFIX });
  const inbox = new Queue(QUEUES.notifyInbox, { connection: redisOf(config), prefix: QUEUE_PREFIX });
  try {
    const sent = now();
    const res = await post('/items/1/publication/notice', token);
    const trigger = now();
    const triggerEpoch = Date.now();
    if (res.status !== 200) throw new Error(`POST /items/1/publication/notice: ${res.status} ${res.body.slice(0, 300)}`);
    const [row] = await rowsOf<{ payload: unknown }>(conn, "SELECT payload FROM outbox WHERE job_name = 'notify.fanout' ORDER BY id DESC LIMIT 1");
    if (!row) throw new Error('the publication wrote no notify.fanout outbox row');
    const payload = (typeof row.payload === 'string' ? JSON.parse(row.payload) : row.payload) as { key: string; trigger: string };
    if (payload.trigger !== 'results.published') throw new Error(`unexpected trigger ${payload.trigger}`);
    const key = payload.key;
    const jobId = bullJobId(await instanceId((sql) => rowsOf(conn, sql)), 'notify.fanout', payload as never);

    // Both watched at once: the fan-out job in Redis and the rows in MySQL.
    let fanoutDoneEpoch: number | null = null;
    let firstRow: number | null = null;
    let lastRow: number | null = null;
    const deadline = trigger + 600_000;
    while (lastRow === null || fanoutDoneEpoch === null) {
      if (fanoutDoneEpoch === null) {
        const job = await notify.getJob(jobId);
        if (job?.failedReason) throw new Error(`fan-out job failed: ${job.failedReason}`);
        if (job?.finishedOn) fanoutDoneEpoch = job.finishedOn;
      }
      if (lastRow === null) {
        const [{ n }] = await rowsOf<{ n: number }>(conn, 'SELECT COUNT(*) AS n FROM notifications WHERE ref = ?', [key]);
        if (Number(n) > 0 && firstRow === null) firstRow = now();
        if (Number(n) >= RECIPIENTS) lastRow = now();
      }
      if (now() > deadline) throw new Error('the fan-out did not finish within 600 s');
      if (lastRow === null || fanoutDoneEpoch === null) await sleep(POLL_MS);
    }
    const counts = await inbox.getJobCounts('completed', 'failed', 'waiting', 'active', 'delayed', 'prioritized', 'waiting-children');
    const inboxJobs = Object.values(counts).reduce((a, b) => a + b, 0);
    const enqueueS = (fanoutDoneEpoch - triggerEpoch) / 1000;
    const deliveredS = (lastRow - trigger) / 1000;
    return { key, httpMs: trigger - sent, enqueueS, deliveredS, phaseS: deliveredS - enqueueS, inboxJobs, firstRowS: firstRow === null ? null : (firstRow - trigger) / 1000 };
  } finally {
    await Promise.all([notify.close(), inbox.close()]);
  }
}

/** Everyone once, nobody else, texts rendered in their language with names intact. */
async function check(conn: Connection, key: string): Promise<string[]> {
  const problems: string[] = [];
  const [c] = await rowsOf<{ n: number; people: number; strangers: number; unrendered: number; wrongLocale: number; wrongText: number; deliveries: number; pending: number; zh: number; en: number }>(
    conn,
    `SELECT COUNT(*) AS n, COUNT(DISTINCT n.user_id) AS people,
            SUM(e.id IS NULL) AS strangers,
            SUM(n.title LIKE '%{{%' OR n.body LIKE '%{{%' OR n.title LIKE '%}}%' OR n.body LIKE '%}}%') AS unrendered,
            SUM(n.locale <> u.language) AS wrongLocale,
            SUM(CASE n.locale
                  WHEN 'zh-CN' THEN NOT (n.title = CONCAT('成绩公示：', ?) AND n.body LIKE CONCAT(u.real_name, '，「', ?, '」', ?, '的成绩已公示，公示期至 %'))
                  ELSE NOT (n.title = CONCAT('Results published: ', ?) AND n.body LIKE CONCAT(u.real_name, ', the results of ', ?, ' at ', ?, ' are on public notice until %'))
                END) AS wrongText,
            SUM(n.locale = 'zh-CN') AS zh, SUM(n.locale = 'en') AS en,
            (SELECT COUNT(*) FROM notification_deliveries) AS deliveries,
            (SELECT COUNT(*) FROM outbox WHERE dispatched_at IS NULL) AS pending
       FROM notifications n JOIN users u ON u.id = n.user_id
       LEFT JOIN entries e ON e.user_id = n.user_id AND e.item_id = 1 AND e.status = 'approved'
      WHERE n.ref = ?`,
    [ITEM_NAME, EVENT_NAME, ITEM_NAME, ITEM_NAME, ITEM_NAME, EVENT_NAME, key],
  );
  const [all] = await rowsOf<{ n: number; dup: number }>(conn, 'SELECT COUNT(*) AS n, COUNT(*) - COUNT(DISTINCT user_id, ref) AS dup FROM notifications');
  const [sample] = await rowsOf<{ title: string; body: string }>(conn, "SELECT title, body FROM notifications WHERE ref = ? AND locale = 'zh-CN' ORDER BY id LIMIT 1", [key]);
  log(`  check: ${c.n} notifications (${c.zh} zh-CN, ${c.en} en) for ${c.people} people; ${all.n} in all, ${all.dup} duplicates; sample: ${sample?.title} / ${sample?.body}`);
  if (Number(c.n) !== RECIPIENTS) problems.push(`${c.n} notifications for the key, expected ${RECIPIENTS}`);
  if (Number(c.people) !== RECIPIENTS) problems.push(`${c.people} distinct recipients, expected ${RECIPIENTS}`);
  if (Number(all.n) !== RECIPIENTS || Number(all.dup)) problems.push(`${all.n} notifications in all with ${all.dup} duplicates`);
  if (Number(c.strangers)) problems.push(`${c.strangers} notifications for people without an approved entry`);
  if (Number(c.unrendered)) problems.push(`${c.unrendered} texts with placeholders left`);
  if (Number(c.wrongLocale)) problems.push(`${c.wrongLocale} notifications not in the person's language`);
  if (Number(c.wrongText)) problems.push(`${c.wrongText} texts differ from the built-in template filled with the names`);
  if (Number(c.deliveries)) problems.push(`${c.deliveries} external deliveries, expected none`);
  if (Number(c.pending)) problems.push(`${c.pending} outbox rows not dispatched`);
  return problems;
}

// ---------------------------------------------------------------- main

async function main(): Promise<number> {
  const t0 = Date.now();
  mkdirSync(LOG_DIR, { recursive: true });
  const env: NodeJS.ProcessEnv = { ...process.env, DB_NAME, QUEUE_PREFIX, HTTP_PORT: String(PORT), LOG_LEVEL: process.env.BENCH_LOG_LEVEL || 'warn' };
  // The product defaults apply to the apps, not whatever the caller's shell has set; in-app channel only.
  for (const k of ['WORKER_CONCURRENCY', 'OUTBOX_POLL_MS', 'NOTIFY_BATCH', 'NOTIFY_INBOX_PER_S', 'SMTP_URL', 'SMS_GATEWAY_URL']) delete env[k];
  if (process.env.BENCH_WORKER_CONCURRENCY) env.WORKER_CONCURRENCY = process.env.BENCH_WORKER_CONCURRENCY;
  if (process.env.BENCH_NOTIFY_BATCH) env.NOTIFY_BATCH = process.env.BENCH_NOTIFY_BATCH;
  if (process.env.BENCH_NOTIFY_INBOX_PER_S) env.NOTIFY_INBOX_PER_S = process.env.BENCH_NOTIFY_INBOX_PER_S;
  await ensureLocalServices(loadConfig(env));
  env.DB_SOCKET ||= await localSocket(loadConfig(env));
  const config = loadConfig(env);
  const guard = await dbConnection(config, null);
  const [[{ got }]] = (await guard.query('SELECT GET_LOCK(?, 0) AS got', [`bench:notify:${DB_NAME}`])) as unknown as [{ got: number }[]];
  if (!Number(got)) throw new Error(`another bench:notify is running against ${DB_NAME} on this server; wait for it to finish`);
  if (await listening(PORT)) throw new Error(`port ${PORT} is already in use; stop whatever listens there first`);
  const [load1] = loadavg();
  if (load1 > 0.5 * cpus().length) log(`warning: the machine is busy (load ${load1.toFixed(2)} on ${cpus().length} cores); figures will be noisier`);
  log(`bench:notify: ${RECIPIENTS} recipients; database ${DB_NAME} via ${config.dbAddress}; Redis ${config.redisAddress}; logs in ${LOG_DIR}`);

  try {
    if (process.env.BENCH_REUSE === '1') {
      const conn = await dbConnection(config);
      await reset(conn).finally(() => conn.end());
      log('reusing the loaded database (BENCH_REUSE=1): notifications, publication and outbox emptied');
    } else {
      const ds = await freshMigratedDataSource(config);
      await ds.destroy();
      await load(config);
      log(`loaded in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    }
    await clearQueues(config, QUEUE_PREFIX);

    log(`baseline: bare BullMQ worker, ${BASELINE_JOBS} no-op jobs (apps stopped):`);
    const base = await baseline(config);
    const baselinePerS = median(base.runs);

    const conn = await dbConnection(config);
    try {
      const api = spawnApp('api', 'apps/api/src/main.js', env);
      const worker = spawnApp('worker', 'apps/worker/src/main.js', env);
      await Promise.all([waitHealthy(api, PORT), waitConsumers(worker, config, QUEUE_PREFIX, [QUEUES.notify, QUEUES.notifyInbox], config.workerProcesses)]);
      const token = mintToken(config.JWT_SECRET, ORGANIZER_ID, 'bench-organizer', [{ role: 'organizer', orgId: DISTRICT_ID, path: `/${CITY_ID}/${DISTRICT_ID}/` }]);

      log(`fan-out: results of item 1 published on notice through POST /api/v1/items/1/publication/notice:`);
      const dbPid = serverPid();
      const cpuBefore = [cpuSeconds(worker.proc.pid), cpuSeconds(dbPid)];
      const f = await fanout(config, conn, token);
      const cpu = [cpuSeconds(worker.proc.pid), cpuSeconds(dbPid)].map((c, i) => (c === null || cpuBefore[i] === null ? null : round(c - cpuBefore[i]!, 1)));
      const deliveredPerS = RECIPIENTS / f.deliveredS;
      const phasePerS = RECIPIENTS / f.phaseS;
      log(`  HTTP answer after ${f.httpMs.toFixed(0)} ms; enqueue_s ${f.enqueueS.toFixed(3)} (fan-out job finished, ${f.inboxJobs} inbox jobs in the queue)`);
      log(`  first inbox row after ${f.firstRowS?.toFixed(3)} s; all ${RECIPIENTS} after ${f.deliveredS.toFixed(3)} s: ${Math.round(deliveredPerS)}/s end to end, ${Math.round(phasePerS)}/s after the fan-out (${f.phaseS.toFixed(3)} s)`);
      log(`  CPU meanwhile: worker ${cpu[0] ?? '?'} s, database server ${cpu[1] ?? '?'} s`);

      const problems = await check(conn, f.key);
      const expectedJobs = Math.ceil(RECIPIENTS / config.NOTIFY_BATCH);
      if (f.inboxJobs !== expectedJobs) problems.push(`${f.inboxJobs} inbox jobs, expected ${expectedJobs} (NOTIFY_BATCH ${config.NOTIFY_BATCH})`);
      for (const c of [api, worker]) if (c.proc.exitCode !== null) problems.push(`${c.name} died during the run (exit ${c.proc.exitCode})`);

      const ratio = deliveredPerS / baselinePerS;
      log(`baseline_per_s ${Math.round(baselinePerS)} (median of ${base.runs.map((r) => Math.round(r)).join(', ')} with ${settingName(base.setting)}); ratio ${ratio.toFixed(2)} (target ≥ 0.5); enqueue_s target < 2`);
      log(`bench took ${((Date.now() - t0) / 1000).toFixed(1)} s; load average now ${loadavg()[0].toFixed(2)} on ${cpus().length} cores`);
      for (const p of problems) log(`PROBLEM: ${p}`);
      if (problems.length) log(`child logs: ${LOG_DIR}`);
      log(
        JSON.stringify({
          bench: 'notify',
          enqueue_s: round(f.enqueueS, 3),
          delivered_per_s: round(deliveredPerS, 1),
          baseline_per_s: round(baselinePerS, 1),
          ratio: round(ratio, 2),
          delivery_phase_per_s: round(phasePerS, 1),
          inbox_jobs_per_s: round(f.inboxJobs / f.phaseS, 1),
          delivered_s: round(f.deliveredS, 3),
          http_ms: round(f.httpMs, 1),
          inbox_jobs: f.inboxJobs,
          baseline_setting: settingName(base.setting),
          baseline_runs_per_s: base.runs.map((r) => round(r, 1)),
          baseline_probe_per_s: base.probe,
          cpu_worker_s: cpu[0],
          cpu_db_s: cpu[1],
          recipients: RECIPIENTS,
          notify_batch: config.NOTIFY_BATCH,
          inbox_per_s: config.NOTIFY_INBOX_PER_S,
          worker_concurrency: config.WORKER_CONCURRENCY,
          db_transport: config.DB_SOCKET ? 'unix socket' : 'tcp',
          problems: problems.length,
        }),
      );
      return problems.length ? 1 : 0;
    } finally {
      await conn.end();
    }
  } catch (err) {
    throw new Error(`${(err as Error).message}\n${childTails()}`);
  } finally {
    await stopAll();
    await guard.end();
  }
}

runBench('bench:notify', LOG_DIR, main);
