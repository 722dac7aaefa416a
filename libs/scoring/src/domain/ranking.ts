import { Dec } from './decimal';

/** Negative when `a` ranks ahead of `b`, positive when behind, 0 when this key cannot separate them. */
export type Comparator<T> = (a: T, b: T) => number;

export interface RankOptions<T> {
  /**
   * A row whose status is set and is not 'OK' gets no place (DNS, DNF, DQ, NM ...).
   * Default: reads `row.status` when the row is an object.
   */
  statusOf?: (row: T) => string | null | undefined;
  /** Order of the unplaced groups after the placed rows; unknown statuses go last. */
  statusOrder?: string[];
}

export interface RankedRow<T> {
  row: T;
  /** standard competition ranking ("1, 2, 2, 4"); null for unplaced rows */
  place: number | null;
  /** true when at least one other row shares this place */
  tied: boolean;
  /**
   * Index of the comparator that separated this row from the row above it
   * (0 = primary key); null for the first row, for tied rows and for unplaced rows.
   * Lets the UI say "decided by countback" etc.
   */
  decidedBy: number | null;
}

// World Athletics result lists put non-finishers after finishers, DNF before DQ/DNS;
// NM (no mark) belongs with the non-placed field-event athletes.
const DEFAULT_STATUS_ORDER = ['NM', 'DNF', 'DQ', 'DNS'];

function defaultStatusOf<T>(row: T): string | null | undefined {
  if (row && typeof row === 'object' && 'status' in row) {
    const s = (row as { status?: unknown }).status;
    return typeof s === 'string' ? s : null;
  }
  return null;
}

/**
 * Generic ranking: sort by an ordered chain of comparators (primary key first,
 * then each tie-breaker) and give standard competition places: tied rows share
 * the place and the next place skips ("1, 2, 2, 4"). Input order is kept among
 * fully tied rows (stable sort), so the result is deterministic.
 */
export function rank<T>(rows: readonly T[], comparators: readonly Comparator<T>[], options: RankOptions<T> = {}): RankedRow<T>[] {
  const statusOf = options.statusOf ?? defaultStatusOf;
  const order = options.statusOrder ?? DEFAULT_STATUS_ORDER;
  const placed: { row: T; i: number }[] = [];
  const unplaced: { row: T; i: number; s: string }[] = [];
  rows.forEach((row, i) => {
    const s = statusOf(row);
    if (s && s !== 'OK') unplaced.push({ row, i, s });
    else placed.push({ row, i });
  });

  // The first comparator that tells a from b, or null when none does.
  const separatedBy = (a: T, b: T): number | null => {
    for (let k = 0; k < comparators.length; k++) if (comparators[k](a, b) !== 0) return k;
    return null;
  };
  const compare = (a: T, b: T): number => {
    for (let k = 0; k < comparators.length; k++) {
      const c = comparators[k](a, b);
      if (c !== 0) return c;
    }
    return 0;
  };
  placed.sort((x, y) => compare(x.row, y.row) || x.i - y.i);

  const out: RankedRow<T>[] = [];
  for (let k = 0; k < placed.length; k++) {
    const prev = k > 0 ? out[k - 1] : null;
    const by = prev ? separatedBy(prev.row, placed[k].row) : null;
    const sameAsPrev = prev !== null && by === null;
    out.push({
      row: placed[k].row,
      place: sameAsPrev ? prev!.place : k + 1,
      tied: false,
      decidedBy: sameAsPrev ? null : by,
    });
    if (sameAsPrev) {
      prev!.tied = true;
      out[k].tied = true;
    }
  }

  const idx = (s: string) => {
    const i = order.indexOf(s);
    return i < 0 ? order.length : i;
  };
  unplaced.sort((x, y) => idx(x.s) - idx(y.s) || x.i - y.i);
  for (const u of unplaced) out.push({ row: u.row, place: null, tied: false, decidedBy: null });
  return out;
}

/** Comparator over a decimal-valued key; rows without a value rank after rows with one. */
export function byDecimal<T>(get: (row: T) => string | number | null | undefined, better: 'higher' | 'lower'): Comparator<T> {
  // A sort compares each row about log2(n) times: parse each value once.
  const parsed = new Map<string | number, Dec>();
  const dec = (v: string | number) => {
    let d = parsed.get(v);
    if (d === undefined) parsed.set(v, (d = new Dec(v)));
    return d;
  };
  return (a, b) => {
    const va = get(a);
    const vb = get(b);
    const na = va === null || va === undefined;
    const nb = vb === null || vb === undefined;
    if (na || nb) return na && nb ? 0 : na ? 1 : -1;
    if (va === vb) return 0;
    // By the numbers first, which never contradicts the decimals' order (rounding to a double
    // keeps order); by the decimals only where the numbers are equal (or not finite: NaN).
    const c = Number(va) - Number(vb) || dec(va).cmp(dec(vb));
    return better === 'higher' ? -c : c;
  };
}
