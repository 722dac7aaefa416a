import type { KnownScan } from './scans';
import type { Instant, ScanDirection } from './types';

/**
 * A walker's counted passages, kept on the walker: for each checkpoint and direction, the corrected
 * time of the scan that counts there (the earliest; see `classifyScan`). It is what the scan rules
 * need of the walker's history, so a batch judges its scans without reading the walkers' stored scans.
 */
export type Passages = Record<string, Instant>;

const keyOf = (checkpointId: string | number, direction: ScanDirection) => `${checkpointId}${direction === 'in' ? 'i' : 'o'}`;

/** The passages as stored (a JSON object; null before the first counted scan). */
export function parsePassages(stored: string | null): Passages {
  return stored ? (JSON.parse(stored) as Passages) : {};
}

/** The passages as the counted scans they stand for; `storedId` names each, to tell them from a batch's own. */
export function passageScans(passages: Passages, storedId: (key: string) => string): KnownScan[] {
  return Object.entries(passages).map(([key, correctedAt]) => ({
    clientScanId: storedId(key),
    checkpointId: key.slice(0, -1),
    direction: key.endsWith('i') ? 'in' : 'out',
    correctedAt,
    counted: true,
  }));
}

/**
 * A counted scan's passage: the earliest time counts, so a later one leaves it as it is. What it
 * changes is also written to `changed`, when given: the patch to the stored passages.
 */
export function addPassage(passages: Passages, checkpointId: string | number, direction: ScanDirection, correctedAt: Instant, changed?: Passages): void {
  const key = keyOf(checkpointId, direction);
  if (passages[key] !== undefined && correctedAt >= passages[key]) return;
  passages[key] = correctedAt;
  if (changed) changed[key] = correctedAt;
}

/** The checkpoints with a counted passage either way. */
export function passedCheckpoints(passages: Passages): Set<string> {
  return new Set(Object.keys(passages).map((key) => key.slice(0, -1)));
}
