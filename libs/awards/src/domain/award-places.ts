import type { RankedEntry } from './types';

/** Who holds a place for awards: an official contestant (not a guest) who finished ranked (status OK, placed). */
const holdsPlace = (e: RankedEntry): boolean => !e.guest && e.status === 'OK' && e.place !== null;

/**
 * The place each entry is awarded for: the place the results board counts (libs/results
 * computeScoringPlaces, stored as item_results.scoring_place), never the place on the result sheet.
 * The sheet ranks the whole field, guests included; the board, and so every award by place, counts
 * only the official contestants who finished ranked — guests (特邀, out of competition) and
 * DNS/DNF/DQ/NM hold no place and push nobody down. Ties share ("1, 1, 3"): an entry's place is
 * 1 + the number of such entries placed strictly ahead of it on the sheet. So a guest who finishes
 * first leaves first prize to the best official contestant.
 *
 * null: the entry holds no place (guest, did not finish ranked). award-places.spec.ts checks this
 * against the board's own function over random fields.
 */
export function awardPlaces(field: readonly RankedEntry[]): Map<string, number | null> {
  const holders = new Map<number, number>();
  for (const e of field) if (holdsPlace(e)) holders.set(e.place!, (holders.get(e.place!) ?? 0) + 1);
  const ahead = new Map<number, number>();
  let before = 0;
  for (const place of [...holders.keys()].sort((a, b) => a - b)) {
    ahead.set(place, before);
    before += holders.get(place)!;
  }
  return new Map(field.map((e) => [e.entryId, holdsPlace(e) ? ahead.get(e.place!)! + 1 : null]));
}

/** The field with each entry's place replaced by its award place (see awardPlaces); recounting it again changes nothing. */
export function withAwardPlaces(field: readonly RankedEntry[]): RankedEntry[] {
  const places = awardPlaces(field);
  return field.map((e) => ({ ...e, place: places.get(e.entryId) ?? null }));
}
