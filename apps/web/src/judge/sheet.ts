/**
 * The logic of the score-entry page, apart from Vue so it is tested alone: which columns a
 * scheme asks for and their ranges, checking a typed mark, the marks a save sends, keyboard
 * movement between cells, and the draft saver (the sheet is kept on the server as the judge
 * types, since judges share tablets; a stale version answers 409 and the page shows theirs).
 */

export interface Column {
  key: string;
  label: string;
  min: number | null;
  max: number | null;
  maxDecimals: number | null;
}

type AnyScheme = Record<string, unknown> & { kind?: string };
interface Range { min?: number | string; max?: number | string; maxDecimals?: number }

const num = (v: unknown): number | null => (v === undefined || v === null || v === '' ? null : Number(v));

/** The columns a judge fills for one contestant. Judge panels: one per criterion; marking schemes: one per aspect; the rest: one mark as written. */
export function columnsOf(scheme: AnyScheme): Column[] {
  if (scheme.kind === 'judge-panel') {
    const marks = (scheme.marks ?? {}) as Range;
    return ((scheme.criteria ?? []) as { key: string; label?: string; marks?: Range }[]).map((c) => {
      const r = c.marks ?? marks;
      return { key: c.key, label: c.label ?? c.key, min: num(r.min), max: num(r.max), maxDecimals: r.maxDecimals ?? null };
    });
  }
  if (scheme.kind === 'marking-scheme') {
    return ((scheme.criteria ?? []) as { key: string; label?: string; aspects: { key: string; label?: string; maxMark: number }[] }[]).flatMap((c) =>
      c.aspects.map((a) => ({ key: a.key, label: a.label ? `${a.key} ${a.label}` : a.key, min: 0, max: Number(a.maxMark), maxDecimals: 2 })),
    );
  }
  return [{ key: 'value', label: String(scheme.kind ?? ''), min: null, max: null, maxDecimals: null }];
}

export type Problem = { kind: 'number' } | { kind: 'range'; min: number; max: number } | { kind: 'decimals'; digits: number };

/** Why a typed mark cannot be right, or null; an empty cell is no problem (not entered yet). */
export function problemOf(value: string, column: Column): Problem | null {
  const v = value.trim();
  if (v === '' || (column.min === null && column.max === null)) return null;
  if (!/^-?\d+(\.\d+)?$/.test(v)) return { kind: 'number' };
  const n = Number(v);
  if ((column.min !== null && n < column.min) || (column.max !== null && n > column.max)) return { kind: 'range', min: column.min ?? -Infinity, max: column.max ?? Infinity };
  const decimals = v.split('.')[1]?.length ?? 0;
  if (column.maxDecimals !== null && decimals > column.maxDecimals) return { kind: 'decimals', digits: column.maxDecimals };
  return null;
}

export const cellKey = (entryId: number, criterion: string) => `${entryId}|${criterion}`;

/** Cells from the sheet's stored marks. */
export function cellsFrom(marks: { entryId: number; criterion: string; value: string }[], columns: Column[]): Record<string, string> {
  const cells: Record<string, string> = {};
  for (const m of marks) cells[cellKey(m.entryId, columns.length === 1 && columns[0].key === 'value' ? 'value' : m.criterion)] = m.value;
  return cells;
}

/** The marks a save sends: every cell, an emptied one as null (which removes it). One free column sends no criterion. */
export function marksOf(cells: Record<string, string>, entryIds: number[], columns: Column[]): { entryId: number; criterion?: string; value: string | null }[] {
  const free = columns.length === 1 && columns[0].key === 'value';
  return entryIds.flatMap((entryId) =>
    columns.map((c) => {
      const v = (cells[cellKey(entryId, c.key)] ?? '').trim();
      return { entryId, ...(free ? {} : { criterion: c.key }), value: v === '' ? null : v };
    }),
  );
}

export const missingCount = (cells: Record<string, string>, entryIds: number[], columns: Column[]): number =>
  entryIds.reduce((n, id) => n + columns.filter((c) => !(cells[cellKey(id, c.key)] ?? '').trim()).length, 0);

/** Where a key moves the focus in the grid (row = contestant, col = column); null: the key is not ours. Enter and the arrows; Tab stays the browser's. */
export function move(key: string, at: { row: number; col: number }, rows: number, cols: number): { row: number; col: number } | null {
  switch (key) {
    case 'ArrowDown':
    case 'Enter':
      return { row: Math.min(rows - 1, at.row + 1), col: at.col };
    case 'ArrowUp':
      return { row: Math.max(0, at.row - 1), col: at.col };
    case 'ArrowRight':
      return { row: at.row, col: Math.min(cols - 1, at.col + 1) };
    case 'ArrowLeft':
      return { row: at.row, col: Math.max(0, at.col - 1) };
    default:
      return null;
  }
}

export interface SaveResult { version: number }
export interface DraftSaverOptions {
  delayMs: number;
  save: (version: number) => Promise<SaveResult>;
  onSaved: (version: number) => void;
  /** A save refused because the sheet changed elsewhere (409): saving stops until `reset`. */
  onConflict: (error: unknown) => void;
  onError: (error: unknown) => void;
  isConflict: (error: unknown) => boolean;
}

/**
 * Saves the draft a moment after the last keystroke, one save at a time, with the version the
 * sheet was read at; a change while a save runs is saved after it with the new version.
 */
export class DraftSaver {
  private timer: ReturnType<typeof setTimeout> | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = false;

  constructor(
    public version: number,
    private readonly o: DraftSaverOptions,
  ) {}

  get pending(): boolean {
    return this.timer !== null || this.running !== null;
  }

  changed(): void {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.run();
    }, this.o.delayMs);
  }

  /** Saves now what is waiting (before a submit). */
  async flush(): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
      await this.run();
    }
    while (this.running) await this.running;
  }

  reset(version: number): void {
    this.version = version;
    this.stopped = false;
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.stopped = true;
  }

  private async run(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      try {
        const saved = await this.o.save(this.version);
        this.version = saved.version;
        this.o.onSaved(saved.version);
      } catch (e) {
        if (this.o.isConflict(e)) {
          this.stop();
          this.o.onConflict(e);
        } else this.o.onError(e);
      }
    })();
    await this.running;
    this.running = null;
    if (this.again && !this.stopped) {
      this.again = false;
      await this.run();
    }
  }
}
