import type { Schemas } from '../api';
import { fromBeijingInput, toBeijingInput } from '../time';

/**
 * A route's checkpoints as the organizer edits them in a table: distances in km and coordinates as
 * typed, times as Beijing wall-clock times (datetime-local fields). The API takes metres and
 * instants; a time left as it was goes back exactly as the API gave it (to the millisecond).
 */
type CheckpointView = Schemas['CheckpointViewDto'];
export type CheckpointBody = Schemas['CheckpointDto'];
export const TIMES = ['opensAt', 'arrivalCutoffAt', 'departureCutoffAt'] as const;
export type TimeField = (typeof TIMES)[number];

export interface CheckpointRow {
  /** Stable for the table's rows while they move. */
  key: number;
  /** The saved checkpoint this row is (sent back, so it keeps its staff and scans when moved); none for a new row. */
  id?: number;
  name: string;
  km: string;
  latitude: string;
  longitude: string;
  opensAt: string;
  arrivalCutoffAt: string;
  departureCutoffAt: string;
  /** The instants the API gave, to send back unchanged when the typed minute still matches. */
  was: Partial<Record<TimeField, string | null>>;
}

let nextKey = 1;
export function rowOf(c?: CheckpointView): CheckpointRow {
  const times = Object.fromEntries(TIMES.map((f) => [f, toBeijingInput(c?.[f])])) as Record<TimeField, string>;
  return {
    key: nextKey++,
    id: c?.id,
    name: c?.name ?? '',
    km: c ? kmOf(c.distanceM) : '',
    latitude: c?.latitude == null ? '' : String(c.latitude),
    longitude: c?.longitude == null ? '' : String(c.longitude),
    ...times,
    was: c ? Object.fromEntries(TIMES.map((f) => [f, c[f]])) : {},
  };
}

/** Metres shown as km: 2500 → "2.5". */
export const kmOf = (metres: number): string => String(metres / 1000);

/** Km as typed ("2.5", "12", "0") → whole metres; anything else is null. */
export function metresOf(km: string): number | null {
  const text = km.trim();
  if (!/^\d{1,3}(\.\d{1,3})?$/.test(text)) return null;
  return Math.round(Number(text) * 1000);
}

/** A coordinate as typed: blank is none; decimal degrees otherwise (the API checks range and pairing). */
function degreesOf(text: string): number | null | 'invalid' {
  const t = text.trim();
  if (!t) return null;
  return /^-?\d{1,3}(\.\d+)?$/.test(t) ? Number(t) : 'invalid';
}

export type RowField = 'name' | 'km' | 'latitude' | 'longitude' | TimeField;
export type Checked = { ok: true; checkpoints: CheckpointBody[] } | { ok: false; row: number; field: RowField };

/** The body of the one PUT, or the first cell the page can already tell is not a number or time. */
export function checkpointsBody(rows: readonly CheckpointRow[]): Checked {
  const checkpoints: CheckpointBody[] = [];
  for (const [row, r] of rows.entries()) {
    const distanceM = metresOf(r.km);
    if (distanceM === null) return { ok: false, row, field: 'km' };
    const latitude = degreesOf(r.latitude);
    if (latitude === 'invalid') return { ok: false, row, field: 'latitude' };
    const longitude = degreesOf(r.longitude);
    if (longitude === 'invalid') return { ok: false, row, field: 'longitude' };
    const body: CheckpointBody = { ...(r.id ? { id: r.id } : {}), name: r.name.trim(), distanceM, latitude, longitude };
    for (const f of TIMES) {
      const was = r.was[f];
      const at = was && toBeijingInput(was) === r[f] ? was : fromBeijingInput(r[f]);
      if (at === 'invalid') return { ok: false, row, field: f };
      body[f] = at;
    }
    checkpoints.push(body);
  }
  return { ok: true, checkpoints };
}

/** The list with item `i` moved one place up (-1) or down (+1); unchanged at either end. */
export function moved<T>(list: readonly T[], i: number, by: -1 | 1): T[] {
  const j = i + by;
  const next = [...list];
  if (j < 0 || j >= list.length) return next;
  [next[i], next[j]] = [next[j], next[i]];
  return next;
}

/**
 * The API's field errors on the checkpoints ("checkpoints[2].longitude") by row and field
 * ("2.longitude"), to mark the cells they name.
 */
export function cellErrors(details: readonly { field?: string | null; message: string }[] | undefined): Record<string, string> {
  const cells: Record<string, string> = {};
  for (const d of details ?? []) {
    const m = /^checkpoints\[(\d+)\]\.(\w+)$/.exec(d.field ?? '');
    if (m) cells[`${m[1]}.${m[2] === 'distanceM' ? 'km' : m[2]}`] ??= d.message;
  }
  return cells;
}
