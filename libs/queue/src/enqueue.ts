import type { EntityManager } from 'typeorm';
import { JOBS, type JobName, type JobPayloads } from './job-contract';
import { OutboxMessage } from './outbox-message.entity';

/**
 * The typed way to start a job: it writes an outbox row through the caller's
 * transaction manager, so the job exists exactly when the change commits.
 */
export async function enqueue<N extends JobName>(manager: EntityManager, name: N, payload: JobPayloads[N]): Promise<void> {
  await manager.insert(OutboxMessage, { jobName: name, jobId: JOBS[name].jobId(payload), payload });
}
