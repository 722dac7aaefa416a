import { allocatePlaces, splitCap, type PlaceClaim, type PlaceCounter, type PlaceLevel } from './places';

const levelOf = (key: string): PlaceLevel => (key.startsWith('delegation:') ? 'delegation' : key.startsWith('item:') ? 'item' : 'event');
const counters = (entries: Record<string, Partial<PlaceCounter>>) =>
  new Map(Object.entries(entries).map(([k, c]) => [k, [{ cap: null, taken: 0, bibSeq: 0, ...c }]]));
const claim = (counters: string[], opts: Partial<PlaceClaim> = {}): PlaceClaim => ({ counters, bibCounter: null, seenFull: null, ...opts });

describe('allocatePlaces', () => {
  it('takes a place at every level and hands out bibs in arrival order', () => {
    const rows = counters({ 'delegation:7': { cap: 5 }, 'item:3': { cap: 10, taken: 2 }, event: { cap: 100, taken: 40, bibSeq: 41 } });
    const { outcomes, changed } = allocatePlaces(rows, [claim(['delegation:7', 'item:3', 'event'], { bibCounter: 'event' }), claim(['item:3', 'event'], { bibCounter: 'event' })], levelOf);
    expect(outcomes).toEqual([
      { taken: true, bibSeq: 42 },
      { taken: true, bibSeq: 43 },
    ]);
    expect(rows.get('delegation:7')![0]).toMatchObject({ taken: 1 });
    expect(rows.get('item:3')![0]).toMatchObject({ taken: 4 });
    expect(rows.get('event')![0]).toMatchObject({ taken: 42, bibSeq: 43 });
    expect(changed).toEqual(new Set(['delegation:7', 'item:3', 'event'].map((k) => rows.get(k)![0])));
  });

  it('waits at the narrowest full level and takes nothing anywhere', () => {
    const rows = counters({ 'delegation:7': { cap: 1, taken: 1 }, 'item:3': { cap: 1, taken: 1 }, event: { cap: 10 } });
    const { outcomes, changed } = allocatePlaces(rows, [claim(['delegation:7', 'item:3', 'event'], { bibCounter: 'event' }), claim(['item:3', 'event'])], levelOf);
    expect(outcomes).toEqual([
      { taken: false, full: 'delegation' },
      { taken: false, full: 'item' },
    ]);
    expect(rows.get('event')![0]).toMatchObject({ taken: 0, bibSeq: 0 });
    expect(changed.size).toBe(0);
  });

  it('fills the last place with the first claim and waitlists the rest; a claim of another delegation still fits', () => {
    const rows = counters({ 'delegation:1': { cap: 1 }, 'delegation:2': { cap: 1 }, event: { cap: 3, taken: 1 } });
    const { outcomes } = allocatePlaces(rows, [claim(['delegation:1', 'event']), claim(['delegation:1', 'event']), claim(['delegation:2', 'event']), claim(['event'])], levelOf);
    expect(outcomes).toEqual([
      { taken: true, bibSeq: null },
      { taken: false, full: 'delegation' },
      { taken: true, bibSeq: null },
      { taken: false, full: 'event' },
    ]);
  });

  it('counts a cap of null as never full, and a cap below the count as full', () => {
    const rows = counters({ 'item:3': { cap: null, taken: 500 }, event: { cap: 2, taken: 3 } });
    expect(allocatePlaces(rows, [claim(['item:3'])], levelOf).outcomes).toEqual([{ taken: true, bibSeq: null }]);
    expect(allocatePlaces(rows, [claim(['item:3', 'event'])], levelOf).outcomes).toEqual([{ taken: false, full: 'event' }]);
  });

  it('sends a claim its earlier read saw full to the waitlist without a look at the counters', () => {
    const rows = counters({ event: { cap: 10 } });
    const { outcomes, changed } = allocatePlaces(rows, [claim(['missing', 'event'], { seenFull: 'item' })], levelOf);
    expect(outcomes).toEqual([{ taken: false, full: 'item' }]);
    expect(changed.size).toBe(0);
  });

  it('hands out a bib from a counter the claim takes no place at', () => {
    const rows = counters({ 'item:3': { cap: 5 }, event: { bibSeq: 9 } });
    const { outcomes, changed } = allocatePlaces(rows, [claim(['item:3'], { bibCounter: 'event' })], levelOf);
    expect(outcomes).toEqual([{ taken: true, bibSeq: 10 }]);
    expect(rows.get('event')![0]).toMatchObject({ taken: 0, bibSeq: 10 });
    expect(changed.has(rows.get('event')![0])).toBe(true);
  });

  it('refuses a counter it was not given', () => {
    expect(() => allocatePlaces(counters({}), [claim(['item:3'])], levelOf)).toThrow('no capacity counter item:3');
  });

  describe('a counter split into shards', () => {
    const shard = (shard: number, c: Partial<PlaceCounter>): PlaceCounter => ({ cap: null, taken: 0, bibSeq: 0, shard, shards: 4, ...c });

    it('takes from the first held shard with room, and numbers bibs so that no two shards share one', () => {
      const rows = new Map([['event', [shard(2, { cap: 1, taken: 0, bibSeq: 3 }), shard(0, { cap: 2, taken: 0, bibSeq: 3 })]]]);
      const { outcomes } = allocatePlaces(rows, [claim(['event'], { bibCounter: 'event' }), claim(['event'], { bibCounter: 'event' }), claim(['event'], { bibCounter: 'event' })], levelOf);
      // shard 2's fourth number is 3·4+2+1, shard 0's fourth and fifth 13 and 17
      expect(outcomes).toEqual([
        { taken: true, bibSeq: 15 },
        { taken: true, bibSeq: 13 },
        { taken: true, bibSeq: 17 },
      ]);
      expect(rows.get('event')!.map((c) => c.taken)).toEqual([1, 2]);
    });

    it('stops at the first claim its held shards cannot serve while others may have room, and waitlists only once none has', () => {
      const rows = new Map([['event', [shard(1, { cap: 1 })]]]);
      const claims = [claim(['event']), claim(['event']), claim(['event'])];
      const paused = allocatePlaces(rows, claims, levelOf, () => false);
      expect(paused).toMatchObject({ outcomes: [{ taken: true, bibSeq: null }], short: 'event' });
      rows.get('event')!.push(shard(3, { cap: 1 }));
      const rest = allocatePlaces(rows, claims.slice(1), levelOf, () => true);
      expect(rest.outcomes).toEqual([
        { taken: true, bibSeq: null },
        { taken: false, full: 'event' },
      ]);
      expect(rest.short).toBeUndefined();
    });
  });
});

describe('splitCap', () => {
  it('gives each shard what it holds plus an even share of the places left', () => {
    expect(splitCap(10, [0, 0, 0, 0])).toEqual([3, 3, 2, 2]);
    expect(splitCap(10, [4, 0, 1, 0])).toEqual([6, 1, 2, 1]);
  });

  it('under a cap below the places held, leaves every shard full and the caps adding up to the cap', () => {
    const caps = splitCap(5, [4, 3, 0, 1]) as number[];
    expect(caps).toEqual([4, 1, 0, 0]);
    expect(caps.every((c, k) => c <= [4, 3, 0, 1][k])).toBe(true);
  });

  it('keeps no limit as no limit', () => {
    expect(splitCap(null, [2, 0])).toEqual([null, null]);
  });
});
