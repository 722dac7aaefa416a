/**
 * At most `limit` tasks run at once; up to `maxWaiting` more wait their turn in arrival order, and
 * a task beyond those is refused at once with `refuse()` instead of being held: a flood costs a
 * bounded amount of CPU and memory, and the caller learns early that it should come back later.
 */
export class Gate {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(
    private readonly limit: number,
    private readonly maxWaiting: number,
    private readonly refuse: () => Error,
  ) {}

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.running < this.limit) {
      this.running++;
    } else {
      if (this.waiting.length >= this.maxWaiting) throw this.refuse();
      // The slot is handed over by the task that finishes, so `running` stays as it is.
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    }
    try {
      return await task();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.running--;
    }
  }
}
