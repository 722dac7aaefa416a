import { allocateAwards, toPersonAwards, type AwardRule } from './allocate-awards';
import type { RankedEntry } from './types';

// A 职工职业技能大赛 item: team entries (two-person teams) and individuals.
const field: RankedEntry[] = [
  { entryId: 'T01', personIds: ['张伟', '王芳'], place: 1, total: '735.50', status: 'OK' },
  { entryId: 'T02', personIds: ['李娜', '刘洋'], place: 2, total: '712.00', status: 'OK' },
  { entryId: 'T03', personIds: ['陈静', '杨磊'], place: 3, total: '690.25', status: 'OK' },
  { entryId: 'T04', personIds: ['赵敏', '黄强'], place: 4, total: '640.00', status: 'OK' },
  { entryId: 'T05', personIds: ['周杰', '吴刚'], place: null, total: null, status: 'DQ' },
];

const rules: AwardRule[] = [
  {
    type: 'rank',
    tiers: [
      { fromPlace: 1, award: { code: 'FIRST', name: '一等奖', level: 1, title: '技术能手', prizeMoneyPerPerson: '5000' } },
      { fromPlace: 2, toPlace: 3, award: { code: 'SECOND', name: '二等奖', level: 2, prizeMoneyPerPerson: '2000.5' } },
    ],
  },
  { type: 'threshold', thresholds: [{ minTotal: '700', award: { code: 'MEDAL', name: '优秀奖章', level: 3 } }] },
];

describe('allocateAwards', () => {
  it('applies every rule and returns sorted grants with title and per-person prize money', () => {
    expect(allocateAwards(field, rules)).toEqual([
      { entryId: 'T01', awardCode: 'FIRST', awardName: '一等奖', level: 1, title: '技术能手', prizeMoney: '5000.00' },
      { entryId: 'T02', awardCode: 'SECOND', awardName: '二等奖', level: 2, prizeMoney: '2000.50' },
      { entryId: 'T03', awardCode: 'SECOND', awardName: '二等奖', level: 2, prizeMoney: '2000.50' },
      { entryId: 'T01', awardCode: 'MEDAL', awardName: '优秀奖章', level: 3 },
      { entryId: 'T02', awardCode: 'MEDAL', awardName: '优秀奖章', level: 3 },
    ]);
  });

  it('is deterministic and idempotent: same content in any order gives the same output', () => {
    const once = allocateAwards(field, rules);
    expect(allocateAwards([...field].reverse(), rules)).toEqual(once);
    expect(allocateAwards(field, rules)).toEqual(once);
  });

  it('keeps one grant when two rules name the same award for the same entry', () => {
    const twice = allocateAwards(field, [rules[1], rules[1]]);
    expect(twice.map((g) => g.entryId)).toEqual(['T01', 'T02']);
  });

  it('gives every team member a record with the full per-person amount (not divided)', () => {
    const persons = toPersonAwards(allocateAwards(field, rules), field).filter((p) => p.prizeMoney);
    expect(persons.map((p) => [p.personId, p.awardName, p.prizeMoney])).toEqual([
      ['张伟', '一等奖', '5000.00'],
      ['王芳', '一等奖', '5000.00'],
      ['李娜', '二等奖', '2000.50'],
      ['刘洋', '二等奖', '2000.50'],
      ['陈静', '二等奖', '2000.50'],
      ['杨磊', '二等奖', '2000.50'],
    ]);
    // total paid = 2 × 5000 + 4 × 2000.50 = 18002.00
    expect(persons[0].title).toBe('技术能手');
  });

  it('refuses bad data with coded errors', () => {
    const dup = [field[0], field[0]];
    expect(() => allocateAwards(dup, rules)).toThrow(expect.objectContaining({ code: 'DUPLICATE_ENTRY' }));
    expect(() => allocateAwards([{ ...field[0], place: 0 }], rules)).toThrow(expect.objectContaining({ code: 'INVALID_PLACE' }));
    const money = (prizeMoneyPerPerson: string): AwardRule[] => [
      { type: 'rank', tiers: [{ fromPlace: 1, award: { code: 'A', name: '奖', level: 1, prizeMoneyPerPerson } }] },
    ];
    expect(() => allocateAwards(field, money('100.005'))).toThrow(expect.objectContaining({ code: 'INVALID_PRIZE_MONEY' }));
    expect(() => allocateAwards(field, money('-1'))).toThrow(expect.objectContaining({ code: 'INVALID_PRIZE_MONEY' }));
    expect(() => allocateAwards(field, [{ type: 'rank', tiers: [{ fromPlace: 1, award: { code: 'A', name: '奖', level: 0 } }] }])).toThrow(
      expect.objectContaining({ code: 'INVALID_AWARD_LEVEL' }),
    );
    expect(() => allocateAwards(field, [{ type: 'lottery' } as never])).toThrow(expect.objectContaining({ code: 'UNKNOWN_AWARD_RULE' }));
    const grants = allocateAwards(field, rules);
    expect(() => toPersonAwards(grants, [{ ...field[0], personIds: [] }])).toThrow(expect.objectContaining({ code: 'NO_PERSONS' }));
    expect(() => toPersonAwards(grants, [])).toThrow(expect.objectContaining({ code: 'UNKNOWN_ENTRY' }));
  });

  it('band rules plug in the same way', () => {
    const grants = allocateAwards(field, [
      {
        type: 'band',
        rounding: 'ceil',
        tiePolicy: 'include',
        bands: [
          { percent: 25, award: { code: 'B1', name: '一等奖', level: 1 } },
          { percent: 25, award: { code: 'B2', name: '二等奖', level: 2 } },
        ],
      },
    ]);
    // field n = 4 (T05 DQ is out): ceil(1) = 1, ceil(2) = 2 → T01 一等奖, T02 二等奖
    expect(grants.map((g) => [g.entryId, g.awardName])).toEqual([
      ['T01', '一等奖'],
      ['T02', '二等奖'],
    ]);
  });
});
