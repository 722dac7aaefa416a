// Not imported by global-setup, which runs without Jest's module mapping: the @app aliases are fine here.
import { loadConfig } from '@app/config';
import { createDataSource } from '@app/composition';
import { type QueueName, workerRedisOptions } from '@app/queue';
import { Queue } from 'bullmq';
import type { DataSource } from 'typeorm';
import { dropDatabase, freshDatabase, type RunningApp, startApp } from './processes';
import { testEnv } from './test-env';

/** A connection to a suite's database, for reading back what the apps wrote. */
export async function openDatabase(env: Record<string, string> = testEnv()): Promise<DataSource> {
  const ds = createDataSource(loadConfig({ ...process.env, ...env }));
  await ds.initialize();
  return ds;
}

/** A stack of the suite's own (another database, port or Redis): a fresh database, the API and worker, and a connection for checks. */
export async function startStack(env: Record<string, string>): Promise<{ app: RunningApp; ds: DataSource }> {
  freshDatabase(env);
  const app = await startApp(env);
  return { app, ds: await openDatabase(env) };
}

/** Ends what startStack began, whatever of it started: the processes, the connection, and the database. */
export async function stopStack(env: Record<string, string>, app: RunningApp | undefined, ds: DataSource | undefined): Promise<void> {
  await app?.stop();
  await ds?.destroy();
  await dropDatabase(env);
}

/** A BullMQ queue of the run (or of a stack's own prefix), to read jobs as the worker left them in Redis. */
export function openQueue(name: QueueName, env: Record<string, string> = testEnv()): Queue {
  const config = loadConfig({ ...process.env, ...env });
  return new Queue(name, { connection: workerRedisOptions(config), prefix: config.QUEUE_PREFIX });
}
