import { mkdirSync } from 'node:fs';
import http from 'node:http';
import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { type AppConfig, loadConfig } from '@app/config';
import { freshMigratedDataSource } from '@app/composition';
import { QUEUES } from '@app/queue';
import {
  type Child,
  callJson,
  chineseName,
  childTails,
  cpuMeter,
  cpuMsPer,
  clearQueues,
  dbConnection,
  insertBatches,
  insertOrgTree,
  listening,
  localSocket,
  log,
  mintToken,
  percentile,
  round,
  runBench,
  serverPid,
  spawnApp,
  stopAll,
  TREE,
  waitConsumers,
  waitHealthy,
} from './bench-support';
import { ensureLocalServices } from './local-services';

/**
 * `npm run bench:matches`: match items through the HTTP API, against absolute targets.
 *
 *  1. MySQL and Redis up; `union_events_bench_matches` dropped, recreated, migrated, and loaded
 *     with SQL: the district's organiser and one umpire, 2,024 contestants of 20 enterprise
 *     unions, one sports meet with a tennis item (1,024 approved entries) and a Go item (1,000).
 *  2. API and worker from dist/. Through the API, as an organiser would: the tennis item made a
 *     single elimination with 32 seeds, its entrants set, the draw made, the umpire assigned.
 *     Then the draw is played to the end: each round, every match ready to play gets its result
 *     (POST /matches/:id/result, a tennis score checked by the rules), sent by 16 concurrent
 *     clients; each accepted result has filled the next match before it answers.
 *     result_p95_ms: p95 of those 1,023 requests (sent → answered). Target < 50.
 *  3. The Go item: a Swiss of 9 rounds. Each round POST /matches/items/:id/swiss/rounds pairs
 *     it (the Dutch pairing of domain/swiss on 1,000 players, stored in one transaction), then
 *     the 500 boards get their results from 16 concurrent clients. swiss_pair_max_s: the slowest
 *     pairing request of the 9. Target < 2. The run fails if a pair repeats or a player has two byes.
 *     BENCH_MATCHES_SWISS=0 leaves the Swiss out (swiss_pair_max_s null).
 *
 * Tokens are minted with the bench's JWT_SECRET; child output goes to /tmp/bench-matches. The
 * last stdout line is the JSON summary; a missed target is a measurement, not a failure.
 */

const LOG_DIR = '/tmp/bench-matches';
const DB_NAME = 'union_events_bench_matches';
const PORT = 3421;
const QUEUE_PREFIX = 'bench-matches';
const KNOCKOUT = 1024;
const SWISS = 1000;
const SWISS_ROUNDS = 9;
const CLIENTS = 16;
const UMPIRE_ID = 2;
const FIRST_CONTESTANT_ID = 10;
const { districtId: DISTRICT_ID, cityId: CITY_ID, firstEnterpriseId: FIRST_ENTERPRISE_ID, enterprises: ENTERPRISES, organizerId: ORGANIZER_ID } = TREE;

const now = () => performance.now();
const p95 = (xs: number[]) => percentile([...xs].sort((a, b) => a - b), 95);

async function load(config: AppConfig): Promise<{ eventId: number; tennis: number; go: number; tennisEntries: number[]; goEntries: number[] }> {
  const conn = await dbConnection(config);
  try {
    await conn.query('SET unique_checks = 0, foreign_key_checks = 0');
    await insertOrgTree(conn);
    const people = KNOCKOUT + SWISS;
    const users: unknown[][] = [
      [ORGANIZER_ID, 'bench-organizer', '!bench-no-login', '钱主任'],
      [UMPIRE_ID, 'bench-umpire', '!bench-no-login', '孙裁判'],
    ];
    const roles: unknown[][] = [
      [ORGANIZER_ID, DISTRICT_ID, 'organizer'],
      [UMPIRE_ID, DISTRICT_ID, 'judge'],
    ];
    for (let c = 0; c < people; c++) {
      users.push([FIRST_CONTESTANT_ID + c, `player${String(c + 1).padStart(5, '0')}`, '!bench-no-login', `${chineseName(c)}${c}`]);
      roles.push([FIRST_CONTESTANT_ID + c, FIRST_ENTERPRISE_ID + (c % ENTERPRISES), 'contestant']);
    }
    await insertBatches(conn, 'INSERT INTO users (id, username, password_hash, real_name) VALUES ?', users);
    await insertBatches(conn, 'INSERT INTO role_assignments (user_id, organisation_id, role) VALUES ?', roles);
    const [event] = (await conn.query(
      "INSERT INTO events (organisation_id, kind, name, status, starts_on, ends_on, created_by, bib_prefix) VALUES (?, 'sports_meet', ?, 'in_progress', '2026-12-12', '2026-12-20', ?, 'YD')",
      [DISTRICT_ID, '2026年拱墅区职工运动会', ORGANIZER_ID],
    )) as unknown as [{ insertId: number }];
    const eventId = event.insertId;
    await insertBatches(conn, 'INSERT INTO event_items (id, event_id, name) VALUES ?', [
      [1, eventId, '网球男子单打'],
      [2, eventId, '围棋个人赛'],
    ]);
    const entries: unknown[][] = [];
    for (let c = 0; c < people; c++) {
      const item = c < KNOCKOUT ? 1 : 2;
      const user = FIRST_CONTESTANT_ID + c;
      entries.push([c + 1, eventId, item, user, user, FIRST_ENTERPRISE_ID + (c % ENTERPRISES), 'approved', `YD${String(c + 1).padStart(5, '0')}`, ORGANIZER_ID]);
    }
    await insertBatches(conn, 'INSERT INTO entries (id, event_id, item_id, user_id, active_user_id, organisation_id, status, bib, registered_by) VALUES ?', entries);
    return {
      eventId,
      tennis: 1,
      go: 2,
      tennisEntries: Array.from({ length: KNOCKOUT }, (_, i) => i + 1),
      goEntries: Array.from({ length: SWISS }, (_, i) => KNOCKOUT + i + 1),
    };
  } finally {
    await conn.end();
  }
}

const agent = new http.Agent({ keepAlive: true, maxSockets: CLIENTS });

function client(token: string) {
  return (method: string, path: string, body?: unknown) => callJson(agent, PORT, token, method, `/api/v1${path}`, method === 'GET' ? undefined : (body ?? {}));
}

/** Runs the tasks with `n` at a time. */
async function concurrently<T>(tasks: (() => Promise<T>)[], n: number): Promise<T[]> {
  const out: T[] = new Array(tasks.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: n }, async () => {
      while (next < tasks.length) {
        const i = next++;
        out[i] = await tasks[i]();
      }
    }),
  );
  return out;
}

async function main(): Promise<number> {
  const t0 = Date.now();
  mkdirSync(LOG_DIR, { recursive: true });
  const env: NodeJS.ProcessEnv = { ...process.env, DB_NAME, QUEUE_PREFIX, HTTP_PORT: String(PORT), LOG_LEVEL: process.env.BENCH_LOG_LEVEL || 'warn' };
  delete env.WORKER_CONCURRENCY;
  delete env.WORKER_PROCESSES;
  delete env.OUTBOX_POLL_MS;
  await ensureLocalServices(loadConfig(env));
  env.DB_SOCKET ||= await localSocket(loadConfig(env));
  const config = loadConfig(env);
  const guard = await dbConnection(config, null);
  const [[{ got }]] = (await guard.query('SELECT GET_LOCK(?, 0) AS got', [`bench:matches:${DB_NAME}`])) as unknown as [{ got: number }[]];
  if (!Number(got)) throw new Error(`another bench:matches is running against ${DB_NAME} on this server; wait for it to finish`);
  if (await listening(PORT)) throw new Error(`port ${PORT} is already in use; stop whatever listens there first`);
  const [load1] = loadavg();
  if (load1 > 0.5 * cpus().length) log(`warning: the machine is busy (load ${load1.toFixed(2)} on ${cpus().length} cores); figures will be noisier`);

  const ds = await freshMigratedDataSource(config);
  await ds.destroy();
  const fx = await load(config);
  await clearQueues(config, QUEUE_PREFIX);
  log(`bench:matches: loaded ${KNOCKOUT + SWISS} entries in ${((Date.now() - t0) / 1000).toFixed(1)} s; logs in ${LOG_DIR}`);

  const problems: string[] = [];
  let api: Child | null = null;
  let worker: Child | null = null;
  try {
    api = spawnApp('api', 'apps/api/src/main.js', env);
    worker = spawnApp('worker', 'apps/worker/src/main.js', env);
    await Promise.all([waitHealthy(api, PORT), waitConsumers(worker, config, QUEUE_PREFIX, [QUEUES.tally], config.workerProcesses)]);
    const organizer = client(mintToken(config.JWT_SECRET, ORGANIZER_ID, 'bench-organizer', [{ role: 'organizer', orgId: DISTRICT_ID, path: `/${CITY_ID}/${DISTRICT_ID}/` }]));
    const umpire = client(mintToken(config.JWT_SECRET, UMPIRE_ID, 'bench-umpire', [{ role: 'judge', orgId: DISTRICT_ID, path: `/${CITY_ID}/${DISTRICT_ID}/` }]));
    const must = async (p: Promise<{ status: number; body: any }>, what: string) => {
      const r = await p;
      if (r.status >= 300) throw new Error(`${what}: ${r.status} ${JSON.stringify(r.body)}`);
      return r.body;
    };

    // ---- the knockout
    await must(organizer('PUT', `/matches/items/${fx.tennis}`, { format: 'single_elimination', settings: { sport: 'tennis', tennis: { bestOf: 3, finalSet: 'match_tiebreak' } } }), 'configure tennis');
    const set = await must(
      organizer('PUT', `/matches/items/${fx.tennis}/entrants`, { entrants: fx.tennisEntries.map((entryId, i) => ({ entryId, seed: i < 32 ? i + 1 : null })) }),
      'tennis entrants',
    );
    const strength = new Map<number, number>(set.participants.map((p: { id: number; entryId: number }) => [p.id, p.entryId]));
    const tDraw = now();
    await must(organizer('POST', `/matches/items/${fx.tennis}/draw`, { lotSeed: 2026 }), 'draw');
    log(`knockout: ${KNOCKOUT} players drawn in ${round((now() - tDraw) / 1000, 2)} s`);
    await must(organizer('POST', `/matches/items/${fx.tennis}/officials`, { userId: UMPIRE_ID }), 'umpire');
    const resultMs: number[] = [];
    // CPU spent over the results, per result: on two shared cores the p95 is what they add up to
    const cpu = cpuMeter({ api: api!.proc.pid, worker: worker!.proc.pid, db: serverPid() });
    const tResults = now();
    for (let r = 1; ; r++) {
      const bracket = await must(organizer('GET', `/matches/items/${fx.tennis}/bracket`), 'bracket');
      const ready = (bracket.matches as { id: number; status: number; opponent1: { id: number | null } | null; opponent2: { id: number | null } | null }[]).filter(
        (x) => x.status === 2 && x.opponent1?.id != null && x.opponent2?.id != null,
      );
      if (!ready.length) break;
      const answers = await concurrently(
        ready.map((x) => () => {
          // the lower entry id is the stronger player: the seeds go through
          const aWins = strength.get(x.opponent1!.id!)! < strength.get(x.opponent2!.id!)!;
          return umpire('POST', `/matches/${x.id}/result`, { score: aWins ? '6-4 3-6 [10-7]' : '4-6 6-3 [7-10]' });
        }),
        CLIENTS,
      );
      for (const a of answers) {
        if (a.status !== 200) problems.push(`result refused: ${a.status} ${JSON.stringify(a.body)}`);
        resultMs.push(a.ms);
      }
      log(`  round ${r}: ${ready.length} results, p95 ${round(p95(answers.map((a) => a.ms)), 1)} ms`);
    }
    const cpuUse = cpu();
    const resultsS = (now() - tResults) / 1000;
    const cpuMsPerResult = cpuMsPer(cpuUse, resultMs.length, 2);
    log(`knockout: ${resultMs.length} results in ${round(resultsS, 2)} s (${round(resultMs.length / resultsS, 1)}/s); CPU ms per result ${JSON.stringify(cpuMsPerResult)}`);
    if (resultMs.length !== KNOCKOUT - 1) problems.push(`${resultMs.length} results entered, ${KNOCKOUT - 1} expected`);

    // ---- the Swiss (BENCH_MATCHES_SWISS=0: the knockout alone, to measure the result path quickly)
    const swiss = process.env.BENCH_MATCHES_SWISS !== '0';
    if (swiss) {
      await must(organizer('PUT', `/matches/items/${fx.go}`, { format: 'swiss', settings: { sport: 'go', rounds: SWISS_ROUNDS } }), 'configure go');
      await must(organizer('PUT', `/matches/items/${fx.go}/entrants`, { entrants: fx.goEntries.map((entryId, i) => ({ entryId, rating: 3000 - i })) }), 'go entrants');
      await must(organizer('POST', `/matches/items/${fx.go}/officials`, { userId: UMPIRE_ID }), 'arbiter');
    }
    const pairS: number[] = [];
    const met = new Set<string>();
    const byes = new Map<number, number>();
    for (let r = 1; swiss && r <= SWISS_ROUNDS; r++) {
      const paired = await organizer('POST', `/matches/items/${fx.go}/swiss/rounds`);
      if (paired.status !== 201) throw new Error(`pairing round ${r}: ${paired.status} ${JSON.stringify(paired.body)}`);
      pairS.push(paired.ms / 1000);
      const boards = paired.body.boards as { board: number; firstId: number; secondId: number | null }[];
      for (const b of boards) {
        if (b.secondId === null) {
          byes.set(b.firstId, (byes.get(b.firstId) ?? 0) + 1);
          continue;
        }
        const key = [b.firstId, b.secondId].sort((x, y) => x - y).join('-');
        if (met.has(key)) problems.push(`round ${r}: ${key} met before`);
        met.add(key);
      }
      const answers = await concurrently(
        boards
          .filter((b) => b.secondId !== null)
          .map((b) => () => umpire('POST', `/matches/items/${fx.go}/swiss/rounds/${r}/boards/${b.board}/result`, { result: b.firstId < b.secondId! ? '1-0' : '0-1' })),
        CLIENTS,
      );
      for (const a of answers) if (a.status !== 200) problems.push(`board result refused: ${a.status} ${JSON.stringify(a.body)}`);
      log(`  Swiss round ${r}: paired in ${round(paired.ms / 1000, 3)} s, ${answers.length} results (p95 ${round(p95(answers.map((a) => a.ms)), 1)} ms)`);
    }
    for (const [id, n] of byes) if (n > 1) problems.push(`participant ${id} had ${n} byes`);
    for (const c of [api, worker]) if (c.proc.exitCode !== null) problems.push(`${c.name} died during the run (exit ${c.proc.exitCode})`);

    const resultP95 = round(p95(resultMs), 1);
    const pairMax = pairS.length ? round(Math.max(...pairS), 3) : null;
    log(`result_p95_ms ${resultP95} (target < 50); swiss_pair_max_s ${pairMax} (target < 2); bench took ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    for (const p of problems.slice(0, 20)) log(`PROBLEM: ${p}`);
    log(JSON.stringify({ bench: 'matches', result_p95_ms: resultP95, swiss_players: swiss ? SWISS : 0, swiss_pair_max_s: pairMax, swiss_rounds: swiss ? SWISS_ROUNDS : 0, results: resultMs.length, results_per_s: round(resultMs.length / resultsS, 1), cpu_ms_per_result: cpuMsPerResult, problems: problems.length }));
    return problems.length ? 1 : 0;
  } catch (err) {
    throw new Error(`${(err as Error).message}\n${childTails()}`);
  } finally {
    await stopAll();
    await guard.end();
  }
}

runBench('bench:matches', LOG_DIR, main);
