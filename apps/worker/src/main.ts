import 'reflect-metadata';
import cluster from 'node:cluster';
import { type AppConfig, ConfigError, loadConfig } from '@app/config';
import { assertReachable } from '@app/composition';
import { announceReady, closeOnSignals, ServiceUnreachableError } from '@app/common';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { missingHandlers } from './handler-check';
import { PROCESSORS, WorkerModule } from './worker.module';

/** One worker: every processor and the outbox relay, in an application context (no HTTP). */
async function runWorker(config: AppConfig): Promise<void> {
  const app = await NestFactory.createApplicationContext(WorkerModule, { bufferLogs: true });
  app.useLogger(app.get(Logger));
  const problems = missingHandlers(PROCESSORS.map((p) => app.get(p)));
  if (problems.length) {
    await app.close();
    throw new Error(`worker refuses to start: ${problems.join('; ')}`);
  }
  await app.init();
  closeOnSignals(app, app.get(Logger));
  const where = cluster.isWorker ? ` in process ${cluster.worker!.id}` : '';
  app.get(Logger).log(`worker started${where} (concurrency ${config.WORKER_CONCURRENCY}, queues prefix "${config.QUEUE_PREFIX}")`, 'Bootstrap');
  // A worker process tells its primary, which tells whoever started it once every process is up.
  announceReady();
}

/**
 * Young generation of each worker process, in MB per semi-space (V8's default tops out at 16).
 * A tally allocates per item (a million marks in a full re-tally) and drops it all when the item
 * is written; with room for a few items in flight that garbage dies young instead of being copied
 * and promoted, which is most of what a re-tally would otherwise spend on garbage collection. The
 * price is up to 96 MB more memory per process (two semi-spaces of 64 MB instead of 16).
 */
const SEMI_SPACE_MB = 64;

/**
 * Several worker processes under this one, which only watches them: SIGTERM or SIGINT is passed on
 * and it exits once they have all closed; a process that dies unasked stops the others and this
 * one with an error, for the supervisor to restart the whole (as it would a single worker). A
 * worker process never outlives this one: Node's cluster ends a worker whose parent is gone, so a
 * SIGKILL here ends them too, and their open tallies roll back like any crashed worker's.
 */
function supervise(count: number): void {
  let stopping = false;
  let failed = false;
  const stopAll = () => {
    for (const w of Object.values(cluster.workers ?? {})) w?.process.kill('SIGTERM');
  };
  cluster.on('exit', (w, code, signal) => {
    if (!stopping) {
      console.error(`worker: process ${w.id} exited (${signal ?? `code ${code}`}); stopping the others`);
      stopping = failed = true;
      stopAll();
    } else if (code !== 0) failed = true;
    if (!Object.keys(cluster.workers ?? {}).length) process.exit(failed ? 1 : 0);
  });
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.on(signal, () => {
      stopping = true;
      stopAll();
    });
  }
  let ready = 0;
  cluster.on('message', (_w, msg: { ready?: boolean }) => {
    if (msg?.ready && ++ready === count) announceReady();
  });
  // The flags this process was started with come after ours, so an operator's own choice wins.
  cluster.setupPrimary({ execArgv: [`--max-semi-space-size=${SEMI_SPACE_MB}`, ...process.execArgv] });
  for (let i = 0; i < count; i++) cluster.fork();
}

async function bootstrap(): Promise<void> {
  const config = loadConfig();
  if (cluster.isWorker) return runWorker(config);
  await assertReachable(config);
  const count = config.workerProcesses;
  if (count === 1) return runWorker(config);
  supervise(count);
}

bootstrap().catch((err: unknown) => {
  const known = err instanceof ConfigError || err instanceof ServiceUnreachableError;
  console.error(`worker: ${known ? (err as Error).message : err}`);
  process.exit(1);
});
