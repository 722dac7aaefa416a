import { testDbName, testEnv, testPort } from '../../e2e/support/test-env';

/** The browser suites' own stack: the real API and worker on a port and database of their own. */
export const browserEnv = (): Record<string, string> =>
  testEnv({
    DB_NAME: process.env.E2E_BROWSER_DB_NAME || testDbName('union_events_browser_test'),
    HTTP_PORT: testPort(70),
    // Login limits as in production would slow a suite that signs several people in from one address.
    LOGIN_MAX_ATTEMPTS: '50',
  });
