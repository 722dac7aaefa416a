import { performance } from 'node:perf_hooks';

/**
 * A read many callers ask for at once (a route's safety board), computed once for all of them and
 * never older than they allow: `read(key, since, compute)` answers with a computation that began at
 * or after `since` (performance.now() when the request arrived, or that less the age the caller
 * accepts). The last one finished is kept and given while it is recent enough. Callers who ask
 * while one is running share it if it began in time, else the next: one begun too early may miss a
 * change they already saw committed, so they wait for it to end and share the one after. One
 * computation per key at a time.
 */
export class SharedReads<V> {
  private readonly running = new Map<number, { began: number; value: Promise<V> }>();
  private readonly finished = new Map<number, { began: number; value: V }>();

  async read(key: number, since: number, compute: () => Promise<V>): Promise<V> {
    for (;;) {
      const last = this.finished.get(key);
      if (last && last.began >= since) return last.value;
      const current = this.running.get(key);
      if (current && current.began >= since) return current.value;
      if (current) {
        await current.value.catch(() => undefined);
        continue;
      }
      const began = performance.now();
      const value = compute().finally(() => this.running.delete(key));
      this.running.set(key, { began, value });
      value.then(
        (v) => {
          if ((this.finished.get(key)?.began ?? -Infinity) < began) this.finished.set(key, { began, value: v });
        },
        () => undefined,
      );
      return value;
    }
  }
}
