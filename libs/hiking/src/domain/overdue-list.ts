import { isOverdue, predictArrival, routeMedianPace, type Split } from './pace';
import type { Instant } from './types';

/** A walker on the course as the overdue rule needs them. */
export interface WalkingWalker {
  id: number;
  bib: string | null;
  /** The checkpoint they last passed (0: the start); null before any. */
  lastSeq: number | null;
  lastScanAt: Instant | null;
  /** Their own start scan, or their wave's gun. */
  startAt: Instant;
}

export interface OverdueRow {
  id: number;
  bib: string | null;
  lastSeq: number | null;
  /** The checkpoint they are overdue at. */
  nextSeq: number;
  nextId: number;
  /** How many are overdue at that checkpoint. */
  n: number;
  /** 1 for the longest overdue; rows past `named` are only there to carry their checkpoint's count. */
  r: number;
}

/**
 * Who is overdue at their next checkpoint (domain/pace.ts: a walker's pace from their start to their
 * last passage, the route's median before their first split): the longest overdue `named` of them,
 * then each checkpoint's first by id, every row with its checkpoint's count; longest overdue first.
 */
export function overdueList(
  walking: readonly WalkingWalker[],
  checkpoints: readonly { id: number; seq: number; distanceM: number }[],
  nowAt: Instant,
  marginMs: number,
  named: number,
): OverdueRow[] {
  const bySeq = new Map(checkpoints.map((c) => [c.seq, c]));
  const splits = walking.map((w): Split[] => {
    const start = { distanceM: 0, at: w.startAt };
    const last = w.lastSeq !== null && w.lastSeq > 0 && w.lastScanAt !== null ? bySeq.get(w.lastSeq) : undefined;
    return last ? [start, { distanceM: last.distanceM, at: w.lastScanAt! }] : [start];
  });
  const median = routeMedianPace(splits);
  const overdue: (Omit<OverdueRow, 'n' | 'r'> & { byMs: number })[] = [];
  walking.forEach((w, i) => {
    const nextSeq = (w.lastSeq ?? 0) + 1;
    const next = bySeq.get(nextSeq);
    const predicted = next ? predictArrival(splits[i], next.distanceM, median) : null;
    if (!next || predicted === null || !isOverdue(predicted, nowAt, marginMs)) return;
    overdue.push({ id: w.id, bib: w.bib, lastSeq: w.lastSeq, nextSeq, nextId: next.id, byMs: nowAt - predicted - marginMs });
  });
  overdue.sort((a, b) => b.byMs - a.byMs || a.id - b.id);
  const count = new Map<number, number>();
  const first = new Map<number, number>();
  for (const o of overdue) {
    count.set(o.nextSeq, (count.get(o.nextSeq) ?? 0) + 1);
    first.set(o.nextSeq, Math.min(first.get(o.nextSeq) ?? o.id, o.id));
  }
  return overdue
    .map(({ byMs, ...o }, i) => ({ ...o, n: count.get(o.nextSeq)!, r: i + 1 }))
    .filter((o) => o.r <= named || first.get(o.nextSeq) === o.id);
}
