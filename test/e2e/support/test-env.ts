/**
 * The environment every e2e process shares: its own database and queue prefix, a known signing key.
 * E2E_DB_NAME and E2E_PORT let a second checkout run suites beside this one.
 */
export const TEST_JWT_SECRET = 'e2e-test-jwt-secret-0123456789';
export const ADMIN = { username: 'e2e-admin', password: 'e2e-admin-password', realName: '测试管理员' };

export function testEnv(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    NODE_ENV: 'test',
    DB_NAME: process.env.E2E_DB_NAME || 'union_events_test',
    QUEUE_PREFIX: `ue-test-${process.pid}`,
    JWT_SECRET: TEST_JWT_SECRET,
    LOG_LEVEL: 'warn',
    LOGIN_MAX_ATTEMPTS: '5',
    LOGIN_WINDOW_S: '60',
    OUTBOX_POLL_MS: '50',
    HTTP_HOST: '127.0.0.1',
    HTTP_PORT: process.env.E2E_PORT || '3391',
    ...overrides,
  };
}
