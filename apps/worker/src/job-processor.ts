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

  onModuleInit(): void {
    this.worker.concurrency = this.appConfig.WORKER_CONCURRENCY;
  }

  async process(job: Job): Promise<unknown> {
    const handler = (this.handlers as Record<string, ((data: unknown) => Promise<unknown>) | undefined>)[job.name];
    if (!handler) throw new Error(`no handler for job "${job.name}" on queue "${this.queue}"`);
    try {
      return await handler(job.data);
    } catch (err) {
      this.logger.warn(`job ${job.name} ${job.id} failed (attempt ${job.attemptsMade + 1}): ${(err as Error).message}`);
      throw err;
    }
  }
}
