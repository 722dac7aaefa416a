import type { ScanUploadResult } from '../api';

/**
 * What a staff phone reads off a code: a walker's own code, or a bib (a team's bib scans its members:
 * those `present`, when the staff member said who is there).
 */
export type ScanTarget = { walkerId: number } | { bib: string; present?: number[] };

/** The text of a walker's own QR code (their page shows it): `hike-walker:<walker id>`. */
export const walkerCode = (walkerId: number) => `hike-walker:${walkerId}`;

/** A scanned or typed code as the scans API takes it, or null when it is neither a walker's code nor a bib. */
export function parseCode(text: string): ScanTarget | null {
  const code = text.trim();
  const walker = /^hike-walker:(\d{1,10})$/i.exec(code);
  if (walker) return { walkerId: Number(walker[1]) };
  return /^[\w-]{1,32}$/.test(code) ? { bib: code.toUpperCase() } : null;
}

/** How a scan stands on the phone: waiting for the network, or the server's answer. */
export type ScanState = 'queued' | 'accepted' | 'flagged' | 'refused';

export interface QueuedScan {
  clientScanId: string;
  eventId: number;
  checkpointId: number;
  direction: 'in' | 'out';
  /** The phone's clock when scanned (ISO); the upload's own clock lets the server correct it. */
  deviceAt: string;
  code: string;
  target: ScanTarget;
  state: ScanState;
  /** Flags per walker, or the refusal's message. */
  detail: string[];
}

/** A client scan id unique on this phone across reloads: the server keeps one scan per id. */
export const newScanId = (deviceId: string, now = Date.now()) => `${deviceId}-${now.toString(36)}-${Math.random().toString(36).slice(2, 8)}`;

type Outcome = ScanUploadResult['results'][number];

/**
 * The server's answer to one scan, as the staff member reads it: refused (with why), flagged (kept
 * for staff to look at: duplicate, out of order, off route, no start scan…), or accepted. A repeat of
 * an upload the server already has is the first answer again: accepted.
 */
export function verdictOf(outcome: Outcome): { state: ScanState; detail: string[] } {
  if (outcome.outcome === 'refused') return { state: 'refused', detail: [outcome.message ?? outcome.code ?? ''] };
  const flags = [...new Set((outcome.flags ?? []).flat())];
  return flags.length ? { state: 'flagged', detail: flags } : { state: 'accepted', detail: [] };
}
