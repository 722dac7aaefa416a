import { lookup } from 'node:dns/promises';
import { createServer, type Server } from 'node:net';
import { hostname } from 'node:os';
import type { DataSource } from 'typeorm';
import { isPublicAddress } from '../../libs/notifications/src/domain';
import { type RunningApp, waitFor } from './support/processes';
import { openEvent } from './support/registration';
import { startStack } from './support/stack';
import { testDbName, testEnv, testPort } from './support/test-env';
import { bearer, buildWorld, http, post, type World } from './support/world';

/**
 * Webhooks as production runs them (WEBHOOK_ALLOW_PRIVATE=false): an address anyone may give
 * must not lead the worker into our own network, however the name behind it resolves.
 */
describe('webhook targets outside development', () => {
  let app: RunningApp;
  let ds: DataSource;
  let url: string;
  let world: World;
  let inside: Server;
  let connections = 0;
  let port: number;

  beforeAll(async () => {
    // A listener on every interface of this machine: if the worker reached into it, it would show here.
    inside = createServer((socket) => {
      connections++;
      socket.destroy();
    });
    await new Promise<void>((resolve) => inside.listen(0, resolve));
    port = (inside.address() as { port: number }).port;
    ({ app, ds } = await startStack(
      testEnv({
        DB_NAME: testDbName('union_events_webhook_test'),
        HTTP_PORT: testPort(8),
        QUEUE_PREFIX: `ue-webhook-${process.pid}`,
        WEBHOOK_ALLOW_PRIVATE: 'false',
        NOTIFY_ATTEMPTS: '3',
        NOTIFY_BACKOFF_MS: '200',
      }),
    ));
    url = app.baseUrl;
    world = await buildWorld({ url, judges: 0, contestants: 1 });
  }, 120_000);

  afterAll(async () => {
    await app?.stop();
    await ds?.destroy();
    await new Promise((resolve) => inside?.close(resolve));
  });

  it('refuses, without connecting, a host name that resolves into this machine, and records the delivery failed', async () => {
    // The machine's own name passes every check of the address as written, and resolves to the loopback or the LAN.
    const name = hostname();
    const resolved = await lookup(name, { all: true });
    expect(resolved.some((a) => !isPublicAddress(a.address))).toBe(true);

    const person = world.contestants[0];
    const saved = await http(url)
      .put('/api/v1/me/notification-settings')
      .set(bearer(person.token))
      .send({ webhookUrl: `https://${name}:${port}/union`, webhookSecret: 'webhook-secret-0123456789' });
    expect(saved.status).toBe(200);
    // As written, a private address is refused on saving already.
    const literal = await http(url).put('/api/v1/me/notification-settings').set(bearer(person.token)).send({ webhookUrl: `https://127.0.0.1:${port}/union` });
    expect([literal.status, literal.body.details[0].field]).toEqual([400, 'webhookUrl']);

    const hike = await openEvent(world);
    await post(url, `/api/v1/items/${hike.itemId}/entries`, person.token, {});
    const deliveries = await waitFor('the webhook deliveries to settle', async () => {
      const rows: { status: string; attempts: number; lastError: string }[] = await ds.query(
        `SELECT d.status, d.attempts, d.last_error AS lastError FROM notification_deliveries d JOIN notifications n ON n.id = d.notification_id
          WHERE n.user_id = ? AND d.channel = 'webhook'`,
        [person.id],
      );
      return rows.length && rows.every((r) => r.status !== 'pending') ? rows : undefined;
    });
    // Each refused at once (a retry cannot help), naming the address the name resolved to; nothing connected.
    const addresses = resolved.map((a) => a.address.replace(/[.:]/g, '\\$&')).join('|');
    for (const d of deliveries) {
      expect(d).toMatchObject({ status: 'failed', attempts: 1 });
      expect(d.lastError).toMatch(new RegExp(`^refused: ${name} resolves to (${addresses}), an address of a private network`));
    }
    expect(connections).toBe(0);
  });
});
