import pino from 'pino';
import { PassThrough } from 'node:stream';
import { logsArePretty, prettyLogger, prettyMessage } from './log-output';

describe('log output', () => {
  it('is pretty on a terminal only, unless told', () => {
    expect(logsArePretty('auto', { isTTY: true })).toBe(true);
    expect(logsArePretty('auto', { isTTY: undefined })).toBe(false);
    expect(logsArePretty('auto', {})).toBe(false);
    expect(logsArePretty('json', { isTTY: true })).toBe(false);
    expect(logsArePretty('pretty', {})).toBe(true);
  });

  it('writes a request as one short line', () => {
    expect(prettyMessage('api', { msg: 'request completed', req: { method: 'GET', url: '/api/v1/events' }, res: { statusCode: 200 }, responseTime: 12.4 })).toBe(
      'api    GET /api/v1/events 200 12 ms',
    );
    expect(prettyMessage('worker', { context: 'TallyService', msg: 'tallied item 1' })).toBe('worker TallyService: tallied item 1');
  });

  it("leaves out Nest's start-up chatter but never a warning, and reads the time in Beijing", async () => {
    const sink = new PassThrough();
    let out = '';
    sink.on('data', (chunk: Buffer) => (out += chunk.toString()));
    const [options, stream] = prettyLogger('api', { level: 'info', timestamp: () => ',"time":1796590568491' }, sink);
    const logger = pino({ ...options, base: undefined }, stream);
    logger.info({ context: 'RouterExplorer' }, 'Mapped {/api/v1/events, GET} route');
    logger.info({ context: 'InstanceLoader' }, 'AppModule dependencies initialized');
    logger.warn({ context: 'RouterExplorer' }, 'a route is mapped twice');
    logger.info({ context: 'Bootstrap' }, 'API listening on http://127.0.0.1:3000');
    await new Promise<void>((resolve) => {
      sink.on('end', resolve).resume();
      (stream as unknown as NodeJS.WritableStream).end();
    });
    const lines = out.replace(/\u001b\[[0-9;]*m/g, '').trim().split('\n');
    // 1796590568491 is 2026-12-06 20:56:08 UTC: 04:56:08 the next morning in Beijing.
    expect(lines).toEqual([expect.stringMatching(/^04:56:08 WARN: api {4}RouterExplorer: a route is mapped twice$/), expect.stringMatching(/^04:56:08 INFO: api {4}Bootstrap: API listening/)]);
  });
});
