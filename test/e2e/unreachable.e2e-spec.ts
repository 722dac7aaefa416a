import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { testEnv } from './support/test-env';

const DIST = join(__dirname, '..', '..', 'dist');

/** Runs an app with one service pointed at a closed port; returns its exit code and what it printed. */
function runWith(script: string, overrides: Record<string, string>): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(DIST, script)], { env: { ...process.env, ...testEnv(overrides) }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('exit', (code) => resolve({ code, output: output.trim() }));
  });
}

describe('an unreachable service stops the app with one clear line', () => {
  it.each([
    ['apps/api/src/main.js', { DB_PORT: '1' }, /^api: MySQL is not reachable at 127\.0\.0\.1:1 \(ECONNREFUSED\); start it with: .*mariadbd/],
    ['apps/api/src/main.js', { REDIS_PORT: '1' }, /^api: Redis is not reachable at 127\.0\.0\.1:1 \(ECONNREFUSED\); start it with: redis-server/],
    ['apps/worker/src/main.js', { REDIS_PORT: '1' }, /^worker: Redis is not reachable at 127\.0\.0\.1:1/],
    ['apps/api/src/main.js', { HTTP_PORT: 'eighty' }, /^api: Invalid configuration:\n {2}HTTP_PORT="eighty"/],
  ])('%s with %j', async (script, overrides, expected) => {
    const { code, output } = await runWith(script, overrides);
    expect(code).toBe(1);
    expect(output).toMatch(expected);
    expect(output).not.toMatch(/\n\s+at /); // no stack trace
  });
});
