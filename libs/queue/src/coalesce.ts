import { JOBS, type JobName } from './job-contract';

export interface PendingRow {
  id: number;
  jobName: JobName;
  jobId: string;
  payload: unknown;
}

/**
 * Picks the rows of a relay batch that become jobs: rows sharing a coalesce key
 * collapse into the latest one, rows sharing a job id into one. Order by id is kept.
 */
export function coalesce(rows: PendingRow[]): PendingRow[] {
  const latest = new Map<string, PendingRow>();
  for (const row of rows) {
    const def = JOBS[row.jobName];
    if (!def) throw new Error(`outbox row ${row.id} names an unknown job "${row.jobName}"`);
    const key = def.coalesceKey ? def.coalesceKey(row.payload as never) : `id:${row.jobId}`;
    latest.set(key, row);
  }
  return [...latest.values()].sort((a, b) => a.id - b.id);
}
