import { type EntryCells, inputReader, rankScheme, type SchemeConfig, type SchemeInput, type SchemeResult, schemeScorer, ScoringInputError, type SchemeResultRow } from './domain';
import type { ItemMarks } from './scoring.service';

export interface ComputedResult {
  entryId: number;
  place: number | null;
  total: string | null;
  status: string;
  breakdown: unknown;
  /**
   * What the scheme scored (plain JSON, a tenth of the breakdown's size): breakdownReader gives
   * the breakdown back from it. Absent when the entry could not be scored; the breakdown says why.
   */
  input?: SchemeInput;
}

/**
 * Scores and ranks every approved entry of an item from the cells of its
 * submitted sheets, whatever the scheme. Judge seats follow the panel order; a judge who has not marked yet is a missing mark,
 * which the scheme's own rule handles. An entry the scheme cannot score yet
 * (too few marks) is listed without a place as INCOMPLETE. With `breakdowns: false`, for a
 * caller that keeps the inputs (breakdownReader gives the breakdowns back), a scored entry's
 * breakdown may be left out (null) where writing it out costs most of the scoring.
 */
export function tallyItem(data: ItemMarks, opts: { breakdowns?: boolean } = {}): ComputedResult[] {
  const scheme = data.scheme;
  // The scheme is checked once for the item; a refused one makes every entry with marks INCOMPLETE, naming why.
  let read: (cells: EntryCells) => SchemeInput;
  let compute: (input: SchemeInput) => SchemeResult;
  try {
    const reader = inputReader(scheme);
    compute = schemeScorer(scheme, { breakdown: opts.breakdowns ?? true });
    read = (cells) => reader(cells, data.judgeIds);
  } catch (err) {
    if (!(err instanceof ScoringInputError)) throw err;
    read = compute = () => {
      throw err;
    };
  }
  const rows: (SchemeResultRow<number> & { input: SchemeInput })[] = [];
  const incomplete: ComputedResult[] = [];
  for (const entryId of data.entryIds) {
    const cells = data.cells.get(entryId);
    if (!cells) {
      incomplete.push({ entryId, place: null, total: null, status: 'INCOMPLETE', breakdown: { reason: 'no marks yet' } });
      continue;
    }
    let input: SchemeInput;
    let result: SchemeResult;
    try {
      input = read(cells);
      result = compute(input);
    } catch (err) {
      if (!(err instanceof ScoringInputError)) throw err;
      incomplete.push({ entryId, place: null, total: null, status: 'INCOMPLETE', breakdown: { reason: err.message } });
      continue;
    }
    rows.push({ id: entryId, result, input });
  }
  const byId = new Map(rows.map((r) => [r.id, r]));
  const ranked = rankScheme(data.scheme, rows).map((r) => ({
    entryId: r.id,
    place: r.place,
    total: r.total,
    status: r.status,
    breakdown: byId.get(r.id)!.result.breakdown,
    input: byId.get(r.id)!.input,
  }));
  return [...ranked, ...incomplete];
}

/**
 * The breakdown tallyItem computed for an input, computed again by the same scorer: scoring is
 * a pure function of the scheme and the input, so results can keep the small input and show the
 * large breakdown on request. Throws as the scorer does, which for an input a tally scored
 * under the same scheme does not happen.
 */
export function breakdownReader(scheme: SchemeConfig): (input: SchemeInput) => unknown {
  const compute = schemeScorer(scheme);
  return (input) => compute(input).breakdown;
}
