import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { createConnection } from 'mysql2/promise';
import { loadConfig } from '../../../config/app-config';
import { ADMIN } from './test-env';

const DIST = join(__dirname, '..', '..', '..', 'dist');

/** Starts MySQL and Redis if needed, recreates the test database from the committed migrations, and adds an admin. */
export function freshDatabase(env: Record<string, string>): void {
  const res = spawnSync(process.execPath, [join(DIST, 'scripts/test-database.js')], {
    env: { ...process.env, ...env, TEST_ADMIN_USERNAME: ADMIN.username, TEST_ADMIN_PASSWORD: ADMIN.password },
    encoding: 'utf8',
  });
  if (res.status !== 0) throw new Error(`test database setup failed:\n${res.stdout}${res.stderr}`);
}

/** Drops a database `freshDatabase` made, once its suite is done with it; only names that script would reset. */
export async function dropDatabase(env: Record<string, string>): Promise<void> {
  const config = loadConfig({ ...process.env, ...env });
  if (!/_(test|outage)(_[a-z0-9]+)?$/.test(config.DB_NAME)) throw new Error(`refusing to drop "${config.DB_NAME}": not a test database`);
  const conn = await createConnection({ ...config.dbEndpoint, user: config.DB_USER, password: config.DB_PASSWORD });
  try {
    await conn.query(`DROP DATABASE IF EXISTS \`${config.DB_NAME.replace(/`/g, '')}\``);
  } finally {
    await conn.end();
  }
}

export interface RunningApp {
  baseUrl: string;
  api: ChildProcess;
  worker: ChildProcess;
  output: () => string;
  stop: (signal?: NodeJS.Signals) => Promise<void>;
}

function run(script: string, env: Record<string, string>, log: string[]): ChildProcess {
  const child = spawn(process.execPath, [join(DIST, script)], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout!.on('data', (d) => log.push(String(d)));
  child.stderr!.on('data', (d) => log.push(String(d)));
  return child;
}

export async function waitFor<T>(what: string, probe: () => Promise<T | undefined | false>, timeoutMs = 30_000, everyMs = 100): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

export async function stopChild(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill(signal);
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

/** A server left from an interrupted run would answer /health in place of the one about to start, with stale state. */
export async function assertPortFree(port: number): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const probe = createServer();
    probe.once('error', () => reject(new Error(`port ${port} is taken, perhaps by an API left from an interrupted run (ss -ltnp | grep ${port})`)));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve()));
  });
}

/** A worker process alone, e.g. to replace one a test killed; its output goes to `log`. */
export function startWorker(env: Record<string, string>, log: string[] = []): ChildProcess {
  return run('apps/worker/src/main.js', env, log);
}

/** An API process alone (one that should refuse to start, say); its output goes to `log`. */
export function startApi(env: Record<string, string>, log: string[] = []): ChildProcess {
  return run('apps/api/src/main.js', env, log);
}

/** Runs one of the built scripts (db:backup, db:restore…) to its end. */
export function runScript(script: string, args: string[], env: Record<string, string>): { status: number | null; stdout: string; stderr: string } {
  const res = spawnSync(process.execPath, [join(DIST, 'scripts', `${script}.js`), ...args], { env: { ...process.env, ...env }, encoding: 'utf8' });
  return { status: res.status, stdout: res.stdout, stderr: res.stderr };
}

/** Starts the built API and worker as real processes and waits until the API reports healthy. */
export async function startApp(env: Record<string, string>): Promise<RunningApp> {
  await assertPortFree(Number(env.HTTP_PORT));
  const log: string[] = [];
  const api = run('apps/api/src/main.js', env, log);
  const worker = run('apps/worker/src/main.js', env, log);
  const baseUrl = `http://127.0.0.1:${env.HTTP_PORT}`;
  const stop = async (signal: NodeJS.Signals = 'SIGTERM') => {
    await Promise.all([stopChild(api, signal), stopChild(worker, signal)]);
  };
  try {
    await waitFor(
      'the API to answer /health',
      async () => {
        if (api.exitCode !== null) throw new Error('api exited');
        const res = await fetch(`${baseUrl}/health`);
        return res.ok;
      },
      60_000,
      200,
    );
  } catch (err) {
    await stop('SIGKILL');
    throw new Error(`${(err as Error).message}\n--- app output ---\n${log.join('')}`);
  }
  return { baseUrl, api, worker, output: () => log.join(''), stop };
}

