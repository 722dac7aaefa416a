import { performance } from 'node:perf_hooks';

/**
 * A read many callers ask for at once (a route's safety board), computed once for all of them
 * and never older than the asking: `read(key, asked, compute)` answers with a computation that
 * began at or after `asked` (performance.now() when the request arrived). Callers who ask while
 * one is running share the next; one begun before they asked may miss a change they already saw
 * committed, so they wait for it to end and share the one after. One computation per key at a time.
 */
export class SharedReads<V> {
  private readonly running = new Map<number, { began: number; value: Promise<V> }>();

  async read(key: number, asked: number, compute: () => Promise<V>): Promise<V> {
    for (;;) {
      const current = this.running.get(key);
      if (current && current.began >= asked) return current.value;
      if (current) {
        await current.value.catch(() => undefined);
        continue;
      }
      const began = performance.now();
      const value = compute().finally(() => this.running.delete(key));
      this.running.set(key, { began, value });
      return value;
    }
  }
}
