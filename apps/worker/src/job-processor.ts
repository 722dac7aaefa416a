import type { AppConfig } from '@app/config';
import type { HandlersFor, QueueName } from '@app/queue';
import { WorkerHost } from '@nestjs/bullmq';
import { Logger, type OnModuleInit } from '@nestjs/common';
import type { Job } from 'bullmq';

/**
 * Base of every processor: dispatches a job to the handler named in the
 * contract and rethrows failures, so BullMQ retries with the contract's backoff
 * (a swallowed error would turn retries off).
 */
export abstract class JobProcessor<Q extends QueueName> extends WorkerHost implements OnModuleInit {
  abstract readonly queue: Q;
  abstract readonly handlers: HandlersFor<Q>;
  protected readonly logger = new Logger(this.constructor.name);

  constructor(private readonly appConfig: AppConfig) {
    super();
  }

  /** Jobs this processor runs at once; I/O-bound deliveries run more than the CPU-bound tally. */
  protected concurrency(config: AppConfig): number {
    return config.WORKER_CONCURRENCY;
  }

  /** At most `max` jobs per `duration` ms across this queue's workers in this process; none by default. */
  protected rateLimit(_config: AppConfig): { max: number; duration: number } | undefined {
    return undefined;
  }

  onModuleInit(): void {
    this.worker.concurrency = this.concurrency(this.appConfig);
    // BullMQ reads the limiter each time it fetches a job, so setting it before the first fetch settles it.
    const limiter = this.rateLimit(this.appConfig);
    if (limiter) (this.worker.opts as { limiter?: { max: number; duration: number } }).limiter = limiter;
  }

  async process(job: Job): Promise<unknown> {
    const handler = (this.handlers as Record<string, ((data: unknown, job: Job) => Promise<unknown>) | undefined>)[job.name];
    if (!handler) throw new Error(`no handler for job "${job.name}" on queue "${this.queue}"`);
    try {
      return await handler(job.data, job);
    } catch (err) {
      this.logger.warn(`job ${job.name} ${job.id} failed (attempt ${job.attemptsMade + 1}): ${(err as Error).message}`);
      throw err;
    }
  }
}
