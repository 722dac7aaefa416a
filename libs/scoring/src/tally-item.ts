import { type EntryCells, inputReader, rankScheme, type SchemeResult, schemeScorer, ScoringInputError, type SchemeResultRow } from './domain';
import type { ItemMarks } from './scoring.service';

export interface ComputedResult {
  entryId: number;
  place: number | null;
  total: string | null;
  status: string;
  breakdown: unknown;
}

/**
 * Scores and ranks every approved entry of an item from the cells of its
 * submitted sheets, whatever the scheme. Judge seats follow the panel order; a judge who has not marked yet is a missing mark,
 * which the scheme's own rule handles. An entry the scheme cannot score yet
 * (too few marks) is listed without a place as INCOMPLETE.
 */
export function tallyItem(data: ItemMarks): ComputedResult[] {
  const scheme = data.scheme;
  // The scheme is checked once for the item; a refused one makes every entry with marks INCOMPLETE, naming why.
  let score: (cells: EntryCells) => SchemeResult;
  try {
    const read = inputReader(scheme);
    const compute = schemeScorer(scheme);
    score = (cells) => compute(read(cells, data.judgeIds));
  } catch (err) {
    if (!(err instanceof ScoringInputError)) throw err;
    score = () => {
      throw err;
    };
  }
  const rows: SchemeResultRow<number>[] = [];
  const incomplete: ComputedResult[] = [];
  for (const entryId of data.entryIds) {
    const cells = data.cells.get(entryId);
    if (!cells) {
      incomplete.push({ entryId, place: null, total: null, status: 'INCOMPLETE', breakdown: { reason: 'no marks yet' } });
      continue;
    }
    let result: SchemeResult;
    try {
      result = score(cells);
    } catch (err) {
      if (!(err instanceof ScoringInputError)) throw err;
      incomplete.push({ entryId, place: null, total: null, status: 'INCOMPLETE', breakdown: { reason: err.message } });
      continue;
    }
    rows.push({ id: entryId, result });
  }
  const breakdowns = new Map(rows.map((r) => [r.id, r.result.breakdown]));
  const ranked = rankScheme(data.scheme, rows).map((r) => ({
    entryId: r.id,
    place: r.place,
    total: r.total,
    status: r.status,
    breakdown: breakdowns.get(r.id),
  }));
  return [...ranked, ...incomplete];
}
