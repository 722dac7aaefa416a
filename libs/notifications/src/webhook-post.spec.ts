import type { LookupAddress } from 'node:dns';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { checkedLookup, postWebhook, type Resolve, WebhookRefused } from './webhook-post';

/** A resolver we control: the name answers what the test says, as DNS would. */
const answering = (...ips: string[]): Resolve => (_name, cb) => cb(null, ips.map((address): LookupAddress => ({ address, family: address.includes(':') ? 6 : 4 })));

const lookupOnce = (lookup: ReturnType<typeof checkedLookup>, all: boolean) =>
  new Promise<{ err: Error | null; address: unknown; family?: number }>((resolve) =>
    lookup('hooks.example.com', { all }, ((err: Error | null, address: unknown, family?: number) => resolve({ err, address, family })) as never),
  );

describe('the webhook lookup', () => {
  it('refuses a name that resolves into a private network, whatever else it resolves to', async () => {
    for (const ips of [['127.0.0.1'], ['10.0.0.8'], ['::1'], ['223.5.5.5', '192.168.1.1'], ['::ffff:127.0.0.1']]) {
      const { err } = await lookupOnce(checkedLookup(false, answering(...ips)), true);
      expect([ips, err]).toEqual([ips, expect.any(WebhookRefused)]);
      expect(err!.message).toContain(ips.find((ip) => ip !== '223.5.5.5'));
    }
  });

  it('hands the connection the one address it checked, in either form of the call', async () => {
    const lookup = checkedLookup(false, answering('223.5.5.5', '223.6.6.6'));
    expect(await lookupOnce(lookup, true)).toEqual({ err: null, address: [{ address: '223.5.5.5', family: 4 }], family: undefined });
    expect(await lookupOnce(lookup, false)).toEqual({ err: null, address: '223.5.5.5', family: 4 });
  });

  it('lets private addresses through where they are allowed (an internal receiver outside production)', async () => {
    expect(await lookupOnce(checkedLookup(true, answering('127.0.0.1')), false)).toEqual({ err: null, address: '127.0.0.1', family: 4 });
  });
});

describe('postWebhook', () => {
  let server: Server;
  let port: number;
  let seen: { connections: number; headers: IncomingHttpHeaders[] };

  beforeEach(async () => {
    seen = { connections: 0, headers: [] };
    server = createServer((req, res) => {
      seen.headers.push(req.headers);
      req.resume();
      req.on('end', () => res.writeHead(204).end());
    });
    server.on('connection', () => seen.connections++);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });

  afterEach(() => new Promise<void>((resolve) => (server.closeAllConnections(), server.close(() => resolve()))));

  it('connects to the address the name was checked to be, keeping the name in the Host header', async () => {
    await postWebhook(`http://hooks.example.com:${port}/union`, { 'content-type': 'application/json' }, '{}', { allowPrivate: true, timeoutMs: 2000, resolve: answering('127.0.0.1') });
    expect(seen.headers.map((h) => h.host)).toEqual([`hooks.example.com:${port}`]);
  });

  it('refuses a name that resolves to the loopback before connecting', async () => {
    const sending = postWebhook(`http://hooks.example.com:${port}/union`, {}, '{}', { allowPrivate: false, timeoutMs: 2000, resolve: answering('127.0.0.1') });
    await expect(sending).rejects.toThrow(WebhookRefused);
    await expect(sending).rejects.toThrow('resolves to 127.0.0.1');
    expect(seen.connections).toBe(0);
  });

  it('refuses a literal private address without looking anything up', async () => {
    await expect(postWebhook(`http://127.0.0.1:${port}/union`, {}, '{}', { allowPrivate: false, timeoutMs: 2000 })).rejects.toThrow(WebhookRefused);
    await expect(postWebhook(`http://[::ffff:127.0.0.1]:${port}/union`, {}, '{}', { allowPrivate: false, timeoutMs: 2000 })).rejects.toThrow(WebhookRefused);
    expect(seen.connections).toBe(0);
  });

  it('fails on an answer outside 2xx', async () => {
    server.removeAllListeners('request');
    server.on('request', (_req, res) => res.writeHead(500).end());
    await expect(postWebhook(`http://127.0.0.1:${port}/x`, {}, '{}', { allowPrivate: true, timeoutMs: 2000 })).rejects.toThrow('answered HTTP 500');
  });
});
