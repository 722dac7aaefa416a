import type { EntityManager } from 'typeorm';
import { JOBS, type JobName, type JobPayloads } from './job-contract';
import { OutboxMessage } from './outbox-message.entity';

/**
 * The typed way to start a job: it writes an outbox row through the caller's
 * transaction manager, so the job exists exactly when the change commits.
 */
export async function enqueue<N extends JobName>(manager: EntityManager, name: N, payload: JobPayloads[N]): Promise<void> {
  // one plain statement: results enqueue on their hot path, where building it costs more than sending it
  const table = manager.connection.getMetadata(OutboxMessage).tableName;
  await manager.query(`INSERT INTO ${table} (job_name, job_id, payload) VALUES (?, ?, ?)`, [name, JOBS[name].jobId(payload), JSON.stringify(payload)]);
}
