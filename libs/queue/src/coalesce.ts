import { JOBS, type JobName } from './job-contract';

export interface PendingRow {
  id: number;
  jobName: JobName;
  jobId: string;
  payload: unknown;
  /** How long ago the row was written, by the database's clock. */
  ageMs?: number;
}

export interface SettleWindow {
  /** A burst is over once its newest row is this old. */
  settleMs: number;
  /** ...or once its oldest row is this old, so a steady stream still gets a job now and then. */
  maxWaitMs: number;
}

/**
 * Picks the rows of a relay batch that become jobs: rows sharing a coalesce key
 * collapse into the latest one, rows sharing a job id into one, rows sharing a
 * merge key into jobs carrying them all. Order by (first) id is kept.
 */
export function coalesce(rows: PendingRow[]): PendingRow[] {
  const latest = new Map<string, PendingRow>();
  const merging = new Map<string, PendingRow[]>();
  for (const row of rows) {
    const def = JOBS[row.jobName];
    if (!def) throw new Error(`outbox row ${row.id} names an unknown job "${row.jobName}"`);
    if ('merge' in def && def.merge) {
      const key = `${row.jobName}:${def.merge.key(row.payload as never)}`;
      merging.set(key, [...(merging.get(key) ?? []), row]);
      continue;
    }
    const key = def.coalesceKey ? def.coalesceKey(row.payload as never) : `id:${row.jobId}`;
    latest.set(key, row);
  }
  const merged = [...merging.values()].flatMap(mergeRows);
  return [...latest.values(), ...merged].sort((a, b) => a.id - b.id);
}

/** Rows of one merge key as few jobs as `most` allows; a row alone stays as it is. */
function mergeRows(rows: PendingRow[]): PendingRow[] {
  const merge = (JOBS[rows[0].jobName] as { merge: NonNullable<(typeof JOBS)['notify.inbox']['merge']> }).merge;
  const groups: PendingRow[][] = [];
  let size = Infinity;
  for (const row of rows) {
    const n = merge.size(row.payload as never);
    if (size + n > merge.most) groups.push([]), (size = 0);
    groups[groups.length - 1].push(row);
    size += n;
  }
  return groups.map((group) => {
    if (group.length === 1) return group[0];
    const payload = merge.combine(group.map((r) => r.payload) as never);
    return { id: group[0].id, jobName: group[0].jobName, jobId: JOBS[group[0].jobName].jobId(payload as never), payload };
  });
}

/** The key rows of a coalescing job collapse on, or undefined for a job that does not coalesce. */
export function coalesceKeyOf(row: PendingRow): string | undefined {
  return JOBS[row.jobName]?.coalesceKey?.(row.payload as never);
}

/**
 * Rows of a coalescing job to hold back for a later relay pass: those of a key
 * with two or more rows waiting (a burst is under way) whose newest row is
 * younger than `settleMs`, unless the oldest has waited `maxWaitMs`; and every
 * row of a key that is `busy` (its last job went out moments ago, or still
 * waits in its queue: that job has not read anything yet, so a second one
 * behind it would only do the same work again). A lone row of a quiet key
 * goes at once, so a single score is visible without delay; changes trickling
 * in one per pass become one job per tally run, not one per change.
 * Held rows stay in the outbox and are read again on the next pass.
 */
export function settled(rows: PendingRow[], window: SettleWindow, busy: (key: string) => boolean = () => false): { ready: PendingRow[]; held: number } {
  const groups = new Map<string, PendingRow[]>();
  for (const row of rows) {
    const key = coalesceKeyOf(row);
    if (key) groups.set(key, [...(groups.get(key) ?? []), row]);
  }
  const hold = new Set<PendingRow>();
  for (const [key, group] of groups) {
    if (busy(key)) {
      group.forEach((r) => hold.add(r));
      continue;
    }
    if (group.length < 2) continue;
    const newest = Math.min(...group.map((r) => r.ageMs ?? Infinity));
    const oldest = Math.max(...group.map((r) => r.ageMs ?? 0));
    if (newest < window.settleMs && oldest < window.maxWaitMs) group.forEach((r) => hold.add(r));
  }
  return { ready: rows.filter((r) => !hold.has(r)), held: hold.size };
}
