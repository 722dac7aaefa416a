import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import type { AppConfig } from '@app/config';
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

/** An access token shaped like AuthService.issue() makes them, valid for an hour, signed with the same library. */
export function mintToken(secret: string, userId: number, username: string, roles: { role: string; orgId: number; path: string }[]): string {
  return new JwtService({ secret }).sign({ sub: String(userId), name: username, roles }, { algorithm: 'HS256', expiresIn: 3600 });
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
  const proc = spawn(process.execPath, [...nodeArgs, join(DIST, script)], { env, stdio: ['ignore', fd, fd] });
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
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.proc.exitCode !== null) throw new Error(`${child.name} exited with ${child.proc.exitCode} before answering /health`);
    const ok = await fetch(`http://127.0.0.1:${port}/health`).then((r) => r.ok, () => false);
    if (ok) return;
    if (Date.now() > deadline) throw new Error(`${child.name} did not answer /health within 60 s`);
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

/** CPU seconds (user + system) a process and its children (a worker's processes) have used so far, from /proc; null where there is none. */
export function cpuSeconds(pid: number | undefined): number | null {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    let s = (Number(fields[11]) + Number(fields[12])) / 100; // utime, stime in clock ticks (100 per second on Linux)
    for (const child of readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').split(' ').filter(Boolean)) s += cpuSeconds(Number(child)) ?? 0;
    return s;
  } catch {
    return null;
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
