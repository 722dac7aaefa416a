import { allocatePlaces, type PlaceClaim, type PlaceCounter, type PlaceLevel } from './places';

const levelOf = (key: string): PlaceLevel => (key.startsWith('delegation:') ? 'delegation' : key.startsWith('item:') ? 'item' : 'event');
const counters = (entries: Record<string, Partial<PlaceCounter>>) =>
  new Map(Object.entries(entries).map(([k, c]) => [k, { cap: null, taken: 0, bibSeq: 0, ...c }]));
const claim = (counters: string[], opts: Partial<PlaceClaim> = {}): PlaceClaim => ({ counters, bibCounter: null, seenFull: null, ...opts });

describe('allocatePlaces', () => {
  it('takes a place at every level and hands out bibs in arrival order', () => {
    const rows = counters({ 'delegation:7': { cap: 5 }, 'item:3': { cap: 10, taken: 2 }, event: { cap: 100, taken: 40, bibSeq: 41 } });
    const { outcomes, changed } = allocatePlaces(rows, [claim(['delegation:7', 'item:3', 'event'], { bibCounter: 'event' }), claim(['item:3', 'event'], { bibCounter: 'event' })], levelOf);
    expect(outcomes).toEqual([
      { taken: true, bibSeq: 42 },
      { taken: true, bibSeq: 43 },
    ]);
    expect(rows.get('delegation:7')).toMatchObject({ taken: 1 });
    expect(rows.get('item:3')).toMatchObject({ taken: 4 });
    expect(rows.get('event')).toMatchObject({ taken: 42, bibSeq: 43 });
    expect([...changed].sort()).toEqual(['delegation:7', 'event', 'item:3']);
  });

  it('waits at the narrowest full level and takes nothing anywhere', () => {
    const rows = counters({ 'delegation:7': { cap: 1, taken: 1 }, 'item:3': { cap: 1, taken: 1 }, event: { cap: 10 } });
    const { outcomes, changed } = allocatePlaces(rows, [claim(['delegation:7', 'item:3', 'event'], { bibCounter: 'event' }), claim(['item:3', 'event'])], levelOf);
    expect(outcomes).toEqual([
      { taken: false, full: 'delegation' },
      { taken: false, full: 'item' },
    ]);
    expect(rows.get('event')).toMatchObject({ taken: 0, bibSeq: 0 });
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
    expect(rows.get('event')).toMatchObject({ taken: 0, bibSeq: 10 });
    expect(changed.has('event')).toBe(true);
  });

  it('refuses a counter it was not given', () => {
    expect(() => allocatePlaces(counters({}), [claim(['item:3'])], levelOf)).toThrow('no capacity counter item:3');
  });
});
