// Not imported by global-setup, which runs without Jest's module mapping: the @app aliases are fine here.
import { loadConfig } from '@app/config';
import { createDataSource } from '@app/config/data-source';
import type { DataSource } from 'typeorm';
import { freshDatabase, type RunningApp, startApp } from './processes';
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
