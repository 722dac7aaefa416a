import type { EntityManager } from 'typeorm';
import { JOBS, type JobName, type JobPayloads } from './job-contract';

/** A job to start: its name and payload, as the contract types them. */
export type JobRequest = { [N in JobName]: { name: N; payload: JobPayloads[N] } }[JobName];

/**
 * The typed way to start a job: it writes an outbox row through the caller's
 * transaction manager, so the job exists exactly when the change commits.
 */
export async function enqueue<N extends JobName>(manager: EntityManager, name: N, payload: JobPayloads[N]): Promise<void> {
  await enqueueAll(manager, [{ name, payload } as JobRequest]);
}

/**
 * Several jobs in one statement: the outbox rows of a batch of registrations cost one round trip.
 * Plain SQL, payloads serialised once: the ORM's insert read every row back for its defaults.
 */
export async function enqueueAll(manager: EntityManager, jobs: JobRequest[]): Promise<void> {
  if (!jobs.length) return;
  await manager.query(...outboxRows(jobs));
}

/** The outbox rows of `jobs` (at least one) as one statement, for a transaction that ends with its writes. */
export function outboxRows(jobs: JobRequest[]): [string, unknown[]] {
  const rows = jobs.map(({ name, payload }) => [name, (JOBS[name].jobId as (p: typeof payload) => string)(payload), JSON.stringify(payload)]);
  return ['INSERT INTO outbox (job_name, job_id, payload) VALUES ?', [rows]];
}

/**
 * The outbox row of one job as a statement to run later in the caller's transaction (the
 * statements a transaction ends with), with one numeric payload field given as an SQL expression
 * the server evaluates in that statement: a version bumped by an earlier statement of the same
 * transaction (`LAST_INSERT_ID()` after `UPDATE … SET version = LAST_INSERT_ID(version + 1)`).
 * The job id is built by the contract's own rule with that field standing in.
 */
export function outboxStatement<N extends JobName>(name: N, payload: JobPayloads[N], server: { field: keyof JobPayloads[N] & string; sql: string }): [string, unknown[]] {
  const mark = '\u0000';
  const id = (JOBS[name].jobId as (p: unknown) => string)({ ...payload, [server.field]: mark });
  const parts = id.split(mark);
  return [
    `INSERT INTO outbox (job_name, job_id, payload) VALUES (?, CONCAT(${parts.map(() => '?').join(`, ${server.sql}, `)}), JSON_SET(?, '$.${server.field}', ${server.sql}))`,
    [name, ...parts, JSON.stringify(payload)],
  ];
}
