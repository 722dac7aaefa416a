import { dropDatabase, type RunningApp } from './support/processes';
import { testEnv } from './support/test-env';

/** Stops the shared API and worker and drops the database global setup made. */
export default async function globalTeardown(): Promise<void> {
  const app = (globalThis as { __APP__?: RunningApp }).__APP__;
  await app?.stop();
  await dropDatabase(testEnv());
}
