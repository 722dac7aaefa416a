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

/**
 * The Redis prefix of one test run, shared by every process of the run through the environment. Not
 * the pid alone: pids repeat between runs here, and the fresh database's ids would meet the last
 * run's login counters and job ids under the same prefix.
 */
function runPrefix(): string {
  process.env.E2E_QUEUE_PREFIX ??= `ue-test-${process.pid}-${Date.now().toString(36)}`;
  return process.env.E2E_QUEUE_PREFIX;
}

export function testEnv(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    NODE_ENV: 'test',
    DB_NAME: process.env.E2E_DB_NAME || testDbName('union_events_test'),
    QUEUE_PREFIX: runPrefix(),
    JWT_SECRET: TEST_JWT_SECRET,
    LOG_LEVEL: 'warn',
    LOG_FORMAT: 'json',
    LOGIN_MAX_ATTEMPTS: '5',
    LOGIN_WINDOW_S: '60',
    OUTBOX_POLL_MS: '50',
    // Walkers still out are swept for overdue alerts every second instead of every minute.
    HIKING_SWEEP_MS: '1000',
    // The board after each step of a replayed walk must show that step: no board older than the question.
    HIKING_BOARD_MAX_AGE_MS: '0',
    HTTP_HOST: '127.0.0.1',
    HTTP_PORT: testPort(0),
    // Sign-up and reset codes land here (no SMS gateway in tests); one second between codes per number.
    SMS_SINK_FILE: `/tmp/${runPrefix()}-sms.jsonl`,
    SMS_CODE_INTERVAL_S: '1',
    ...overrides,
  };
}
