import './support/register-paths';
import { loadConfig } from '@app/config';
import { ensureLocalServices } from '../../scripts/local-services';
import { freshDatabase, startApp } from './support/processes';
import { testEnv } from './support/test-env';

/** Starts MySQL and Redis if needed, builds a fresh test database, and runs the real API and worker for the suites. */
export default async function globalSetup(): Promise<void> {
  const env = testEnv();
  await ensureLocalServices(loadConfig({ ...process.env, ...env }));
  await freshDatabase(env);
  const app = await startApp(env);
  (globalThis as { __APP__?: unknown }).__APP__ = app;
  process.env.E2E_BASE_URL = app.baseUrl;
  for (const [k, v] of Object.entries(env)) process.env[`E2E_${k}`] = v;
}
