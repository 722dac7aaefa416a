import { token } from '../api';

/**
 * A signed-in Server-Sent Events stream (EventSource cannot send the bearer token): read with
 * fetch, split into events, reconnected after a drop. Returns the function that stops it.
 */
export function liveStream(path: string, onEvent: (name: string, data: unknown) => void, onState: (connected: boolean) => void): () => void {
  let stopped = false;
  let controller: AbortController | null = null;
  async function connect(): Promise<void> {
    while (!stopped) {
      controller = new AbortController();
      try {
        const res = await fetch(path, { headers: { authorization: `Bearer ${token.get() ?? ''}`, accept: 'text/event-stream' }, signal: controller.signal });
        if (!res.ok || !res.body) throw new Error(`HTTP ${res.status}`);
        onState(true);
        const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
        let buffer = '';
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          buffer += value;
          let end: number;
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            const block = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            const name = /^event: ?(.*)$/m.exec(block)?.[1] ?? 'message';
            const data = block.split('\n').filter((l) => l.startsWith('data:')).map((l) => l.replace(/^data: ?/, '')).join('\n');
            if (data) onEvent(name, JSON.parse(data));
          }
        }
      } catch {
        // Dropped or refused: try again shortly, as EventSource would.
      }
      onState(false);
      if (!stopped) await new Promise((r) => setTimeout(r, 3000));
    }
  }
  void connect();
  return () => {
    stopped = true;
    controller?.abort();
  };
}
