import { coalesce, type PendingRow, settled } from './coalesce';

const tally = (id: number, itemId: number, version: number): PendingRow => ({
  id,
  jobName: 'tally.item',
  jobId: `tally.item-${itemId}-v${version}`,
  payload: { itemId, version },
});

describe('coalesce', () => {
  it('collapses a burst of tallies for one item into the latest', () => {
    const out = coalesce([tally(1, 7, 1), tally(2, 7, 2), tally(3, 9, 1), tally(4, 7, 3)]);
    expect(out.map((r) => r.id)).toEqual([3, 4]);
    expect(out.find((r) => r.id === 4)?.payload).toEqual({ itemId: 7, version: 3 });
  });

  it('refuses a row whose job is not in the contract', () => {
    expect(() => coalesce([{ id: 1, jobName: 'nope' as never, jobId: 'x', payload: {} }])).toThrow(/unknown job "nope"/);
  });
});

describe('settled', () => {
  const aged = (row: PendingRow, ageMs: number): PendingRow => ({ ...row, ageMs });
  const window = { settleMs: 100, maxWaitMs: 1000 };

  it('lets a lone score through at once', () => {
    expect(settled([aged(tally(1, 7, 1), 5)], window).ready.map((r) => r.id)).toEqual([1]);
  });

  it('holds a burst while it is still arriving, other items and other jobs unaffected', () => {
    const promote: PendingRow = { id: 4, jobName: 'registration.promote', jobId: 'p', payload: { eventId: 1, freedBy: 2 }, ageMs: 1 };
    const out = settled([aged(tally(1, 7, 1), 80), aged(tally(2, 7, 2), 30), aged(tally(3, 9, 1), 10), promote], window);
    expect([out.ready.map((r) => r.id), out.held]).toEqual([[3, 4], 2]);
  });

  it('releases a burst once its newest row has settled', () => {
    const out = settled([aged(tally(1, 7, 1), 300), aged(tally(2, 7, 2), 120)], window);
    expect(out.ready.map((r) => r.id)).toEqual([1, 2]);
  });

  it('releases a burst that has gone on for the longest wait, so a steady stream still gets tallied', () => {
    const out = settled([aged(tally(1, 7, 1), 1000), aged(tally(2, 7, 2), 2)], window);
    expect(out.ready.map((r) => r.id)).toEqual([1, 2]);
  });
});
