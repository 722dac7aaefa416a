import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import PostalMime from 'postal-mime';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  to: string[];
  subject: string;
  text: string;
  messageId: string;
  idempotencyKey: string | undefined;
}

/** A real SMTP server inside the test: what the worker sends over SMTP lands here, parsed. */
export async function startSmtp(): Promise<{ port: number; mails: ReceivedMail[]; close: () => Promise<void> }> {
  const mails: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, done) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        PostalMime.parse(Buffer.concat(chunks)).then(
          (m) => {
            mails.push({
              to: session.envelope.rcptTo.map((r) => r.address),
              subject: m.subject ?? '',
              text: (m.text ?? '').trim(),
              messageId: m.messageId ?? '',
              idempotencyKey: m.headers.find((h) => h.key === 'x-idempotency-key')?.value,
            });
            done();
          },
          (err: Error) => done(err),
        );
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return { port, mails, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

export interface ReceivedPost {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
  /** when it arrived (ms) */
  at: number;
}

/**
 * An HTTP receiver for webhooks and the SMS gateway: records every POST and
 * answers with the status `statusFor(path)` gives (200 by default).
 */
export async function startReceiver(): Promise<{ url: string; posts: ReceivedPost[]; statusFor: Map<string, number>; close: () => Promise<void> }> {
  const posts: ReceivedPost[] = [];
  const statusFor = new Map<string, number>();
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const path = req.url ?? '/';
      posts.push({ path, headers: req.headers, body: Buffer.concat(chunks).toString('utf8'), at: Date.now() });
      res.writeHead(statusFor.get(path) ?? 200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    posts,
    statusFor,
    close: () => new Promise<void>((resolve) => (server.closeAllConnections(), server.close(() => resolve()))),
  };
}
