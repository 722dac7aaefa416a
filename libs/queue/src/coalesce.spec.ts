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

  it('merges inbox notices with the same texts into one job, each recipient keeping their ref', () => {
    const notice = (id: number, trigger: 'entry.approved' | 'entry.waitlisted', item: string, userIds: number[]): PendingRow => ({
      id,
      jobName: 'notify.inbox',
      jobId: `notify.inbox-k${id}`,
      payload: { key: `k${id}`, trigger, vars: { event: '职工运河健步行', item }, to: userIds.map((userId) => ({ userId, ref: `entry-${userId}-${trigger}` })) },
    });
    const out = coalesce([
      notice(1, 'entry.approved', '10公里', [11, 12]),
      tally(2, 7, 1),
      notice(3, 'entry.waitlisted', '10公里', [13]),
      notice(4, 'entry.approved', '10公里', [14]),
      notice(5, 'entry.approved', '5公里', [15]),
    ]);
    expect(out.map((r) => [r.id, r.jobId])).toEqual([
      [1, 'notify.inbox-k1+1'],
      [2, 'tally.item-7-v1'],
      [3, 'notify.inbox-k3'],
      [5, 'notify.inbox-k5'],
    ]);
    expect(out[0].payload).toEqual({
      key: 'k1+1',
      trigger: 'entry.approved',
      vars: { event: '职工运河健步行', item: '10公里' },
      to: [11, 12, 14].map((userId) => ({ userId, ref: `entry-${userId}-entry.approved` })),
    });
  });

  it('gives a merged recipient without a ref of their own the ref of the row they came from', () => {
    const row = (id: number): PendingRow => ({ id, jobName: 'notify.inbox', jobId: `notify.inbox-k${id}`, payload: { key: `k${id}`, trigger: 'judge.assigned', vars: {}, to: [{ userId: id }] } });
    const [merged] = coalesce([row(1), row(2)]);
    expect((merged.payload as { to: unknown[] }).to).toEqual([
      { userId: 1, ref: 'k1' },
      { userId: 2, ref: 'k2' },
    ]);
  });

  it('starts a new merged job past a thousand recipients', () => {
    const big = (id: number, n: number): PendingRow => ({
      id,
      jobName: 'notify.inbox',
      jobId: `notify.inbox-k${id}`,
      payload: { key: `k${id}`, trigger: 'entry.approved', vars: {}, to: Array.from({ length: n }, (_, i) => ({ userId: id * 10_000 + i, ref: `r${id}-${i}` })) },
    });
    const out = coalesce([big(1, 600), big(2, 300), big(3, 200), big(4, 900)]);
    expect(out.map((r) => [r.jobId, (r.payload as { to: unknown[] }).to.length])).toEqual([
      ['notify.inbox-k1+1', 900],
      ['notify.inbox-k3', 200],
      ['notify.inbox-k4', 900],
    ]);
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

  it('holds every row of a busy key, a lone row too, and lets the lone row of a quiet key go at once', () => {
    const busy = (key: string) => key === 'tally.item-7';
    const out = settled([aged(tally(1, 7, 5), 300), aged(tally(2, 9, 1), 5)], window, busy);
    expect([out.ready.map((r) => r.id), out.held]).toEqual([[2], 1]);
    const later = settled([aged(tally(1, 7, 5), 900)], window, () => false);
    expect(later.ready.map((r) => r.id)).toEqual([1]);
  });
});
