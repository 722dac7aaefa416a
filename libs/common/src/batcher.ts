/**
 * Group commit in the application: work for one key (an event) that arrives while a batch of
 * that key is running waits, and goes in the next batch, up to `max` at a time. Nothing waits
 * for a timer: an idle key's batch starts as soon as the code that called first has run to its
 * next await (a microtask), so the callers of one loop share one batch instead of the first going
 * alone and the rest after it; under a rush batches grow by themselves with the backlog. `run`
 * answers each item by position, with a value or an Error.
 */
export class Batcher<T, R> {
  private readonly queues = new Map<number, { item: T; resolve: (r: R) => void; reject: (e: unknown) => void }[]>();

  /**
   * `startOn: 'turn'` starts an idle key's batch on the event loop's next turn instead (setImmediate):
   * after the requests whose bytes have already arrived are parsed and have asked, so a first step
   * every request takes gathers a burst into one batch.
   */
  constructor(
    private readonly run: (items: T[]) => Promise<(R | Error)[]>,
    private readonly max = 100,
    private readonly startOn: 'microtask' | 'turn' = 'microtask',
  ) {}

  add(key: number, item: T): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      const queue = this.queues.get(key);
      if (queue) return void queue.push({ item, resolve, reject });
      this.queues.set(key, [{ item, resolve, reject }]);
      if (this.startOn === 'turn') setImmediate(() => void this.drain(key));
      else queueMicrotask(() => void this.drain(key));
    });
  }

  private async drain(key: number): Promise<void> {
    const queue = this.queues.get(key)!;
    while (queue.length) {
      const batch = queue.splice(0, this.max);
      try {
        const answers = await this.run(batch.map((b) => b.item));
        batch.forEach((b, i) => (answers[i] instanceof Error ? b.reject(answers[i]) : b.resolve(answers[i] as R)));
      } catch (err) {
        batch.forEach((b) => b.reject(err));
      }
    }
    this.queues.delete(key);
  }
}
