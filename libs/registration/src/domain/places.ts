/** The capacity levels an entry counts against, narrowest first. */
export type PlaceLevel = 'delegation' | 'item' | 'event';

export const PLACE_LEVELS: readonly PlaceLevel[] = ['delegation', 'item', 'event'];

/**
 * One shard of a capacity counter as read under its lock: the cap (null: no limit), places taken,
 * the last bib sequence it handed out. A counter may be split into `shards` rows, each with its
 * share of the cap, so that several writers take places at once; shard k numbers its bibs k+1,
 * k+1+shards, k+1+2·shards…, so that the shards never hand out the same number.
 */
export interface PlaceCounter {
  cap: number | null;
  taken: number;
  bibSeq: number;
  /** this shard's index, 0 when the counter is one row */
  shard?: number;
  /** how many shards the counter has, 1 when it is one row */
  shards?: number;
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

/** `bibSeq`: the number on the entry's bib. */
export type PlaceOutcome = { taken: true; bibSeq: number | null } | { taken: false; full: PlaceLevel };

/** The bib number shard `shard` of `shards` hands out as its `seq`th. */
export const bibNumber = (c: PlaceCounter, seq: number): number => (seq - 1) * (c.shards ?? 1) + (c.shard ?? 0) + 1;

const hasRoom = (c: PlaceCounter) => c.cap === null || c.taken < c.cap;

/**
 * Hands out places in arrival order, the rule every registration goes by: an entry gets a place
 * when each of its counters has room (a cap of null always has), and then takes one at every level,
 * from the first of the counter's held shards with room, with the next bib number when it gets one.
 * Otherwise it goes to the waitlist, named by the narrowest full level. `levelOf` names a counter's
 * level. Counts on the shards given (the caller read them under their locks, in its order of
 * preference) and answers which of them changed.
 *
 * A counter whose held shards are all full is full only when `complete` says no other shard has
 * room; otherwise the allocation stops at that claim (`short` names the counter): the caller locks
 * more shards and allocates the rest, so arrival order holds across the pause.
 */
export function allocatePlaces(
  counters: Map<string, PlaceCounter[]>,
  claims: PlaceClaim[],
  levelOf: (counter: string) => PlaceLevel,
  complete: (counter: string) => boolean = () => true,
): { outcomes: PlaceOutcome[]; changed: Set<PlaceCounter>; short?: string } {
  const changed = new Set<PlaceCounter>();
  const shardsOf = (key: string) => {
    const c = counters.get(key);
    if (!c?.length) throw new Error(`no capacity counter ${key}`);
    return c;
  };
  const outcomes: PlaceOutcome[] = [];
  for (const claim of claims) {
    if (claim.seenFull) {
      outcomes.push({ taken: false, full: claim.seenFull });
      continue;
    }
    const chosen = claim.counters.map((key) => shardsOf(key).find(hasRoom));
    const lacking = claim.counters.findIndex((_, i) => !chosen[i]);
    if (lacking >= 0) {
      const key = claim.counters[lacking];
      if (!complete(key)) return { outcomes, changed, short: key };
      outcomes.push({ taken: false, full: levelOf(key) });
      continue;
    }
    for (const c of chosen as PlaceCounter[]) {
      c.taken++;
      changed.add(c);
    }
    if (!claim.bibCounter) {
      outcomes.push({ taken: true, bibSeq: null });
      continue;
    }
    // The bib comes from the shard that gave the event's place, else from the first held one.
    const at = claim.counters.indexOf(claim.bibCounter);
    const bibs = at >= 0 ? chosen[at]! : shardsOf(claim.bibCounter)[0];
    changed.add(bibs);
    outcomes.push({ taken: true, bibSeq: bibNumber(bibs, ++bibs.bibSeq) });
  }
  return { outcomes, changed };
}

/**
 * Each shard's cap: what it holds plus its share of the places left, so that the caps add up to
 * the total; under a cap below what is held, caps no larger than what each holds (all full).
 */
export function splitCap(cap: number | null, taken: number[]): (number | null)[] {
  if (cap === null) return taken.map(() => null);
  const held = taken.reduce((a, b) => a + b, 0);
  if (cap < held) {
    let left = cap;
    return taken.map((t) => {
      const c = Math.min(t, left);
      left -= c;
      return c;
    });
  }
  const free = cap - held;
  return taken.map((t, k) => t + Math.floor(free / taken.length) + (k < free % taken.length ? 1 : 0));
}
