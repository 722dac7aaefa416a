import { coalesce, type PendingRow } from './coalesce';

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
