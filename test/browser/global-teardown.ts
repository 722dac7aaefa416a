import { dropDatabase, type RunningApp } from '../e2e/support/processes';
import { browserEnv } from './support/stack';

export default async function globalTeardown(): Promise<void> {
  const app = (globalThis as { __APP__?: RunningApp }).__APP__;
  await app?.stop();
  if (!process.env.BROWSER_KEEP_DB) await dropDatabase(browserEnv());
}
