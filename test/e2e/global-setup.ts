import { assertPortFree, freshDatabase, startApp } from './support/processes';
import { testEnv } from './support/test-env';

/**
 * Builds a fresh test database and runs the real API and worker for the suites.
 * Everything heavy runs in child processes from dist/, never in the runner itself.
 */
export default async function globalSetup(): Promise<void> {
  const env = testEnv();
  // A run already going holds the port and uses the database: find that out before dropping its database.
  await assertPortFree(Number(env.HTTP_PORT));
  freshDatabase(env);
  const app = await startApp(env);
  (globalThis as { __APP__?: unknown }).__APP__ = app;
  process.env.E2E_BASE_URL = app.baseUrl;
}
