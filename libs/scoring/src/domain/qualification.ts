import { parseDecimal } from './decimal';
import { assertConfig, configError, ScoringInputError } from './errors';
import { byDecimal, rank } from './ranking';
import { INPUT_STATUSES, InputStatus } from './types';

/**
 * Progression from heats to the next round (World Athletics TR 20 / TR 21):
 * the first `byPlace` of each heat qualify by place (Q), then the next
 * `byPerformance` best times/marks over all heats (q).
 *
 * Ties (TR 21 and its note in Book C2.1):
 * - a tie for the last Q place of a heat: all tied athletes go through if that
 *   is practicable; then one athlete fewer progresses on time (the nominal
 *   number of qualifiers is kept). If even the Q places exceed the room, the
 *   tied athletes must be separated by drawing lots → flagged `draw`.
 * - a tie for the last q place: equal official times are first compared at
 *   1/1000 s (the `raw` performance); if still equal, all tied athletes go
 *   through when there is room (`maxAdvancing`, e.g. a spare lane), otherwise
 *   they are flagged for a draw.
 */
export interface QualificationConfig {
  byPlace: number;
  byPerformance: number;
  better: 'lower' | 'higher';
  /** places physically available in the next round (lanes); default = nominal qualifiers */
  maxAdvancing?: number;
}

export interface QualificationEntry {
  id: string;
  heat: string;
  /** official place in the heat (photo finish); derived from the performance when absent */
  place?: number | null;
  /** official performance, e.g. "10.12" */
  performance?: string | null;
  /** the same performance at a finer precision (1/1000 s) used to split q ties */
  raw?: string | null;
  status?: InputStatus;
}

export interface QualificationRow {
  id: string;
  heat: string;
  place: number | null;
  qualified: 'Q' | 'q' | null;
  /** tied for the last place(s) with too little room: lots must be drawn among these rows */
  draw: boolean;
}

export interface QualificationResult {
  rows: QualificationRow[];
  nominal: number;
  room: number;
  /** each group of rows that must draw lots, with how many of them can go through */
  draws: { basis: 'place' | 'performance'; ids: string[]; places: number }[];
}

export function validateQualificationConfig(c: unknown): ScoringInputError[] {
  if (!c || typeof c !== 'object') return [configError('config', '必须是对象')];
  const cfg = c as QualificationConfig;
  const errs: ScoringInputError[] = [];
  if (!Number.isInteger(cfg.byPlace) || cfg.byPlace < 0) errs.push(configError('config.byPlace', '必须是非负整数'));
  if (!Number.isInteger(cfg.byPerformance) || cfg.byPerformance < 0) errs.push(configError('config.byPerformance', '必须是非负整数'));
  if (!['lower', 'higher'].includes(cfg.better)) errs.push(configError('config.better', "必须为 'lower' 或 'higher'"));
  if (cfg.maxAdvancing !== undefined && !(Number.isInteger(cfg.maxAdvancing) && cfg.maxAdvancing >= 1)) errs.push(configError('config.maxAdvancing', '必须是正整数'));
  return errs;
}

export function qualify(cfg: QualificationConfig, entries: readonly QualificationEntry[]): QualificationResult {
  assertConfig(validateQualificationConfig(cfg));
  entries.forEach((e, i) => {
    const status = e.status ?? 'OK';
    if (!INPUT_STATUSES.includes(status)) throw new ScoringInputError('BAD_STATUS', `entries[${i}].status`, `字段 entries[${i}].status 的值「${String(status)}」无效`);
    if (status === 'OK' && (e.performance === undefined || e.performance === null || !parseDecimal(e.performance))) {
      throw new ScoringInputError('MISSING_VALUE', `entries[${i}].performance`, `字段 entries[${i}].performance 缺失或不是数字，完赛者必须有成绩`);
    }
    if (e.raw !== undefined && e.raw !== null && !parseDecimal(e.raw)) {
      throw new ScoringInputError('NOT_A_NUMBER', `entries[${i}].raw`, `字段 entries[${i}].raw 不是数字`);
    }
  });

  const heats = [...new Set(entries.map((e) => e.heat))];
  const nominal = heats.length * cfg.byPlace + cfg.byPerformance;
  const room = Math.max(cfg.maxAdvancing ?? nominal, nominal);
  const rows = new Map<QualificationEntry, QualificationRow>();
  const draws: QualificationResult['draws'] = [];

  // Places within each heat.
  const straddling: QualificationEntry[][] = [];
  for (const heat of heats) {
    const inHeat = entries.filter((e) => e.heat === heat);
    const hasPlaces = inHeat.every((e) => (e.status ?? 'OK') !== 'OK' || Number.isInteger(e.place));
    // Without official places, equal official times are split at 1/1000 s first (TR 21),
    // exactly as for the q places below; only a remaining tie shares the place.
    const byPerf = [byDecimal((e: QualificationEntry) => e.performance, cfg.better), byDecimal((e: QualificationEntry) => e.raw ?? e.performance, cfg.better)];
    const ranked = rank(inHeat, hasPlaces ? [byDecimal((e) => e.place, 'lower')] : byPerf, {
      statusOf: (e) => e.status ?? 'OK',
    });
    for (const r of ranked) {
      rows.set(r.row, { id: r.row.id, heat, place: r.place, qualified: r.place !== null && r.place <= cfg.byPlace ? 'Q' : null, draw: false });
    }
    // A tie group that starts at or before the last Q place but runs past it.
    const lastQ = ranked.filter((r) => r.place !== null && r.place <= cfg.byPlace);
    const group = lastQ.length ? ranked.filter((r) => r.place === lastQ[lastQ.length - 1].place) : [];
    if (lastQ.length > cfg.byPlace && group.length > 1) straddling.push(group.map((g) => g.row));
  }

  let qCount = [...rows.values()].filter((r) => r.qualified === 'Q').length;
  if (qCount > room) {
    // Not even the place qualifiers fit: the straddling tied athletes draw lots.
    const tied = straddling.flat();
    tied.forEach((e) => Object.assign(rows.get(e)!, { qualified: null, draw: true }));
    qCount -= tied.length;
    draws.push({ basis: 'place', ids: tied.map((e) => e.id), places: room - qCount });
    qCount = room;
  }

  // Performance qualifiers: one fewer for each extra place qualifier (TR 21 note).
  const qSlots = Math.max(0, Math.min(cfg.byPerformance, nominal - qCount));
  const cmpPerf = byDecimal((e: QualificationEntry) => e.performance, cfg.better);
  const cmpRaw = byDecimal((e: QualificationEntry) => e.raw ?? e.performance, cfg.better);
  const cmp = (a: QualificationEntry, b: QualificationEntry) => cmpPerf(a, b) || cmpRaw(a, b);
  const pool = entries.filter((e) => (e.status ?? 'OK') === 'OK' && rows.get(e)!.qualified === null && !rows.get(e)!.draw);
  pool.sort((a, b) => cmp(a, b) || entries.indexOf(a) - entries.indexOf(b));
  if (qSlots > 0 && pool.length > 0) {
    const last = pool[Math.min(qSlots, pool.length) - 1];
    const better = pool.filter((e) => cmp(e, last) < 0);
    const tied = pool.filter((e) => cmp(e, last) === 0);
    better.forEach((e) => (rows.get(e)!.qualified = 'q'));
    const left = qSlots - better.length;
    if (tied.length <= left || qCount + better.length + tied.length <= room) {
      tied.forEach((e) => (rows.get(e)!.qualified = 'q'));
    } else {
      tied.forEach((e) => (rows.get(e)!.draw = true));
      draws.push({ basis: 'performance', ids: tied.map((e) => e.id), places: left });
    }
  }

  return { rows: entries.map((e) => rows.get(e)!), nominal, room, draws };
}

export interface Qualifier {
  id: string;
  qualified: 'Q' | 'q';
  /** place in the heat the qualifier came from */
  place: number | null;
  performance: string | null;
}

export interface SeededEntry {
  id: string;
  heat: number;
  /** order within the heat (the lane draw itself is the referee's, TR 20.4) */
  lane: number;
}

/**
 * Seeds the qualifiers into the next round (TR 20.3.3): place qualifiers first, the winners
 * before the runners-up and so on, each group best performance first; then the performance
 * qualifiers, best first. Heats are then filled in zigzag order (1, 2, …, n, n, …, 2, 1, 1, 2 …)
 * so that the heats are as even as the ranking allows.
 */
export function seedNextRound(qualifiers: readonly Qualifier[], heats: number, better: 'lower' | 'higher'): SeededEntry[] {
  if (!Number.isInteger(heats) || heats < 1) throw configError('heats', '必须是正整数');
  const perf = byDecimal((q: Qualifier) => q.performance, better);
  const ranked = [...qualifiers].sort(
    (a, b) =>
      Number(a.qualified === 'q') - Number(b.qualified === 'q') ||
      (a.qualified === 'Q' ? (a.place ?? Infinity) - (b.place ?? Infinity) : 0) ||
      perf(a, b),
  );
  const lanes = new Array<number>(heats).fill(0);
  return ranked.map((q, i) => {
    const lap = Math.floor(i / heats);
    const offset = i % heats;
    const heat = (lap % 2 === 0 ? offset : heats - 1 - offset) + 1;
    return { id: q.id, heat, lane: ++lanes[heat - 1] };
  });
}
