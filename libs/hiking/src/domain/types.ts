/** Epoch milliseconds; every instant in this folder is one. */
export type Instant = number;

export type ScanDirection = 'in' | 'out';

export type WalkerStatus = 'registered' | 'started' | 'on_course' | 'finished' | 'withdrawn' | 'timed_out' | 'disqualified';

export const MINUTE_MS = 60_000;
