/** The capacity levels an entry counts against, narrowest first. */
export type PlaceLevel = 'delegation' | 'item' | 'event';

export const PLACE_LEVELS: readonly PlaceLevel[] = ['delegation', 'item', 'event'];

/** A capacity counter as read under its lock: the cap (null: no limit), places taken, the last bib number handed out. */
export interface PlaceCounter {
  cap: number | null;
  taken: number;
  bibSeq: number;
}

/** One entry wanting a place. */
export interface PlaceClaim {
  /** the counters it occupies (those that exist), narrowest first */
  counters: string[];
  /** the counter that hands out bib numbers, when the entry gets one with its place */
  bibCounter: string | null;
  /** the narrowest level an earlier read saw full: the entry waits without its counters being looked at */
  seenFull: PlaceLevel | null;
}

export type PlaceOutcome = { taken: true; bibSeq: number | null } | { taken: false; full: PlaceLevel };

/**
 * Hands out places in arrival order, the rule every registration goes by: an entry gets a place
 * when none of its counters is full (a cap of null never is), and then takes one at every level,
 * with the next bib number when it gets one. Otherwise it goes to the waitlist, named by the
 * narrowest full level. `levelOf` names a counter's level. Counts on the counters given (the caller
 * read them under their locks) and answers which of them changed.
 */
export function allocatePlaces(
  counters: Map<string, PlaceCounter>,
  claims: PlaceClaim[],
  levelOf: (counter: string) => PlaceLevel,
): { outcomes: PlaceOutcome[]; changed: Set<string> } {
  const changed = new Set<string>();
  const counter = (key: string) => {
    const c = counters.get(key);
    if (!c) throw new Error(`no capacity counter ${key}`);
    return c;
  };
  const isFull = (c: PlaceCounter) => c.cap !== null && c.taken >= c.cap;
  const outcomes = claims.map((claim): PlaceOutcome => {
    if (claim.seenFull) return { taken: false, full: claim.seenFull };
    const full = claim.counters.find((key) => isFull(counter(key)));
    if (full) return { taken: false, full: levelOf(full) };
    for (const key of claim.counters) {
      counter(key).taken++;
      changed.add(key);
    }
    if (!claim.bibCounter) return { taken: true, bibSeq: null };
    const bibs = counter(claim.bibCounter);
    changed.add(claim.bibCounter);
    return { taken: true, bibSeq: ++bibs.bibSeq };
  });
  return { outcomes, changed };
}
