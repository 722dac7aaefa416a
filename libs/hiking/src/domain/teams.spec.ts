import { regroupBib, regroupOfBib, teamBibOf, gunTimeMs, netTimeMs, rankTeams, teamAtCheckpoint, teamScan, teamTimes, type TeamMember, checkRegroup, type RegroupMember } from './teams';
import { HikingDomainError } from './hiking-error';
import { MINUTE_MS } from './types';

const gun = Date.UTC(2026, 4, 16, 11, 0);
const at = (min: number) => gun + min * MINUTE_MS;
const gap = 10 * MINUTE_MS;

const 运河四人队: TeamMember[] = [
  { walkerId: '张三', status: 'on_course' },
  { walkerId: '李四', status: 'on_course' },
  { walkerId: '王五', status: 'on_course' },
  { walkerId: '赵六', status: 'on_course' },
];
const arrivals = (entries: [string, number][]) => new Map(entries.map(([id, min]) => [id, at(min)]));

describe('team complete at a checkpoint (Trailwalker rule)', () => {
  it('is complete when every starter still walking is scanned within the gap; its time is the last member in', () => {
    const r = teamAtCheckpoint(运河四人队, arrivals([['张三', 60], ['李四', 62], ['王五', 65], ['赵六', 70]]), gap);
    expect(r).toEqual({ complete: true, missing: [], spreadMs: 10 * MINUTE_MS, lastInAt: at(70) });
  });

  it('is incomplete when the last member comes in after the gap', () => {
    const r = teamAtCheckpoint(运河四人队, arrivals([['张三', 60], ['李四', 62], ['王五', 65], ['赵六', 71]]), gap);
    expect(r.complete).toBe(false);
    expect(r.lastInAt).toBe(at(71));
  });

  it('is incomplete while a member still walking is not scanned, and names them', () => {
    const r = teamAtCheckpoint(运河四人队, arrivals([['张三', 60], ['李四', 62], ['王五', 65]]), gap);
    expect(r).toMatchObject({ complete: false, missing: ['赵六'] });
  });

  it('no longer waits for members who withdrew, timed out, were disqualified or never started', () => {
    const team: TeamMember[] = [
      { walkerId: '张三', status: 'on_course' },
      { walkerId: '李四', status: 'withdrawn' },
      { walkerId: '王五', status: 'timed_out' },
      { walkerId: '赵六', status: 'disqualified' },
      { walkerId: '钱七', status: 'registered' },
      { walkerId: '孙八', status: 'finished' },
    ];
    expect(teamAtCheckpoint(team, arrivals([['张三', 60], ['孙八', 61]]), gap)).toMatchObject({ complete: true, missing: [] });
  });

  it('is not complete with nobody left walking', () => {
    expect(teamAtCheckpoint([{ walkerId: '李四', status: 'withdrawn' }], arrivals([]), gap).complete).toBe(false);
  });
});

describe('gun and net time', () => {
  it('gun time runs from the wave start, net time from the own start scan, unknown without one', () => {
    expect(gunTimeMs(at(300), gun)).toBe(300 * MINUTE_MS);
    expect(netTimeMs(at(300), at(4))).toBe(296 * MINUTE_MS);
    expect(netTimeMs(at(300), null)).toBeNull();
  });

  it('a team’s times run to its last member in; net from the earliest start scan, unknown if a member has none', () => {
    expect(teamTimes(at(300), gun, [at(4), at(3)])).toEqual({ gunMs: 300 * MINUTE_MS, netMs: 297 * MINUTE_MS });
    expect(teamTimes(at(300), gun, [at(4), null])).toEqual({ gunMs: 300 * MINUTE_MS, netMs: null });
  });
});

describe('team ranking', () => {
  it('ranks complete teams above incomplete ones, then by time, ties sharing a place, no-time teams unplaced', () => {
    const ranked = rankTeams([
      { teamId: '丙-不完整但最快', complete: false, timeMs: 200 * MINUTE_MS },
      { teamId: '甲-完整', complete: true, timeMs: 300 * MINUTE_MS },
      { teamId: '戊-未完赛', complete: false, timeMs: null },
      { teamId: '乙-完整更快', complete: true, timeMs: 280 * MINUTE_MS },
      { teamId: '丁-并列', complete: true, timeMs: 300 * MINUTE_MS },
    ]);
    expect(ranked.map((t) => [t.teamId, t.place])).toEqual([
      ['乙-完整更快', 1],
      ['丁-并列', 2],
      ['甲-完整', 2],
      ['丙-不完整但最快', 4],
      ['戊-未完赛', null],
    ]);
  });
});

describe("a team's QR at a checkpoint", () => {
  const team: TeamMember[] = [
    { walkerId: '张队长', status: 'on_course' },
    { walkerId: '李', status: 'on_course' },
    { walkerId: '王', status: 'started' },
    { walkerId: '赵-已退出', status: 'withdrawn' },
  ];

  it('scans every member when the device does not say who is present', () => {
    expect(teamScan(team, undefined, 'refuse')).toEqual({ kind: 'scan', walkerIds: ['张队长', '李', '王', '赵-已退出'], missing: [], incomplete: false });
  });

  it('does not miss a member who dropped out', () => {
    expect(teamScan(team, ['张队长', '李', '王'], 'refuse')).toEqual({ kind: 'scan', walkerIds: ['张队长', '李', '王'], missing: [], incomplete: false });
  });

  it('refuses or flags a team with a member still walking left behind, as the route sets', () => {
    expect(teamScan(team, ['张队长', '李'], 'refuse')).toEqual({ kind: 'refuse', missing: ['王'] });
    expect(teamScan(team, ['张队长', '李'], 'flag')).toEqual({ kind: 'scan', walkerIds: ['张队长', '李'], missing: ['王'], incomplete: true });
  });

  it('names a present walker who is not of the team', () => {
    expect(teamScan(team, ['张队长', '路人'], 'flag')).toEqual({ kind: 'stranger', walkerIds: ['路人'] });
  });
});

describe('regrouping broken teams', () => {
  // 甲队 and 乙队 lost two members each to withdrawals; 丙队 is whole; 丁 walks alone.
  const members: RegroupMember[] = [
    { walkerId: '甲1', teamId: '甲', status: 'on_course' },
    { walkerId: '甲2', teamId: '甲', status: 'on_course' },
    { walkerId: '甲3', teamId: '甲', status: 'withdrawn' },
    { walkerId: '甲4', teamId: '甲', status: 'withdrawn' },
    { walkerId: '乙1', teamId: '乙', status: 'on_course' },
    { walkerId: '乙2', teamId: '乙', status: 'started' },
    { walkerId: '乙3', teamId: '乙', status: 'withdrawn' },
    { walkerId: '乙4', teamId: '乙', status: 'withdrawn' },
    { walkerId: '丙1', teamId: '丙', status: 'on_course' },
    { walkerId: '丙2', teamId: '丙', status: 'on_course' },
    { walkerId: '丙3', teamId: '丙', status: 'on_course' },
    { walkerId: '丙4', teamId: '丙', status: 'on_course' },
    { walkerId: '丁', teamId: null, status: 'on_course' },
  ];
  const code = (f: () => void) => {
    try {
      f();
      return 'allowed';
    } catch (err) {
      return (err as HikingDomainError).code;
    }
  };

  it('merges the members still walking of teams broken by withdrawals into a team of allowed size', () => {
    expect(code(() => checkRegroup(members, ['甲1', '甲2', '乙1', '乙2'], 4, 6))).toBe('allowed');
  });

  it('refuses a new team outside the size range, a walker no longer walking, a whole team, a walker entered alone', () => {
    expect(code(() => checkRegroup(members, ['甲1', '甲2', '乙1'], 4, 6))).toBe('HIKING_TEAM_SIZE');
    expect(code(() => checkRegroup(members, ['甲1', '甲2', '乙1', '甲3'], 4, 6))).toBe('HIKING_WALKER_NOT_WALKING');
    expect(code(() => checkRegroup(members, ['甲1', '甲2', '乙1', '丙1'], 4, 6))).toBe('HIKING_TEAM_NOT_BROKEN');
    expect(code(() => checkRegroup(members, ['甲1', '甲2', '乙1', '丁'], 4, 6))).toBe('HIKING_TEAM_NOT_BROKEN');
  });

  it('does not call a team broken by time-outs alone: only withdrawals let it regroup', () => {
    const timedOut = members.map((m) => (m.status === 'withdrawn' && m.teamId === '乙' ? { ...m, status: 'timed_out' as const } : m));
    expect(code(() => checkRegroup(timedOut, ['甲1', '甲2', '乙1', '乙2'], 4, 6))).toBe('HIKING_TEAM_NOT_BROKEN');
  });
});

describe('team QR of a regrouped team', () => {
  it('names the regroup, apart from any entry bib', () => {
    expect(regroupBib(17)).toBe('RG-17');
    expect([regroupOfBib('RG-17'), regroupOfBib('H0017'), regroupOfBib('RG-017'), regroupOfBib('RG-')]).toEqual([17, null, null, null]);
  });

  it('moves a regrouped walker off their entry bib', () => {
    expect(teamBibOf({ bib: 'H0003', regroupId: null })).toBe('H0003');
    expect(teamBibOf({ bib: 'H0003', regroupId: 17 })).toBe('RG-17');
  });
});
