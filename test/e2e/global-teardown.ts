import type { RunningApp } from './support/processes';

export default async function globalTeardown(): Promise<void> {
  const app = (globalThis as { __APP__?: RunningApp }).__APP__;
  await app?.stop();
}
