import { HikingDomainError, HikingErrorCode } from './hiking-error';
import type { Drop } from './status';
import type { Instant, ScanDirection, WalkerStatus } from './types';

/**
 * A checkpoint's cut-offs as organizers set them: instants on the route's reference start (its
 * first wave's gun). Null when the checkpoint has no such cut-off.
 */
export interface CheckpointCutoffs {
  checkpointId: string;
  seq: number;
  arrivalCutoffAt: Instant | null;
  departureCutoffAt: Instant | null;
}

export type CutoffKind = 'arrival' | 'departure';

/**
 * A walker's own cut-off: the checkpoint's offset from the route's reference start, applied to the
 * walker's wave start, so a later wave gets the same time on the course (as OpenSplitTime
 * does). A cut-off before the reference start is a configuration error.
 */
export function personalCutoff(cutoffAt: Instant, referenceStartAt: Instant, waveStartAt: Instant): Instant {
  const offset = cutoffAt - referenceStartAt;
  if (offset < 0) throw new HikingDomainError(HikingErrorCode.BadCutoff, '关门时间早于路线起点时间');
  return waveStartAt + offset;
}

/** Both of a checkpoint's cut-offs for one wave; null where the checkpoint has none. */
export function personalCutoffs(cp: CheckpointCutoffs, referenceStartAt: Instant, waveStartAt: Instant): { arrival: Instant | null; departure: Instant | null } {
  const of = (at: Instant | null) => (at === null ? null : personalCutoff(at, referenceStartAt, waveStartAt));
  return { arrival: of(cp.arrivalCutoffAt), departure: of(cp.departureCutoffAt) };
}

/** One counted scan, as the cut-off rules need it. */
export interface PassageScan {
  checkpointSeq: number;
  direction: ScanDirection;
  correctedAt: Instant;
}

/** The cut-off a job enforces: one checkpoint, one wave, one kind, one instant. */
export interface Cutoff {
  checkpointId: string;
  checkpointSeq: number;
  kind: CutoffKind;
  at: Instant;
}

export interface CutoffCandidate {
  walkerId: string;
  status: WalkerStatus;
  scans: readonly PassageScan[];
}

/**
 * Whether `scan` shows the walker made `cutoff` in time. Arrival: any scan at the checkpoint (an
 * out scan implies the in). Departure: an out scan there. At both, a scan at a later checkpoint
 * proves the walker got past, even if this checkpoint's scan is missing.
 */
export function beatsCutoff(scan: PassageScan, cutoff: Cutoff): boolean {
  if (scan.correctedAt > cutoff.at) return false;
  if (scan.checkpointSeq > cutoff.checkpointSeq) return true;
  if (scan.checkpointSeq < cutoff.checkpointSeq) return false;
  return cutoff.kind === 'arrival' || scan.direction === 'out';
}

/**
 * Walkers a cut-off job may time out: those still walking, and those still registered, since a
 * personal cut-off comes after the wave's gun, which starts every walker of the wave (a walker who
 * never scanned anywhere and misses a cut-off is timed out). Finished and dropped ones are left alone.
 */
const TIMEABLE: readonly WalkerStatus[] = ['registered', 'started', 'on_course'];

/**
 * The walkers the job for `cutoff` times out: still walking and with no scan that beats it. The
 * drop records the checkpoint and the cut-off instant, so a late scan can be judged against it.
 */
export function walkersToTimeOut(cutoff: Cutoff, walkers: readonly CutoffCandidate[]): { walkerId: string; drop: Drop }[] {
  return walkers
    .filter((w) => TIMEABLE.includes(w.status) && !w.scans.some((s) => beatsCutoff(s, cutoff)))
    .map((w) => ({
      walkerId: w.walkerId,
      drop: { reason: cutoff.kind === 'arrival' ? 'missed_arrival_cutoff' : 'missed_departure_cutoff', checkpointId: cutoff.checkpointId, at: cutoff.at },
    }));
}

/** What a newly arrived scan does to a walker who is no longer walking. */
export type LateScanEffect =
  /** Corrected time before the cut-off that timed the walker out: the time-out is undone (audited, its alert cleared). */
  | { effect: 'reverse_time_out'; to: 'on_course' | 'started'; clearsAlert: true }
  /** A scan after a withdrawal or disqualification: kept, shown to staff, no status change. */
  | { effect: 'questionable' }
  /** Nothing to change: the walker is walking, or the scan does not beat the cut-off, or predates the drop. */
  | { effect: 'none' };

export interface DroppedWalker {
  status: WalkerStatus;
  /** For timed_out: the cut-off that did it. */
  timedOutBy: Cutoff | null;
  /** For withdrawn/disqualified: when it happened. */
  droppedAt: Instant | null;
}

/**
 * The rule for scans arriving late from an offline device. A scan whose corrected time is
 * before the cut-off that timed the walker out proves they made it: the time-out is reversed. A scan
 * timed after a withdrawal or disqualification stays questionable (someone scanned a bib that should
 * be off the course); one timed before it is plain history.
 */
export function lateScanEffect(walker: DroppedWalker, scan: PassageScan): LateScanEffect {
  if (walker.status === 'timed_out' && walker.timedOutBy && beatsCutoff(scan, walker.timedOutBy)) {
    return { effect: 'reverse_time_out', to: scan.checkpointSeq > 0 ? 'on_course' : 'started', clearsAlert: true };
  }
  if ((walker.status === 'withdrawn' || walker.status === 'disqualified') && (walker.droppedAt === null || scan.correctedAt > walker.droppedAt)) {
    return { effect: 'questionable' };
  }
  return { effect: 'none' };
}

/**
 * The delayed job's id: it includes the cut-off instant, so when organizers move a cut-off or a
 * wave start the new job gets a new id and is scheduled beside the stale one.
 */
export function cutoffJobKey(cutoff: Cutoff, waveId: string): string {
  return `hiking.cutoff:${waveId}:${cutoff.checkpointId}:${cutoff.kind}:${cutoff.at}`;
}

/** A job fires for the cut-off it was scheduled with; when that is no longer the current one it does nothing. */
export function isCurrentCutoff(jobCutoffAt: Instant, currentCutoffAt: Instant | null): boolean {
  return currentCutoffAt === jobCutoffAt;
}
