/**
 * The environment every e2e process shares: its own database and queue prefix, a known signing key.
 * E2E_DB_NAME, E2E_PORT and E2E_DB_SUFFIX let a second checkout run suites beside this one: suites
 * that start stacks of their own take ports at fixed offsets from E2E_PORT and suffix their databases.
 */
const BASE_PORT = Number(process.env.E2E_PORT || 3391);

/** A port of a suite's own, `offset` above the shared API's. */
export const testPort = (offset: number): string => String(BASE_PORT + offset);

/** A database of a suite's own. */
export const testDbName = (name: string): string => `${name}${process.env.E2E_DB_SUFFIX ?? ''}`;

export const TEST_JWT_SECRET = 'e2e-test-jwt-secret-0123456789';
export const ADMIN = { username: 'e2e-admin', password: 'e2e-admin-password', realName: '测试管理员' };

export function testEnv(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    NODE_ENV: 'test',
    DB_NAME: process.env.E2E_DB_NAME || testDbName('union_events_test'),
    QUEUE_PREFIX: `ue-test-${process.pid}`,
    JWT_SECRET: TEST_JWT_SECRET,
    LOG_LEVEL: 'warn',
    LOGIN_MAX_ATTEMPTS: '5',
    LOGIN_WINDOW_S: '60',
    OUTBOX_POLL_MS: '50',
    HTTP_HOST: '127.0.0.1',
    HTTP_PORT: testPort(0),
    ...overrides,
  };
}
