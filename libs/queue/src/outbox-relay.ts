import type { AppConfig } from '@app/config';
import { jsonColumn } from '@app/database';
import type { DataSource } from 'typeorm';
import { coalesce, coalesceKeyOf, type PendingRow, settled } from './coalesce';
import { JOBS, type JobName, type QueueName } from './job-contract';
import type { JobQueues } from './job-queues';

interface Logger {
  log(message: string): void;
  warn(message: string): void;
}

const BATCH = 500;
const MAX_BACKOFF_MS = 5000;
/** Longest a burst of coalescing rows (scores on one item) is held back while it keeps arriving. */
export const COALESCE_MAX_WAIT_MS = 1000;
/**
 * The least time between two jobs of one coalesce key from one relay. Beyond it, a key's next job
 * waits only while its last one is still queued; so a steady stream of corrections is tallied as
 * often as tallies can run, each reading every correction committed before it started.
 */
export const COALESCE_MIN_GAP_MS = 200;
/** States of a job that has not started: it will read whatever is committed when it does. */
const QUEUED = new Set(['waiting', 'delayed', 'prioritized', 'waiting-children']);
/** A key's last job is forgotten after this long, queued or not, so the map stays small. */
const FORGET_AFTER_MS = 60_000;
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
  /** The last job this relay added per coalesce key, and when. */
  private readonly lastJob = new Map<string, { at: number; gapMs: number; queue: QueueName; id: string }>();

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
      const busy = await within(this.busyKeys(rows), ADD_TIMEOUT_MS);
      const { ready } = settled(rows, { settleMs: this.config.OUTBOX_POLL_MS, maxWaitMs: COALESCE_MAX_WAIT_MS }, (key) => busy.has(key));
      if (!ready.length) return 0;

      const jobs = coalesce(ready);
      const byName = new Map<JobName, unknown[]>();
      for (const row of jobs) byName.set(row.jobName, [...(byName.get(row.jobName) ?? []), row.payload]);
      await within(
        (async () => {
          for (const [name, payloads] of byName) await this.queues.add(name, payloads as never[]);
        })(),
        ADD_TIMEOUT_MS,
      );
      // Taken after the add, so the next job of a key goes at least the least gap after this one.
      const sent = Date.now();
      for (const row of jobs) {
        const key = coalesceKeyOf(row);
        if (key) {
          const def = JOBS[row.jobName];
          this.lastJob.set(key, { at: sent, gapMs: def.minGapMs ?? COALESCE_MIN_GAP_MS, queue: def.queue, id: this.queues.jobId(row.jobName, row.payload as never) });
        }
      }
      await manager.query('UPDATE outbox SET dispatched_at = NOW(3) WHERE id IN (?)', [ready.map((r) => r.id)]);
      return ready.length;
    });
  }

  /** Coalesce keys of these rows whose last job went out less than its job's least gap ago or has not started yet. */
  private async busyKeys(rows: PendingRow[]): Promise<Set<string>> {
    const now = Date.now();
    for (const [key, last] of this.lastJob) if (now - last.at >= FORGET_AFTER_MS) this.lastJob.delete(key);
    const busy = new Set<string>();
    const keys = new Set(rows.map(coalesceKeyOf).filter((key): key is string => key !== undefined));
    await Promise.all(
      [...keys].map(async (key) => {
        const last = this.lastJob.get(key);
        if (!last) return;
        if (now - last.at < last.gapMs || QUEUED.has(await this.queues.queue(last.queue).getJobState(last.id))) busy.add(key);
        else this.lastJob.delete(key);
      }),
    );
    return busy;
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
