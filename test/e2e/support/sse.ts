import http from 'node:http';

export interface SseMessage {
  type: string;
  data: any;
}

/**
 * A Server-Sent Events client over plain HTTP: collects every message and lets a test wait for
 * the next one that matches, counting messages that arrived before the wait began but after the
 * last message a wait returned.
 */
export function openSse(url: string, headers: Record<string, string> = {}): { messages: SseMessage[]; next: (match: (m: SseMessage) => boolean, timeoutMs?: number) => Promise<SseMessage>; close: () => void } {
  const messages: SseMessage[] = [];
  const waiters: { match: (m: SseMessage) => boolean; resolve: (m: SseMessage) => void }[] = [];
  let buffer = '';
  let taken = 0; // messages before this index were passed over by an earlier wait
  const req = http.get(url, { headers: { accept: 'text/event-stream', ...headers } }, (res) => {
    res.setEncoding('utf8');
    res.on('data', (chunk: string) => {
      buffer += chunk;
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const type = /^event: ?(.*)$/m.exec(block)?.[1] ?? 'message';
        const data = block
          .split('\n')
          .filter((l) => l.startsWith('data:'))
          .map((l) => l.replace(/^data: ?/, ''))
          .join('\n');
        const message = { type, data: data ? JSON.parse(data) : null };
        messages.push(message);
        for (const w of waiters.filter((w) => w.match(message))) {
          waiters.splice(waiters.indexOf(w), 1);
          taken = messages.length;
          w.resolve(message);
        }
      }
    });
  });
  req.on('error', () => undefined);
  const next = (match: (m: SseMessage) => boolean, timeoutMs = 20_000) =>
    new Promise<SseMessage>((resolve, reject) => {
      const early = messages.findIndex((m, i) => i >= taken && match(m));
      if (early >= 0) {
        taken = early + 1;
        return resolve(messages[early]);
      }
      const timer = setTimeout(() => reject(new Error(`no matching SSE message within ${timeoutMs} ms; got ${messages.map((m) => m.type).join(', ')}`)), timeoutMs);
      waiters.push({ match, resolve: (m) => (clearTimeout(timer), resolve(m)) });
    });
  return { messages, next, close: () => req.destroy() };
}
