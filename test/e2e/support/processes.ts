import { loadConfig } from '@app/config';
import { createDataSource } from '@app/config/data-source';
import { ensureDatabase } from '@app/database';
import * as argon2 from 'argon2';
import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { ADMIN } from './test-env';

const DIST = join(__dirname, '..', '..', '..', 'dist');

/** Drops and recreates the database, applies the committed migrations, and adds a city federation with an admin. */
export async function freshDatabase(env: Record<string, string>): Promise<void> {
  const config = loadConfig({ ...process.env, ...env });
  await ensureDatabase(config);
  const ds = createDataSource(config);
  await ds.initialize();
  try {
    await ds.query(`DROP DATABASE \`${config.DB_NAME}\``);
    await ds.query(`CREATE DATABASE \`${config.DB_NAME}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
    await ds.query(`USE \`${config.DB_NAME}\``);
    await ds.runMigrations();
    await ds.query("INSERT INTO organisations (id, name, kind, parent_id, path) VALUES (1, '杭州市总工会', 'city', NULL, '/1/')");
    const res = await ds.query('INSERT INTO users (username, password_hash, real_name) VALUES (?, ?, ?)', [
      ADMIN.username,
      await argon2.hash(ADMIN.password),
      ADMIN.realName,
    ]);
    await ds.query("INSERT INTO role_assignments (user_id, organisation_id, role) VALUES (?, 1, 'admin')", [res.insertId]);
  } finally {
    await ds.destroy();
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

/** Starts the built API and worker as real processes and waits until the API reports healthy. */
export async function startApp(env: Record<string, string>, opts: { worker?: boolean; requireHealthy?: boolean } = {}): Promise<RunningApp> {
  const log: string[] = [];
  const api = run('apps/api/src/main.js', env, log);
  const worker = opts.worker === false ? spawn('true') : run('apps/worker/src/main.js', env, log);
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
        return opts.requireHealthy === false ? res.status > 0 : res.ok;
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
