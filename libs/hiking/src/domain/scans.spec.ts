import { classifyScan, clockSkew, correctUpload, dedupeByClientScanId, type KnownScan, startOf, type WalkerTrack } from './scans';
import { MINUTE_MS } from './types';

const gun = Date.UTC(2026, 4, 16, 11, 0);
const at = (min: number) => gun + min * MINUTE_MS;

// 大运河毅行 20 km: 起点(0) → 拱宸桥(1) → 香积寺(2) → 终点(3)
const route = [
  { checkpointId: '起点-武林门', seq: 0 },
  { checkpointId: '拱宸桥', seq: 1 },
  { checkpointId: '香积寺', seq: 2 },
  { checkpointId: '终点-塘栖', seq: 3 },
];
const known = (clientScanId: string, checkpointId: string, min: number, direction: 'in' | 'out' = 'in'): KnownScan => ({
  clientScanId,
  checkpointId,
  direction,
  correctedAt: at(min),
  counted: true,
});
const track = (...scans: KnownScan[]): WalkerTrack => ({ route, scans, waveStartAt: gun });
const incoming = (clientScanId: string, checkpointId: string, min: number, direction: 'in' | 'out' = 'in') => ({
  clientScanId,
  checkpointId,
  direction,
  correctedAt: at(min),
});

describe('clock skew of an upload', () => {
  it('is device now − server now, applied to every scan of the upload, raw time kept', () => {
    const upload = {
      deviceId: '设备-拱宸桥-1',
      deviceNowAt: at(125), // device runs 5 min fast
      scans: [
        { clientScanId: 'a', walkerId: '张三', checkpointId: '拱宸桥', direction: 'in' as const, deviceAt: at(65) },
        { clientScanId: 'b', walkerId: '李四', checkpointId: '拱宸桥', direction: 'in' as const, deviceAt: at(70) },
      ],
    };
    const out = correctUpload(upload, at(120), 2 * MINUTE_MS);
    expect(clockSkew(at(125), at(120))).toBe(5 * MINUTE_MS);
    expect(out.skewMs).toBe(5 * MINUTE_MS);
    expect(out.scans.map((s) => [s.rawAt, s.correctedAt, s.deviceId])).toEqual([
      [at(65), at(60), '设备-拱宸桥-1'],
      [at(70), at(65), '设备-拱宸桥-1'],
    ]);
  });

  it('flags a skew beyond the limit either way, not one within it', () => {
    const upload = (deviceNowAt: number) => ({ deviceId: 'd', deviceNowAt, scans: [] });
    expect(correctUpload(upload(at(122)), at(120), 2 * MINUTE_MS).skewFlagged).toBe(false);
    expect(correctUpload(upload(at(122) + 1), at(120), 2 * MINUTE_MS).skewFlagged).toBe(true);
    expect(correctUpload(upload(at(117)), at(120), 2 * MINUTE_MS).skewFlagged).toBe(true);
  });
});

describe('idempotency by client scan id', () => {
  it('keeps the first of each client scan id and reports repeats by index', () => {
    const scans = [{ clientScanId: 'x' }, { clientScanId: 'y' }, { clientScanId: 'x' }, { clientScanId: 'x' }];
    expect(dedupeByClientScanId(scans)).toEqual({ unique: [{ clientScanId: 'x' }, { clientScanId: 'y' }], repeatedIndexes: [2, 3] });
  });

  it('treats a stored client scan id as a repeat, nothing to write', () => {
    expect(classifyScan(incoming('s1', '拱宸桥', 60), track(known('s0', '起点-武林门', 0), known('s1', '拱宸桥', 60)))).toEqual({ kind: 'repeat' });
  });
});

describe('classifying a scan', () => {
  const started = known('s0', '起点-武林门', 1);

  it('counts a plain scan in order', () => {
    expect(classifyScan(incoming('s2', '拱宸桥', 60), track(started))).toEqual({ kind: 'scan', counted: true, flags: [], supersedes: null });
  });

  it('keeps a second scan of the same passage as a duplicate, not counted', () => {
    const t = track(started, known('s1', '拱宸桥', 60));
    expect(classifyScan(incoming('s1-设备2', '拱宸桥', 61), t)).toEqual({ kind: 'scan', counted: false, flags: ['duplicate'], supersedes: null });
  });

  it('lets the earliest corrected time count: an earlier duplicate supersedes the counted scan', () => {
    const t = track(started, known('s1', '拱宸桥', 60));
    expect(classifyScan(incoming('s1-设备2', '拱宸桥', 59), t)).toEqual({ kind: 'scan', counted: true, flags: [], supersedes: 's1' });
  });

  it('does not call the other direction at the same checkpoint a duplicate', () => {
    const t = track(started, known('s1', '拱宸桥', 60));
    expect(classifyScan(incoming('s2', '拱宸桥', 65, 'out'), t)).toEqual({ kind: 'scan', counted: true, flags: [], supersedes: null });
  });

  it('flags a checkpoint off the walker’s route, kept and not counted', () => {
    expect(classifyScan(incoming('s9', '灵隐寺-50km线', 60), track(started))).toEqual({ kind: 'scan', counted: false, flags: ['off_route'], supersedes: null });
  });

  it('flags a scan that comes after a later checkpoint in corrected time as out of order', () => {
    const t = track(started, known('s2', '香积寺', 100));
    expect(classifyScan(incoming('s1', '拱宸桥', 110), t)).toEqual({ kind: 'scan', counted: false, flags: ['out_of_order'], supersedes: null });
  });

  it('does not flag an offline backlog arriving late whose corrected times are in order', () => {
    const t = track(started, known('s2', '香积寺', 100));
    expect(classifyScan(incoming('s1', '拱宸桥', 60), t)).toEqual({ kind: 'scan', counted: true, flags: [], supersedes: null });
  });

  it('accepts a scan with no start scan, flagged, the start taken as the gun and net time unknown', () => {
    const t = track();
    expect(classifyScan(incoming('s1', '拱宸桥', 60), t)).toEqual({ kind: 'scan', counted: true, flags: ['no_start_scan'], supersedes: null });
    expect(startOf(t)).toEqual({ gunAt: gun, startScanAt: null });
  });

  it('takes the earliest counted start scan as the own start', () => {
    const t = track(known('s0', '起点-武林门', 3), known('s0b', '起点-武林门', 2), { ...known('s0c', '起点-武林门', 1), counted: false });
    expect(startOf(t)).toEqual({ gunAt: gun, startScanAt: at(2) });
  });
});
