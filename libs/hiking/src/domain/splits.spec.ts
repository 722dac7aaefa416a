import { walkerSplits } from './splits';
import { MINUTE_MS } from './types';

const gun = Date.UTC(2026, 10, 28, 10, 0); // 18:00 Beijing time
const at = (min: number) => gun + min * MINUTE_MS;

describe('walker splits', () => {
  it('measures each segment from the checkpoint before and the total from the own start scan', () => {
    expect(walkerSplits([{ seq: 0, at: at(2) }, { seq: 1, at: at(22) }, { seq: 2, at: at(47) }], gun)).toEqual([
      { seq: 0, at: at(2), segmentMs: 0, elapsedMs: 0 },
      { seq: 1, at: at(22), segmentMs: 20 * MINUTE_MS, elapsedMs: 20 * MINUTE_MS },
      { seq: 2, at: at(47), segmentMs: 25 * MINUTE_MS, elapsedMs: 45 * MINUTE_MS },
    ]);
  });

  it('takes the gun as the start of a walker who slipped past the start scan', () => {
    expect(walkerSplits([{ seq: 1, at: at(18) }], gun)).toEqual([{ seq: 1, at: at(18), segmentMs: 18 * MINUTE_MS, elapsedMs: 18 * MINUTE_MS }]);
  });

  it('counts the earliest passing at a checkpoint, in route order whatever the upload order', () => {
    const splits = walkerSplits([{ seq: 3, at: at(70) }, { seq: 1, at: at(20) }, { seq: 1, at: at(21) }, { seq: 0, at: at(0) }], gun);
    expect(splits.map((s) => [s.seq, s.segmentMs / MINUTE_MS])).toEqual([
      [0, 0],
      [1, 20],
      [3, 50], // checkpoint 2 missed: the segment spans two
    ]);
  });

  it('is empty before the first scan', () => {
    expect(walkerSplits([], gun)).toEqual([]);
  });
});
