import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { connect } from 'node:net';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { AppConfig } from '@app/config';
import { API_ENV, API_NODE_ARGS, API_SCRIPT } from './api-process';
import type { QueueName } from '@app/queue';
import { Queue } from 'bullmq';
import { JwtService } from '@nestjs/jwt';
import Redis from 'ioredis';
import { type Connection, createConnection } from 'mysql2/promise';

/** What every benchmark script needs: child apps with their logs, a database connection, tokens, figures. */

const DIST = join(__dirname, '..');

export const log = (line = '') => process.stdout.write(`${line}\n`);
export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
export const round = (n: number, digits: number) => Number(n.toFixed(digits));

/** Deterministic PRNG (mulberry32), so every run draws the same numbers. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function shuffle<T>(items: T[], rand: () => number): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [items[i], items[j]] = [items[j], items[i]];
  }
  return items;
}

/** Nearest-rank percentile of values sorted ascending. */
export function percentile(sorted: ArrayLike<number>, p: number): number {
  if (!sorted.length) return 0;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

/**
 * An access token shaped like AuthService.issue() makes them, valid for an hour, signed with the same
 * library: `ver` is the token version of a user whose tokens were never revoked (0); the API reads the
 * caller's roles from the database, so `roles` is only a label for whoever reads the token.
 */
export function mintToken(secret: string, userId: number, username: string, roles: { role: string; orgId: number; path: string }[]): string {
  return new JwtService({ secret }).sign({ sub: String(userId), ver: 0, name: username, roles }, { algorithm: 'HS256', expiresIn: 3600 });
}

/**
 * One JSON request as a signed-in caller, over a keep-alive agent. node:http rather than fetch: the
 * load generator shares the two cores with the platform it measures, and fetch costs it several
 * times the CPU per request.
 */
export function callJson<T = any>(agent: http.Agent, port: number, token: string, method: string, path: string, body?: unknown): Promise<{ status: number; body: T; ms: number }> {
  const text = body === undefined ? '' : JSON.stringify(body);
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port, method, path, agent, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const raw = Buffer.concat(chunks).toString('utf8');
          resolve({ status: res.statusCode ?? 0, body: (raw ? JSON.parse(raw) : null) as T, ms: performance.now() - started });
        });
        res.on('error', reject);
      },
    );
    req.setTimeout(120_000, () => req.destroy(new Error('no answer within 120 s')));
    req.on('error', reject);
    req.end(text);
  });
}

export const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦';

export function listening(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    const done = (ok: boolean) => (socket.destroy(), resolve(ok));
    socket.setTimeout(500, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

function tail(file: string, lines = 40): string {
  try {
    return readFileSync(file, 'utf8').split('\n').slice(-lines - 1).join('\n');
  } catch {
    return '(no output)';
  }
}

// ---------------------------------------------------------------- child processes

export interface Child {
  name: string;
  proc: ChildProcess;
  logFile: string;
}

const children: Child[] = [];
let logDir = '/tmp';

/** An app from dist/ with its output in `<logDir>/<name>.log`; BENCH_CHILD_NODE_ARGS (e.g. --cpu-prof) go to node. */
export function spawnApp(name: string, script: string, env: NodeJS.ProcessEnv): Child {
  const logFile = join(logDir, `${name}.log`);
  const fd = openSync(logFile, 'w');
  const nodeArgs = (process.env.BENCH_CHILD_NODE_ARGS ?? '').split(/\s+/).filter(Boolean);
  // The API runs as `npm start` runs it (scripts/api-process.ts).
  const api = script === API_SCRIPT;
  const proc = spawn(process.execPath, [...(api ? API_NODE_ARGS : []), ...nodeArgs, join(DIST, script)], { env: api ? { ...env, ...API_ENV } : env, stdio: ['ignore', fd, fd] });
  closeSync(fd);
  const child = { name, proc, logFile };
  children.push(child);
  return child;
}

export async function stopChild(child: Child): Promise<void> {
  const { proc } = child;
  if (proc.exitCode === null && proc.signalCode === null) {
    const exited = new Promise((r) => proc.once('exit', r));
    proc.kill('SIGTERM');
    const timer = setTimeout(() => proc.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  }
  children.splice(children.indexOf(child), 1);
}

export const stopAll = () => Promise.all([...children].map(stopChild));

/** The last lines of every running child's log, to attach to an error. */
export function childTails(): string {
  return children.map((c) => `--- ${c.name} (${c.logFile}) ---\n${tail(c.logFile)}`).join('\n');
}

export async function waitHealthy(child: Child, port: number): Promise<void> {
  // Generous: on a busy two-core machine an app under --cpu-prof took over a minute to start.
  const deadline = Date.now() + 180_000;
  for (;;) {
    if (child.proc.exitCode !== null) throw new Error(`${child.name} exited with ${child.proc.exitCode} before answering /health`);
    const ok = await fetch(`http://127.0.0.1:${port}/health`).then((r) => r.ok, () => false);
    if (ok) return;
    if (Date.now() > deadline) throw new Error(`${child.name} did not answer /health within 180 s`);
    await sleep(200);
  }
}

// ---------------------------------------------------------------- services

export const dbConnection = (config: AppConfig, database: string | null = config.DB_NAME): Promise<Connection> =>
  createConnection({
    ...config.dbEndpoint,
    user: config.DB_USER,
    password: config.DB_PASSWORD,
    database: database ?? undefined,
    charset: 'utf8mb4_unicode_ci',
    timezone: 'Z',
  });

/** The server's Unix socket, if it has one on this machine. */
export async function localSocket(config: AppConfig): Promise<string> {
  // No database named: on a fresh machine the bench's own does not exist yet.
  const conn = await dbConnection(config, null);
  try {
    const [[row]] = (await conn.query('SELECT @@socket AS socket')) as unknown as [{ socket: string | null }[]];
    return row.socket && existsSync(row.socket) ? row.socket : '';
  } finally {
    await conn.end();
  }
}

/** Old BullMQ keys of the bench's prefix would point at a database that no longer exists. */
export async function clearQueues(config: AppConfig, prefix: string): Promise<void> {
  const redis = new Redis({ host: config.REDIS_HOST, port: config.REDIS_PORT, db: config.REDIS_DB, lazyConnect: true });
  try {
    await redis.connect();
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      if (keys.length) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}

// ---------------------------------------------------------------- running

/**
 * Runs a benchmark's main: child logs go to `dir`; every child is stopped on exit, on a signal
 * and on failure (never an app left running behind); the exit code is main's.
 */
export function runBench(name: string, dir: string, main: () => Promise<number>): void {
  logDir = dir;
  let exiting = false;
  const shutdown = async (code: number): Promise<never> => {
    if (!exiting) {
      exiting = true;
      await stopAll().catch(() => undefined);
    }
    process.exit(code);
  };
  process.on('SIGINT', () => void shutdown(130));
  process.on('SIGTERM', () => void shutdown(143));
  process.on('exit', () => children.forEach((c) => c.proc.exitCode === null && c.proc.kill('SIGKILL')));
  main().then(
    (code) => shutdown(code),
    (err: unknown) => {
      console.error(`${name}: ${err instanceof Error ? err.message : err}`);
      void shutdown(1);
    },
  );
}

/** The pids a process has started (a worker's processes), from /proc; none once it has exited. */
export function childPids(pid: number | undefined): number[] {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').split(' ').filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

/** CPU seconds (user + system) a process and its children (a worker's processes) have used so far, from /proc; null where there is none. */
export function cpuSeconds(pid: number | undefined): number | null {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    let s = (Number(fields[11]) + Number(fields[12])) / 100; // utime, stime in clock ticks (100 per second on Linux)
    for (const child of childPids(pid)) s += cpuSeconds(child) ?? 0;
    return s;
  } catch {
    return null;
  }
}

/** CPU seconds every core of the machine has been busy so far (/proc/stat): against cpuSeconds, what other work took. */
export function machineCpuSeconds(): number {
  const [user, nice, system, , , irq, softirq, steal] = readFileSync('/proc/stat', 'utf8').split('\n')[0].split(/\s+/).slice(1).map(Number);
  return (user + nice + system + irq + softirq + steal) / 100;
}

export interface CpuUse {
  api: number;
  worker: number;
  db: number;
  bench: number;
  machine: number;
}

/**
 * CPU seconds the API (all its processes), the worker (with its processes), MariaDB, this script and the whole machine
 * use from now on: the function returned reads what each has used since (0 for a process gone).
 */
export function cpuMeter(pids: { api: number | undefined | (number | undefined)[]; worker: number | undefined; db: number | undefined }): () => CpuUse {
  const apis = Array.isArray(pids.api) ? pids.api : [pids.api];
  const read = (): CpuUse => ({
    api: apis.reduce((sum: number, pid) => sum + (cpuSeconds(pid) ?? 0), 0),
    worker: cpuSeconds(pids.worker) ?? 0,
    db: cpuSeconds(pids.db) ?? 0,
    bench: (process.cpuUsage().user + process.cpuUsage().system) / 1e6,
    machine: machineCpuSeconds(),
  });
  const before = read();
  return () => {
    const now = read();
    return Object.fromEntries(Object.entries(now).map(([k, v]) => [k, v - before[k as keyof CpuUse]])) as unknown as CpuUse;
  };
}

/** CPU use as milliseconds per item of work (a batch, a result): on two shared cores, what throughput adds up to. */
export const cpuMsPer = (use: CpuUse, items: number, digits = 1): CpuUse =>
  Object.fromEntries(Object.entries(use).map(([k, v]) => [k, round((v * 1000) / Math.max(1, items), digits)])) as unknown as CpuUse;

/**
 * A process's resident memory now and its high-water mark (VmRSS, VmHWM from /proc), in MiB; the
 * threads of a process (libuv's pool, worker_threads) share its memory and are counted in it.
 * Null once the process has exited.
 */
export function memoryMb(pid: number | undefined): { rss: number; hwm: number } | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0);
    return { rss: kb('VmRSS') / 1024, hwm: kb('VmHWM') / 1024 };
  } catch {
    return null;
  }
}

/**
 * Starts a process's peak resident memory (VmHWM) again from what it holds now (Linux: clear_refs
 * 5), so that a peak read later is the peak of what ran in between, not of a warm-up before it.
 */
export function resetMemoryPeak(pid: number | undefined): void {
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, '5');
  } catch {
    /* not Linux, or not ours to reset: the peak then covers the process's whole life */
  }
}

/**
 * Waits until a process (the database server) is idle: under 5% of a core over each of two
 * consecutive 200 ms windows, for at most `maxMs`. After 100,000 rows are written, InnoDB flushes
 * their pages for seconds; a measurement that starts meanwhile pays for the one before it.
 */
export async function settle(pid: number | undefined, maxMs = 5000): Promise<void> {
  if (pid === undefined) {
    await sleep(1000);
    return;
  }
  const until = Date.now() + maxMs;
  let quiet = 0;
  let last = cpuSeconds(pid);
  while (quiet < 2 && Date.now() < until) {
    await sleep(200);
    const now = cpuSeconds(pid);
    quiet = now !== null && last !== null && now - last < 0.01 ? quiet + 1 : 0;
    last = now;
  }
}

/** The database server's pid when it runs on this machine (for its CPU time), else undefined. */
export function serverPid(): number | undefined {
  for (const name of ['mariadbd', 'mysqld']) {
    const found = spawnSync('pidof', [name], { encoding: 'utf8' });
    if (found.status === 0 && found.stdout.trim()) return Number(found.stdout.trim().split(/\s+/)[0]);
  }
  return undefined;
}

export async function rowsOf<T>(conn: Connection, sql: string, params: unknown[] = []): Promise<T[]> {
  return (await conn.query(sql, params))[0] as T[];
}

/** Multi-row INSERTs of `size` rows at a time (`sql` ends in `VALUES ?`). */
export async function insertBatches(conn: Connection, sql: string, rows: unknown[][], size = 5000): Promise<void> {
  for (let i = 0; i < rows.length; i += size) await conn.query(sql, [rows.slice(i, i + size)]);
}

/** The organisations every bench loads: the city federation, one district, its enterprise unions; the organizer is user 1. */
export const TREE = { cityId: 1, districtId: 2, firstEnterpriseId: 3, enterprises: 20, organizerId: 1 } as const;

const GIVEN = ['伟', '芳', '娜', '秀英', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '娟', '涛', '明', '超', '秀兰', '霞', '建国', '志强', '海燕', '晓东', '文博', '思远', '雨萱', '佳怡', '浩然', '子涵'];
export const chineseName = (i: number) => `${SURNAMES[i % SURNAMES.length]}${GIVEN[Math.floor(i / SURNAMES.length) % GIVEN.length]}`;
const ENTERPRISE_NAMES = [
  '杭州钢铁集团', '杭州汽轮动力集团', '浙江运河物流', '顺丰速运拱墅分部', '杭州制氧机集团', '浙江大运河文旅', '杭州公交集团拱墅分公司', '杭州热电集团',
  '浙江新华书店', '杭州西子电梯', '杭州锅炉集团', '浙江中烟杭州卷烟厂', '杭州大厦', '杭州联华华商', '杭州地铁运营', '浙江物产中大',
  '杭州水务集团', '杭州燃气集团', '杭州百货大楼', '浙江邮政拱墅分公司',
];
export const enterpriseName = (i: number) => `${ENTERPRISE_NAMES[i % ENTERPRISE_NAMES.length]}${i >= ENTERPRISE_NAMES.length ? i : ''}工会`;

/** Writes TREE's organisations; answers the enterprise unions with their paths. */
export async function insertOrgTree(conn: Connection): Promise<{ id: number; path: string }[]> {
  const { cityId, districtId, firstEnterpriseId } = TREE;
  const enterprises = Array.from({ length: TREE.enterprises }, (_, i) => ({ id: firstEnterpriseId + i, path: `/${cityId}/${districtId}/${firstEnterpriseId + i}/` }));
  await insertBatches(conn, 'INSERT INTO organisations (id, parent_id, name, kind, path) VALUES ?', [
    [cityId, null, '杭州市总工会', 'city', `/${cityId}/`],
    [districtId, cityId, '拱墅区总工会', 'district', `/${cityId}/${districtId}/`],
    ...enterprises.map((e, i) => [e.id, districtId, enterpriseName(i), 'enterprise', e.path]),
  ]);
  return enterprises;
}

/**
 * Waits until the worker has registered at least `atLeast` consumers on each of these queues
 * (BullMQ names its connections): a process still starting would spend its start-up inside the measurement.
 */
export async function waitConsumers(child: Child, config: AppConfig, prefix: string, names: QueueName[], atLeast: number): Promise<void> {
  const queues = names.map((name) => new Queue(name, { connection: { host: config.REDIS_HOST, port: config.REDIS_PORT, db: config.REDIS_DB }, prefix }));
  try {
    const deadline = Date.now() + 60_000;
    for (;;) {
      if (child.proc.exitCode !== null) throw new Error(`${child.name} exited with ${child.proc.exitCode} before starting`);
      if ((await Promise.all(queues.map((q) => q.getWorkersCount()))).every((n) => n >= atLeast)) return;
      if (Date.now() > deadline) throw new Error(`${child.name} registered no consumers of ${names.join(', ')} within 60 s`);
      await sleep(200);
    }
  } finally {
    await Promise.all(queues.map((q) => q.close()));
  }
}
