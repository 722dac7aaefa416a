import type { AppConfig } from '@app/config';
import { jsonColumn } from '@app/database';
import type { DataSource } from 'typeorm';
import { coalesce, coalesceKeyOf, type PendingRow, settled } from './coalesce';
import type { JobName } from './job-contract';
import type { JobQueues } from './job-queues';

interface Logger {
  log(message: string): void;
  warn(message: string): void;
}

const BATCH = 500;
const MAX_BACKOFF_MS = 5000;
/**
 * Longest a burst of coalescing rows (scores on one item) is held back while it keeps arriving,
 * and the least time between two jobs of one coalesce key from one relay.
 */
export const COALESCE_MAX_WAIT_MS = 1000;
/**
 * Longest one batch waits for Redis. A queue first opened while Redis is down does not fail: it
 * waits for Redis to come back, and the relay would hold its transaction and the rows' locks (and
 * log nothing) for the whole outage. Abandoned, the add may still land later; the rows stay
 * pending, go again, and the job ids make the repeat a no-op.
 */
const ADD_TIMEOUT_MS = 5000;

function within<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Redis did not take the jobs within ${ms} ms`)), ms);
  });
  work.catch(() => undefined); // an abandoned add that fails later is no one's error
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

/**
 * Moves committed outbox rows into BullMQ. Rows are locked with SKIP LOCKED so
 * several relays can run side by side; a row is marked dispatched only after
 * Redis accepted its job, in the same transaction, so an outage delays jobs and
 * never loses them. A crash between the two steps re-sends the row, and the
 * derived job id makes BullMQ ignore the repeat.
 */
export class OutboxRelay {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopped = false;
  private failing = false;
  private backoffMs: number;
  /** When this relay last added a job per coalesce key (keys older than the longest wait are dropped). */
  private readonly sentAt = new Map<string, number>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly queues: JobQueues,
    private readonly config: AppConfig,
    private readonly logger: Logger,
  ) {
    this.backoffMs = config.OUTBOX_POLL_MS;
  }

  start(): void {
    this.stopped = false;
    this.schedule(0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  /** Relays one batch; returns how many outbox rows it settled. */
  async relayOnce(): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const rows: PendingRow[] = (
        await manager.query(
          'SELECT id, job_name AS jobName, job_id AS jobId, payload, TIMESTAMPDIFF(MICROSECOND, created_at, NOW(3)) / 1000 AS ageMs FROM outbox ' +
            'WHERE dispatched_at IS NULL ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED',
          [BATCH],
        )
      ).map((r: PendingRow & { payload: unknown }) => ({
        ...r,
        payload: jsonColumn(r.payload),
        ageMs: Number(r.ageMs),
      }));
      const now = Date.now();
      for (const [key, at] of this.sentAt) if (now - at >= COALESCE_MAX_WAIT_MS) this.sentAt.delete(key);
      const sinceSent = (key: string) => now - (this.sentAt.get(key) ?? -Infinity);
      const { ready } = settled(rows, { settleMs: this.config.OUTBOX_POLL_MS, maxWaitMs: COALESCE_MAX_WAIT_MS }, sinceSent);
      if (!ready.length) return 0;

      const byName = new Map<JobName, unknown[]>();
      for (const row of coalesce(ready)) byName.set(row.jobName, [...(byName.get(row.jobName) ?? []), row.payload]);
      await within(
        (async () => {
          for (const [name, payloads] of byName) await this.queues.add(name, payloads as never[]);
        })(),
        ADD_TIMEOUT_MS,
      );
      // Taken after the add, so the next job of a key is stamped at least the longest wait after this one.
      const sent = Date.now();
      for (const row of ready) {
        const key = coalesceKeyOf(row);
        if (key) this.sentAt.set(key, sent);
      }
      await manager.query('UPDATE outbox SET dispatched_at = NOW(3) WHERE id IN (?)', [ready.map((r) => r.id)]);
      return ready.length;
    });
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.tick().finally(() => (this.running = undefined));
    }, delayMs);
  }

  private async tick(): Promise<void> {
    let next = this.config.OUTBOX_POLL_MS;
    try {
      const settled = await this.relayOnce();
      if (this.failing) this.logger.log('outbox relay recovered; pending jobs are flowing again');
      this.failing = false;
      this.backoffMs = this.config.OUTBOX_POLL_MS;
      if (settled >= BATCH) next = 0; // more waiting: keep draining
    } catch (err) {
      if (!this.failing) this.logger.warn(`outbox relay cannot dispatch, will retry: ${(err as Error).message}`);
      this.failing = true;
      this.backoffMs = Math.min(this.backoffMs * 2, MAX_BACKOFF_MS);
      next = this.backoffMs;
    }
    this.schedule(next);
  }
}
