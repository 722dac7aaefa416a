import { type RunningApp, startApp, waitFor } from './support/processes';
import { testEnv, testPort } from './support/test-env';
import { http } from './support/world';

/** The API's own request log, read from a process of its own that logs at info. */
describe('the request log', () => {
  let app: RunningApp;

  beforeAll(async () => {
    app = await startApp(testEnv({ HTTP_PORT: testPort(13), LOG_LEVEL: 'info', LOG_FORMAT: 'json' }));
  }, 60_000);

  afterAll(() => app?.stop());

  const linesOf = (requestId: string) =>
    app
      .output()
      .split('\n')
      .filter((line) => line.includes(`"id":"${requestId}"`) && line.includes('request completed'));

  it('logs each API request once, under its request id, without its credentials', async () => {
    const res = await http(app.baseUrl).get('/api/v1/auth/me').set('x-request-id', 'log-probe-api').set('authorization', 'Bearer not-a-real-token');
    expect(res.status).toBe(401);
    const lines = await waitFor('the request’s log line', async () => linesOf('log-probe-api').length > 0 && linesOf('log-probe-api'));
    // Its 'finish' has been logged: a second line would have been written with it.
    await http(app.baseUrl).get('/api/v1/auth/me').set('x-request-id', 'log-probe-next');
    await waitFor('the next request’s log line', async () => linesOf('log-probe-next').length > 0);
    expect(linesOf('log-probe-api')).toHaveLength(1);
    expect(lines[0]).not.toContain('not-a-real-token');
  });

  it('leaves the load balancers’ health checks out', async () => {
    expect((await http(app.baseUrl).get('/health').set('x-request-id', 'log-probe-health')).status).toBe(200);
    // A later request's line shows the log has caught up with the health check's answer.
    await http(app.baseUrl).get('/api/v1/auth/me').set('x-request-id', 'log-probe-after');
    await waitFor('a later request’s log line', async () => linesOf('log-probe-after').length > 0);
    expect(linesOf('log-probe-health')).toEqual([]);
  });
});
