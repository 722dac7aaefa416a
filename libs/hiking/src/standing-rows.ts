import type { WalkerStatus } from './domain';

/** `h:mm:ss`, as the board shows a walk's time (hours may pass 24 on a long night walk). */
export function formatDuration(ms: number): string {
  const s = Math.round(ms / 1000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${Math.floor(s / 3600)}:${pad(Math.floor((s % 3600) / 60))}:${pad(s % 60)}`;
}

/** An entry's result status from its walkers: a time is OK; nobody started DNS; a disqualified member DQ; still out INCOMPLETE; else DNF. */
export function entryStatus(statuses: WalkerStatus[], hasTime: boolean): 'OK' | 'DNS' | 'DNF' | 'DQ' | 'INCOMPLETE' {
  if (hasTime) return 'OK';
  if (statuses.every((s) => s === 'registered')) return 'DNS';
  if (statuses.includes('disqualified')) return 'DQ';
  if (statuses.some((s) => s === 'started' || s === 'on_course')) return 'INCOMPLETE';
  return 'DNF';
}
