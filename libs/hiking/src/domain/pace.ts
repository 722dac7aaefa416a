import type { Instant } from './types';

/** A passage of the walker: distance from the start in metres, and when. The first one is the start. */
export interface Split {
  distanceM: number;
  at: Instant;
}

/** Milliseconds per kilometre from the first split to the last; null without a segment to measure. */
export function paceMsPerKm(splits: readonly Split[]): number | null {
  if (splits.length < 2) return null;
  const first = splits[0];
  const last = splits[splits.length - 1];
  const km = (last.distanceM - first.distanceM) / 1000;
  return km > 0 ? (last.at - first.at) / km : null;
}

/** The median pace of the route's walkers who have walked a segment so far; null when none has. */
export function routeMedianPace(walkers: readonly (readonly Split[])[]): number | null {
  const paces = walkers.map(paceMsPerKm).filter((p): p is number => p !== null).sort((a, b) => a - b);
  if (paces.length === 0) return null;
  const mid = Math.floor(paces.length / 2);
  return paces.length % 2 ? paces[mid] : (paces[mid - 1] + paces[mid]) / 2;
}

/**
 * When the walker should reach the checkpoint at `nextDistanceM`, in OpenSplitTime's manner: project
 * from the walker's own pace over the segments walked so far; before their first split, from the
 * route's median pace so far. Null when neither exists (nobody has reached a checkpoint yet), or
 * when the walker has no start.
 */
export function predictArrival(splits: readonly Split[], nextDistanceM: number, routeMedian: number | null): Instant | null {
  if (splits.length === 0) return null;
  const pace = paceMsPerKm(splits) ?? routeMedian;
  if (pace === null) return null;
  const last = splits[splits.length - 1];
  return last.at + ((nextDistanceM - last.distanceM) / 1000) * pace;
}

/**
 * Overdue: now is past the predicted arrival by more than the margin (OpenSplitTime's "overdue",
 * the safety board's alert). A walker with no prediction is never overdue.
 */
export function isOverdue(predictedAt: Instant | null, nowAt: Instant, marginMs: number): boolean {
  return predictedAt !== null && nowAt > predictedAt + marginMs;
}
