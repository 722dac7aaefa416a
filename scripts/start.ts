import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { loadConfig } from '@app/config';
import { API_ENV, API_NODE_ARGS, API_SCRIPT } from './api-process';
import { ensureLocalServices } from './local-services';
import { migrate } from './migrate';
import { forgetQueuedWork } from './queue-keys';
import { runSeed } from './seed';
import { startBanner } from './start-banner';

/** Resolves when the app says it is ready (an IPC message), or never if it exits first: the exit handler takes over then. */
function ready(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => child.on('message', (msg: { ready?: boolean }) => msg?.ready && resolve()));
}

/**
 * `npm start`: makes sure MySQL and Redis run, applies migrations, seeds the
 * demo on an empty database, then runs the API and the worker until Ctrl-C,
 * and says where everything is once both are up. If either app dies, the other
 * is stopped too, so nothing runs half-up.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  await ensureLocalServices(config);
  const applied = await migrate(config);
  console.log(`database ${config.DB_NAME}: ${applied.length ? `${applied.length} migrations applied` : 'up to date'}`);
  const credentials = await runSeed();
  // A database seeded just now was empty: whatever its queues still hold belongs to one that is gone.
  if (credentials) await forgetQueuedWork(config);
  console.log(credentials ? 'demo data seeded' : 'demo data: the database has data already; nothing seeded');

  const dist = join(__dirname, '..');
  const stdio = ['inherit', 'inherit', 'inherit', 'ipc'] as const;
  const children: ChildProcess[] = [
    spawn(process.execPath, [...API_NODE_ARGS, join(dist, API_SCRIPT)], { stdio: [...stdio], env: { ...process.env, ...API_ENV } }),
    spawn(process.execPath, [join(dist, 'apps/worker/src/main.js')], { stdio: [...stdio] }),
  ];
  let stopping = false;
  const stop = (code: number) => {
    if (stopping) return;
    stopping = true;
    for (const c of children) if (c.exitCode === null) c.kill('SIGTERM');
    const force = setTimeout(() => children.forEach((c) => c.exitCode === null && c.kill('SIGKILL')), 10_000);
    Promise.all(children.map((c) => (c.exitCode === null ? new Promise((r) => c.once('exit', r)) : null))).then(() => {
      clearTimeout(force);
      process.exit(code);
    });
  };
  for (const c of children) c.once('exit', (code) => stop(stopping ? 0 : code || 1));
  process.on('SIGINT', () => stop(0));
  process.on('SIGTERM', () => stop(0));

  await Promise.all(children.map(ready));
  if (!stopping) console.log(startBanner(config, credentials));
}

main().catch((err) => {
  console.error(`start: ${err instanceof Error ? err.message : err}`);
  process.exit(1);
});
