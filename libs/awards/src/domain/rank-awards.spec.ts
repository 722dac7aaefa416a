import { allocateByRank, type RankAwardRule } from './rank-awards';
import type { RankedEntry } from './types';

const e = (entryId: string, place: number | null, status: RankedEntry['status'] = 'OK', total: string | null = '90'): RankedEntry => ({
  entryId,
  personIds: [entryId],
  place,
  total,
  status,
});
const 金银铜: RankAwardRule = {
  type: 'rank',
  tiers: [
    { fromPlace: 1, award: { code: 'GOLD', name: '金奖', level: 1 } },
    { fromPlace: 2, award: { code: 'SILVER', name: '银奖', level: 2 } },
    { fromPlace: 3, award: { code: 'BRONZE', name: '铜奖', level: 3 } },
  ],
};
const names = (m: Map<string, { name: string }>) => Object.fromEntries([...m].map(([k, v]) => [k, v.name]));

describe('allocateByRank', () => {
  it('maps places to awards; shared places share the award ("1,1,3": two 金奖, no 银奖, one 铜奖)', () => {
    const f = [e('张伟', 1), e('王芳', 1), e('李娜', 3), e('刘洋', 4)];
    expect(names(allocateByRank(f, 金银铜))).toEqual({ 张伟: '金奖', 王芳: '金奖', 李娜: '铜奖' });
  });

  it('supports ranges: 1–3 一等奖, 4–8 二等奖', () => {
    const r: RankAwardRule = {
      type: 'rank',
      tiers: [
        { fromPlace: 1, toPlace: 3, award: { code: 'FIRST', name: '一等奖', level: 1 } },
        { fromPlace: 4, toPlace: 8, award: { code: 'SECOND', name: '二等奖', level: 2 } },
      ],
    };
    const f = [1, 2, 3, 4, 5, 6, 7, 8, 8, 10].map((p, i) => e(`选手${i + 1}`, p));
    expect(names(allocateByRank(f, r))).toEqual({
      选手1: '一等奖',
      选手2: '一等奖',
      选手3: '一等奖',
      ...Object.fromEntries([4, 5, 6, 7, 8, 9].map((i) => [`选手${i}`, '二等奖'])),
    });
  });

  it('never awards DNS/DNF/DQ, rows without a total, or unranked rows', () => {
    const f = [e('犯规', 1, 'DQ'), e('无分', 2, 'OK', null), e('未排名', null), e('缺赛', 3, 'DNS')];
    expect(allocateByRank(f, 金银铜).size).toBe(0);
  });

  it('refuses overlapping or invalid tiers', () => {
    const award = { code: 'X', name: '奖', level: 1 };
    expect(() => allocateByRank([], { type: 'rank', tiers: [{ fromPlace: 1, toPlace: 3, award }, { fromPlace: 3, award }] })).toThrow(
      expect.objectContaining({ code: 'OVERLAPPING_RANK_TIERS' }),
    );
    expect(() => allocateByRank([], { type: 'rank', tiers: [{ fromPlace: 3, toPlace: 2, award }] })).toThrow(
      expect.objectContaining({ code: 'INVALID_RANK_TIER' }),
    );
    expect(() => allocateByRank([], { type: 'rank', tiers: [{ fromPlace: 0, award }] })).toThrow(expect.objectContaining({ code: 'INVALID_RANK_TIER' }));
  });
});
