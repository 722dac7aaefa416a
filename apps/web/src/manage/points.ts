/**
 * Placing points as an organizer types them: one figure per place, 1st place first, separated by
 * commas, spaces or the Chinese 、，. Each is a non-negative decimal (tied places share them, so
 * halves appear in the tables) and a place never earns more than the one above it.
 */
export type PointsParse = { ok: true; points: string[] } | { ok: false; problem: 'empty' | 'notNumber' | 'rising'; at?: number };

const DECIMAL = /^\d{1,4}(\.\d{1,2})?$/;

export function parsePoints(text: string): PointsParse {
  const parts = text.split(/[\s,，、;；]+/).filter(Boolean);
  if (!parts.length) return { ok: false, problem: 'empty' };
  for (let i = 0; i < parts.length; i++) {
    if (!DECIMAL.test(parts[i])) return { ok: false, problem: 'notNumber', at: i + 1 };
    if (i > 0 && Number(parts[i]) > Number(parts[i - 1])) return { ok: false, problem: 'rising', at: i + 1 };
  }
  return { ok: true, points: parts };
}

/** The table as the form shows it. */
export const formatPoints = (points: readonly string[]): string => points.join(', ');

/** An age bound as typed: blank is no bound; else a whole number of years 1–120. */
export function ageBound(text: string | number | null | undefined): number | null | 'invalid' {
  const s = String(text ?? '').trim();
  if (!s) return null;
  if (!/^\d{1,3}$/.test(s) || Number(s) < 1 || Number(s) > 120) return 'invalid';
  return Number(s);
}
