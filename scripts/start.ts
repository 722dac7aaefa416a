import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { loadConfig } from '@app/config';
import { ensureLocalServices } from './local-services';
import { migrate } from './migrate';
import { runSeed } from './seed';

/**
 * `npm start`: makes sure MySQL and Redis run, applies migrations, seeds the
 * demo on an empty database, then runs the API and the worker until Ctrl-C.
 * If either app dies, the other is stopped too, so nothing runs half-up.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  await ensureLocalServices(config);
  const applied = await migrate(config);
  console.log(applied.length ? `applied migrations: ${applied.join(', ')}` : 'database is up to date');
  await runSeed();

  const dist = join(__dirname, '..');
  const children: ChildProcess[] = [
    spawn(process.execPath, [join(dist, 'apps/api/src/main.js')], { stdio: 'inherit' }),
    spawn(process.execPath, [join(dist, 'apps/worker/src/main.js')], { stdio: 'inherit' }),
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
}

main().catch((err) => {
  console.error(`start: ${err instanceof Error ? err.message : err}`);
  process.exit(1);
});
