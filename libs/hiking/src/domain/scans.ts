import type { Instant, ScanDirection } from './types';

/** One scan as a staff device recorded it, on the device's clock. */
export interface DeviceScan {
  /** Unique per scan on the device; the same upload twice carries the same ids. */
  clientScanId: string;
  walkerId: string;
  checkpointId: string;
  direction: ScanDirection;
  deviceAt: Instant;
}

/** An upload: one scan or an offline device's backlog, with the device's clock at upload. */
export interface ScanUpload {
  deviceId: string;
  deviceNowAt: Instant;
  scans: readonly DeviceScan[];
}

export interface CorrectedScan extends DeviceScan {
  deviceId: string;
  /** The device's time, kept as it came. */
  rawAt: Instant;
  /** The device's time on the server's clock. */
  correctedAt: Instant;
}

export interface CorrectedUpload {
  skewMs: number;
  /** The skew is beyond the event's limit: staff should check the device's clock. */
  skewFlagged: boolean;
  scans: CorrectedScan[];
}

/** Device now − server now; positive when the device runs fast. */
export function clockSkew(deviceNowAt: Instant, serverNowAt: Instant): number {
  return deviceNowAt - serverNowAt;
}

/**
 * Device clocks: the skew measured at upload is applied to every scan in that upload (an
 * offline device's clock drifts little over a night, compared to how wrong it may be set), and a
 * skew beyond `skewLimitMs` either way is flagged. Raw and corrected times are both kept.
 */
export function correctUpload(upload: ScanUpload, serverNowAt: Instant, skewLimitMs: number): CorrectedUpload {
  const skewMs = clockSkew(upload.deviceNowAt, serverNowAt);
  return {
    skewMs,
    skewFlagged: Math.abs(skewMs) > skewLimitMs,
    scans: upload.scans.map((s) => ({ ...s, deviceId: upload.deviceId, rawAt: s.deviceAt, correctedAt: s.deviceAt - skewMs })),
  };
}

/**
 * Idempotency inside one upload: the first scan of each client scan id is kept, later repeats are
 * reported by index. Across uploads the store's unique key on the client scan id does the same.
 */
export function dedupeByClientScanId<T extends { clientScanId: string }>(scans: readonly T[]): { unique: T[]; repeatedIndexes: number[] } {
  const seen = new Set<string>();
  const unique: T[] = [];
  const repeatedIndexes: number[] = [];
  scans.forEach((s, i) => {
    if (seen.has(s.clientScanId)) repeatedIndexes.push(i);
    else {
      seen.add(s.clientScanId);
      unique.push(s);
    }
  });
  return { unique, repeatedIndexes };
}

/** A checkpoint of the walker's route; seq 0 is the start. */
export interface RouteCheckpoint {
  checkpointId: string;
  seq: number;
}

/** A scan already stored for the walker. */
export interface KnownScan {
  clientScanId: string;
  checkpointId: string;
  direction: ScanDirection;
  correctedAt: Instant;
  /** Whether it counts towards the walker's passages (not a duplicate, not flagged off-route or out of order). */
  counted: boolean;
}

export interface WalkerTrack {
  route: readonly RouteCheckpoint[];
  scans: readonly KnownScan[];
  waveStartAt: Instant;
}

export type ScanFlag = 'duplicate' | 'off_route' | 'out_of_order' | 'no_start_scan';

export type ScanVerdict =
  /** The same client scan id is already stored: nothing to write. */
  | { kind: 'repeat' }
  | {
      kind: 'scan';
      /** Counts towards passages, splits and cut-offs. Flagged scans are still stored, never dropped. */
      counted: boolean;
      flags: ScanFlag[];
      /** A counted scan of the same passage with a later corrected time, which now becomes the duplicate. */
      supersedes: string | null;
    };

/**
 * How an incoming scan stands against what is known of the walker (the scan rules of a night walk):
 * - off route: the checkpoint is not on the walker's route; kept for staff, not counted;
 * - duplicate: the same checkpoint and direction already counted under another client scan id (two
 *   staff devices at one checkpoint); only the earliest corrected time counts, so an earlier one
 *   supersedes the counted scan;
 * - out of order: its corrected time puts it before a checkpoint with a lower seq or after one with a
 *   higher seq; kept for staff, not counted, since either scan may be the wrong one. Order is judged by
 *   corrected time, so an offline device's backlog arriving late is not out of order;
 * - no start scan: past the start with no counted start scan; accepted and counted, the start taken
 *   as the wave's gun (see `startOf`), net time unknown.
 */
export function classifyScan(scan: Omit<KnownScan, 'counted'>, track: WalkerTrack): ScanVerdict {
  if (track.scans.some((k) => k.clientScanId === scan.clientScanId)) return { kind: 'repeat' };
  const seqOf = new Map(track.route.map((c) => [c.checkpointId, c.seq]));
  const seq = seqOf.get(scan.checkpointId);
  if (seq === undefined) return { kind: 'scan', counted: false, flags: ['off_route'], supersedes: null };

  const counted = track.scans.filter((k) => k.counted && seqOf.has(k.checkpointId));
  const same = counted.find((k) => k.checkpointId === scan.checkpointId && k.direction === scan.direction);
  if (same && same.correctedAt <= scan.correctedAt) return { kind: 'scan', counted: false, flags: ['duplicate'], supersedes: null };

  const outOfOrder = counted.some((k) => {
    const s = seqOf.get(k.checkpointId)!;
    return (s > seq && k.correctedAt < scan.correctedAt) || (s < seq && k.correctedAt > scan.correctedAt);
  });
  if (outOfOrder) return { kind: 'scan', counted: false, flags: ['out_of_order'], supersedes: null };

  const flags: ScanFlag[] = [];
  if (seq > 0 && !counted.some((k) => seqOf.get(k.checkpointId) === 0)) flags.push('no_start_scan');
  return { kind: 'scan', counted: true, flags, supersedes: same ? same.clientScanId : null };
}

/**
 * The walker's start: the wave's gun always; the own start scan (earliest counted one at seq 0) when
 * there is one. Without it, net time is unknown.
 */
export function startOf(track: WalkerTrack): { gunAt: Instant; startScanAt: Instant | null } {
  const startIds = new Set(track.route.filter((c) => c.seq === 0).map((c) => c.checkpointId));
  const starts = track.scans.filter((k) => k.counted && startIds.has(k.checkpointId)).map((k) => k.correctedAt);
  return { gunAt: track.waveStartAt, startScanAt: starts.length ? Math.min(...starts) : null };
}
