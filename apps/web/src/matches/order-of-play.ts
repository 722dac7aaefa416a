import type { Schemas } from '../api';

export type OrderRow = Schemas['OrderOfPlayRowDto'];

/**
 * The order of play as a court's day is read: one list per court (the unassigned last), each by
 * time and then by round and match number, as the API orders the times.
 */
export function byCourt(rows: OrderRow[]): { court: string | null; rows: OrderRow[] }[] {
  const courts = new Map<string | null, OrderRow[]>();
  for (const r of rows) courts.set(r.court, [...(courts.get(r.court) ?? []), r]);
  const key = (r: OrderRow) => `${r.at ?? '9999'}|${String(r.round).padStart(4, '0')}|${String(r.number).padStart(4, '0')}`;
  return [...courts.entries()]
    .sort(([a], [b]) => (a === null ? 1 : b === null ? -1 : a.localeCompare(b, 'zh-CN', { numeric: true })))
    .map(([court, list]) => ({ court, rows: [...list].sort((x, y) => key(x).localeCompare(key(y))) }));
}

/** A finished match's score as a line: tennis sets as entered, a series' games, or an ending. */
export function scoreText(score: unknown, walkover: string, doubleForfeit: string): string {
  if (!score || typeof score !== 'object') return '';
  const s = score as { text?: string; games?: { a: number; b: number }; walkover?: string; doubleForfeit?: boolean; retired?: string; forfeit?: string };
  if (s.text) return s.text;
  if (s.games) return `${s.games.a}–${s.games.b}`;
  if (s.doubleForfeit) return doubleForfeit;
  if (s.walkover || s.forfeit) return walkover;
  return '';
}
