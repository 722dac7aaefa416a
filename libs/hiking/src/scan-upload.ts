import type { ScanDirection } from './domain';

/** One scan as a device sends it: a walker's own code (walkerId) or the entry's bib (a team's QR scans its members). */
export interface ScanInput {
  clientScanId: string;
  checkpointId: number;
  direction: ScanDirection;
  deviceAt: Date;
  walkerId?: number;
  bib?: string;
  /** With a team's bib: the members (walker ids) present; absent, every member not out of the walk. */
  present?: number[];
}

export interface ScanUploadInput {
  deviceId: string;
  /** The device's clock at upload: its skew is applied to every scan of the upload. */
  deviceNow: Date;
  scans: ScanInput[];
}

export type ScanOutcome =
  | { index: number; outcome: 'accepted'; walkerIds: number[]; counted: boolean[]; flags: string[][] }
  | { index: number; outcome: 'repeat'; walkerIds: number[] }
  | { index: number; outcome: 'refused'; code: string; field: string; message: string };

export interface ScanUploadResult {
  deviceId: string;
  skewMs: number;
  skewFlagged: boolean;
  accepted: number;
  repeats: number;
  refused: number;
  results: ScanOutcome[];
}

/** A device clock this far off is not a clock to correct by, but a device to fix. */
export const FAR_SKEW_MS = 24 * 3600_000;
