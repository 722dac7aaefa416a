import { freshDatabase, startApp } from '../e2e/support/processes';
import { browserEnv } from './support/stack';

/** A fresh test database and the built API (serving the built pages) and worker, for the browser suites. */
export default async function globalSetup(): Promise<void> {
  const env = browserEnv();
  freshDatabase(env);
  const app = await startApp(env);
  (globalThis as { __APP__?: unknown }).__APP__ = app;
  process.env.BROWSER_BASE_URL = app.baseUrl;
}
