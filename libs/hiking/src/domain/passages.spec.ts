import { addPassage, parsePassages, passageScans, passedCheckpoints } from './passages';
import { classifyScan } from './scans';

describe('passages kept on the walker', () => {
  it('reads nothing stored as no passages', () => {
    expect(parsePassages(null)).toEqual({});
  });

  it('keeps the earliest time of each checkpoint and direction, and says what changed', () => {
    const p = parsePassages('{"12i":2000, "11o":1000}');
    const changed = {};
    addPassage(p, 12, 'in', 3000, changed);
    addPassage(p, 12, 'out', 3500, changed);
    addPassage(p, '13', 'in', 9000, changed);
    addPassage(p, 13, 'in', 8000, changed);
    addPassage(p, 11, 'out', 900, changed);
    expect(p).toEqual({ '11o': 900, '12i': 2000, '12o': 3500, '13i': 8000 });
    expect(changed).toEqual({ '11o': 900, '12o': 3500, '13i': 8000 });
    expect(JSON.parse(JSON.stringify(p))).toEqual(p);
  });

  it('stands for the counted scans the scan rules judge against', () => {
    const scans = passageScans({ '7o': 1000, '8i': 5000 }, (key) => `stored/${key}`);
    expect(scans).toEqual([
      { clientScanId: 'stored/7o', checkpointId: '7', direction: 'out', correctedAt: 1000, counted: true },
      { clientScanId: 'stored/8i', checkpointId: '8', direction: 'in', correctedAt: 5000, counted: true },
    ]);
    const route = [
      { checkpointId: '7', seq: 0 },
      { checkpointId: '8', seq: 1 },
      { checkpointId: '9', seq: 2 },
    ];
    // A second device's scan at 8 with an earlier time supersedes the stored one; one before the start is out of order.
    expect(classifyScan({ clientScanId: 'd2/x', checkpointId: '8', direction: 'in', correctedAt: 4000 }, { route, scans, waveStartAt: 0 })).toEqual({
      kind: 'scan',
      counted: true,
      flags: [],
      supersedes: 'stored/8i',
    });
    expect(classifyScan({ clientScanId: 'd2/y', checkpointId: '9', direction: 'in', correctedAt: 900 }, { route, scans, waveStartAt: 0 })).toMatchObject({ counted: false, flags: ['out_of_order'] });
  });

  it('names the checkpoints passed either way', () => {
    expect(passedCheckpoints({ '7o': 1, '8i': 2, '8o': 3 })).toEqual(new Set(['7', '8']));
  });
});
