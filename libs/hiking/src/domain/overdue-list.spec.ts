import { overdueList, type WalkingWalker } from './overdue-list';
import { MINUTE_MS } from './types';

const gun = Date.UTC(2026, 4, 16, 11, 0);
const at = (min: number) => gun + min * MINUTE_MS;
// 青年毅行: 起点 0 km, 拱宸桥 5 km, 香积寺 10 km, 塘栖 15 km.
const checkpoints = [
  { id: 100, seq: 0, distanceM: 0 },
  { id: 101, seq: 1, distanceM: 5000 },
  { id: 102, seq: 2, distanceM: 10000 },
  { id: 103, seq: 3, distanceM: 15000 },
];
const walker = (id: number, lastSeq: number | null, lastScanMin: number | null, startMin = 0): WalkingWalker => ({
  id,
  bib: `QT${id}`,
  lastSeq,
  lastScanAt: lastScanMin === null ? null : at(lastScanMin),
  startAt: at(startMin),
});

describe('the overdue list', () => {
  // At 拱宸桥 after 50 min (10 min/km): due at 香积寺 at 100 min. After 75 min (15 min/km): due at 150.
  const fast = walker(1, 1, 50);
  const slow = walker(2, 1, 75);
  // Started, no split yet: the route's median pace (12.5 min/km) puts them at 拱宸桥 at 62.5 min.
  const noSplit = walker(3, 0, null);
  // At the finish: no next checkpoint, never overdue.
  const finished = walker(4, 3, 160);

  it("projects each walker's own pace, the route's median before a first split, and adds the margin", () => {
    // 130 min, margin 20: fast is 10 over (due 100); noSplit 47.5 over (due 62.5); slow is not (due 150).
    const rows = overdueList([fast, slow, noSplit, finished], checkpoints, at(130), 20 * MINUTE_MS, 200);
    expect(rows.map((r) => [r.id, r.nextSeq, r.nextId, r.n, r.r])).toEqual([
      [3, 1, 101, 1, 1],
      [1, 2, 102, 1, 2],
    ]);
    // Not yet past the margin: nobody.
    expect(overdueList([fast, slow, noSplit], checkpoints, at(60), 20 * MINUTE_MS, 200)).toEqual([]);
  });

  it('names the longest overdue first, and keeps one row per checkpoint to carry its count beyond the named', () => {
    const a = walker(10, 1, 50); // due at 香积寺 at 100
    const b = walker(11, 1, 55); // due at 110
    const c = walker(12, 1, 60); // due at 120
    const rows = overdueList([c, b, a, noSplit], checkpoints, at(200), 0, 1);
    // The median is now 11 min/km: noSplit, due at 55 min, is the longest overdue and named; at 香积寺
    // only the lowest id carries the count of 3.
    expect(rows.map((r) => [r.id, r.nextSeq, r.n, r.r])).toEqual([
      [3, 1, 1, 1],
      [10, 2, 3, 2],
    ]);
  });

  it('overdues no one when nobody has a split and so no pace exists', () => {
    expect(overdueList([walker(20, 0, null), walker(21, null, null)], checkpoints, at(600), 0, 200)).toEqual([]);
  });
});
