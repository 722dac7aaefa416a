import { AppConfig } from '@app/config';
import { JOBS, type JobName, type JobPayloads, producerRedisOptions, type QueueName } from '@app/queue';
import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { Queue } from 'bullmq';

/**
 * Producers for the jobs the notification jobs start themselves (a fan-out's
 * inbox batches, an inbox job's deliveries) and for an admin's retry. Opened on
 * first use, so an API process that never retries holds no extra connections.
 */
@Injectable()
export class NotifyQueues implements OnApplicationShutdown {
  private readonly queues = new Map<QueueName, Queue>();

  constructor(private readonly config: AppConfig) {}

  queue(name: QueueName): Queue {
    let queue = this.queues.get(name);
    if (!queue) {
      queue = new Queue(name, { connection: producerRedisOptions(this.config), prefix: this.config.QUEUE_PREFIX });
      this.queues.set(name, queue);
    }
    return queue;
  }

  /** Adds jobs in one Redis transaction, each under its contract id: a repeated add is a no-op while the job is kept. */
  async add<N extends JobName>(name: N, payloads: JobPayloads[N][], options: Partial<(typeof JOBS)[N]['options']> = {}): Promise<void> {
    if (!payloads.length) return;
    const def = JOBS[name];
    await this.queue(def.queue).addBulk(payloads.map((data) => ({ name, data, opts: { ...def.options, ...options, jobId: def.jobId(data as never) } })));
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all([...this.queues.values()].map((q) => q.close()));
  }
}
