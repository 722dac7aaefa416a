import { HikingErrorCode } from './hiking-error';
import {
  beatsCutoff,
  type Cutoff,
  type CutoffCandidate,
  cutoffJobKey,
  isCurrentCutoff,
  lateScanEffect,
  personalCutoff,
  personalCutoffs,
  walkersToTimeOut,
} from './cutoffs';
import { MINUTE_MS } from './types';

const ref = Date.UTC(2026, 4, 16, 11, 0); // 运河毅行 第一波 19:00 北京时间
const wave2 = ref + 30 * MINUTE_MS;

// 拱宸桥 (seq 3) closes arrivals 4 h after the reference start.
const arrival: Cutoff = { checkpointId: 'CP-拱宸桥', checkpointSeq: 3, kind: 'arrival', at: ref + 240 * MINUTE_MS };
const departure: Cutoff = { ...arrival, kind: 'departure', at: ref + 260 * MINUTE_MS };

describe('personal cut-offs', () => {
  it('applies the checkpoint offset from the reference start to the walker’s own wave', () => {
    expect(personalCutoff(ref + 240 * MINUTE_MS, ref, wave2)).toBe(wave2 + 240 * MINUTE_MS);
    expect(personalCutoff(ref + 240 * MINUTE_MS, ref, ref)).toBe(ref + 240 * MINUTE_MS);
  });

  it('gives both cut-offs, null where the checkpoint has none', () => {
    const cp = { checkpointId: 'CP-香积寺', seq: 4, arrivalCutoffAt: ref + 300 * MINUTE_MS, departureCutoffAt: null };
    expect(personalCutoffs(cp, ref, wave2)).toEqual({ arrival: wave2 + 300 * MINUTE_MS, departure: null });
  });

  it('refuses a cut-off before the reference start', () => {
    expect(() => personalCutoff(ref - 1, ref, wave2)).toThrow(expect.objectContaining({ code: HikingErrorCode.BadCutoff }));
  });
});

describe('which walkers a cut-off job times out', () => {
  const at = (min: number) => ref + min * MINUTE_MS;
  const walkers: CutoffCandidate[] = [
    { walkerId: '张三-准时', status: 'on_course', scans: [{ checkpointSeq: 3, direction: 'in', correctedAt: at(239) }] },
    { walkerId: '李四-刚好', status: 'on_course', scans: [{ checkpointSeq: 3, direction: 'in', correctedAt: at(240) }] },
    { walkerId: '王五-迟到', status: 'on_course', scans: [{ checkpointSeq: 3, direction: 'in', correctedAt: at(241) }] },
    { walkerId: '赵六-未到', status: 'on_course', scans: [{ checkpointSeq: 2, direction: 'out', correctedAt: at(200) }] },
    { walkerId: '钱七-漏扫', status: 'on_course', scans: [{ checkpointSeq: 4, direction: 'in', correctedAt: at(235) }] },
    { walkerId: '孙八-已完赛', status: 'finished', scans: [] },
    { walkerId: '周九-已退出', status: 'withdrawn', scans: [] },
    { walkerId: '吴十-取消资格', status: 'disqualified', scans: [] },
    { walkerId: '郑一-已超时', status: 'timed_out', scans: [] },
    { walkerId: '冯二-刚出发', status: 'started', scans: [] },
    { walkerId: '褚三-从未扫码', status: 'registered', scans: [] },
  ];

  it('times out exactly those still walking without a scan there (or further on) by the cut-off, and those who never scanned at all', () => {
    // The wave's gun has gone by any cut-off of it: a walker still registered was started by it and never scanned.
    expect(walkersToTimeOut(arrival, walkers).map((w) => w.walkerId)).toEqual(['王五-迟到', '赵六-未到', '冯二-刚出发', '褚三-从未扫码']);
  });

  it('records the checkpoint, reason and cut-off instant as the drop', () => {
    expect(walkersToTimeOut(arrival, walkers)[0].drop).toEqual({ reason: 'missed_arrival_cutoff', checkpointId: 'CP-拱宸桥', at: arrival.at });
  });

  it('needs an out scan for a departure cut-off', () => {
    const inOnly = { checkpointSeq: 3, direction: 'in' as const, correctedAt: at(250) };
    expect(beatsCutoff(inOnly, arrival)).toBe(false); // 250 > 240
    expect(beatsCutoff(inOnly, departure)).toBe(false);
    expect(beatsCutoff({ ...inOnly, direction: 'out' }, departure)).toBe(true);
    expect(walkersToTimeOut(departure, [{ walkerId: '陈三', status: 'on_course', scans: [{ ...inOnly, correctedAt: at(200) }] }])).toHaveLength(1);
  });
});

describe('late scans against a time-out', () => {
  const timedOut = { status: 'timed_out' as const, timedOutBy: arrival, droppedAt: arrival.at };

  it('reverses the time-out when the late scan’s corrected time is before the cut-off, and clears the alert', () => {
    const scan = { checkpointSeq: 3, direction: 'in' as const, correctedAt: arrival.at - MINUTE_MS };
    expect(lateScanEffect(timedOut, scan)).toEqual({ effect: 'reverse_time_out', to: 'on_course', clearsAlert: true });
  });

  it('does not reverse for a scan after the cut-off or at an earlier checkpoint', () => {
    expect(lateScanEffect(timedOut, { checkpointSeq: 3, direction: 'in', correctedAt: arrival.at + 1 })).toEqual({ effect: 'none' });
    expect(lateScanEffect(timedOut, { checkpointSeq: 2, direction: 'out', correctedAt: arrival.at - 60 * MINUTE_MS })).toEqual({ effect: 'none' });
  });

  it('marks a scan after a withdrawal or disqualification questionable, not one from before it', () => {
    const withdrawn = { status: 'withdrawn' as const, timedOutBy: null, droppedAt: arrival.at };
    const dq = { ...withdrawn, status: 'disqualified' as const };
    const after = { checkpointSeq: 4, direction: 'in' as const, correctedAt: arrival.at + 1 };
    expect(lateScanEffect(withdrawn, after)).toEqual({ effect: 'questionable' });
    expect(lateScanEffect(dq, after)).toEqual({ effect: 'questionable' });
    expect(lateScanEffect(withdrawn, { ...after, correctedAt: arrival.at - 1 })).toEqual({ effect: 'none' });
  });
});

describe('cut-off jobs', () => {
  it('carry the cut-off instant in their key, so a moved cut-off is a new job', () => {
    const moved = { ...arrival, at: arrival.at + 30 * MINUTE_MS };
    expect(cutoffJobKey(arrival, 'W1')).not.toBe(cutoffJobKey(moved, 'W1'));
    expect(cutoffJobKey(arrival, 'W1')).toContain(String(arrival.at));
  });

  it('do nothing when their cut-off is no longer the current one', () => {
    expect(isCurrentCutoff(arrival.at, arrival.at)).toBe(true);
    expect(isCurrentCutoff(arrival.at, arrival.at + 30 * MINUTE_MS)).toBe(false);
    expect(isCurrentCutoff(arrival.at, null)).toBe(false);
  });
});
