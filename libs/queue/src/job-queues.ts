import type { AppConfig } from '@app/config';
import { Queue } from 'bullmq';
import { bullJobId, JOBS, type JobName, type JobPayloads, type QueueName } from './job-contract';
import { producerRedisOptions } from './redis-options';

/**
 * The one set of BullMQ producers per process, a queue opened on first use:
 * the outbox relay, jobs that start jobs (a fan-out's inbox batches, an inbox
 * job's deliveries), an admin's retry and the queue dashboard share them.
 * Fail-fast connections: while Redis is down an add throws and the caller
 * (the relay, a job's retry) tries again later.
 */
export class JobQueues {
  private readonly queues = new Map<QueueName, Queue>();

  /** `instance`: the database's platform_instance id, read once at boot; every job id carries it. */
  constructor(
    private readonly config: AppConfig,
    readonly instance: string,
  ) {}

  /** The id BullMQ keeps this job under in this database's incarnation. */
  jobId<N extends JobName>(name: N, payload: JobPayloads[N]): string {
    return bullJobId(this.instance, name, payload);
  }

  queue(name: QueueName): Queue {
    let queue = this.queues.get(name);
    if (!queue) {
      queue = new Queue(name, { connection: producerRedisOptions(this.config), prefix: this.config.QUEUE_PREFIX });
      queue.on('error', () => undefined); // an outage surfaces as the failing add, and on /health
      this.queues.set(name, queue);
    }
    return queue;
  }

  /** Adds jobs of one name in one Redis transaction, each under its derived id: a repeated add is a no-op while the job is kept. */
  async add<N extends JobName>(name: N, payloads: JobPayloads[N][], options: Partial<(typeof JOBS)[N]['options']> = {}): Promise<void> {
    if (!payloads.length) return;
    const def = JOBS[name];
    const delay = (data: JobPayloads[N]) => (def.runAt ? { delay: Math.max(0, def.runAt(data) - Date.now()) } : {});
    await this.queue(def.queue).addBulk(payloads.map((data) => ({ name, data, opts: { ...def.options, ...delay(data), ...options, jobId: this.jobId(name, data) } })));
  }

  async close(): Promise<void> {
    await Promise.all([...this.queues.values()].map((q) => q.close()));
    this.queues.clear();
  }
}
