import { ageOn, resolveAgeGroup, validateAgeGroups, type AgeGroup } from './age';
import { RegistrationDomainError } from './result';

describe('ageOn', () => {
  it('counts completed years', () => {
    expect(ageOn('1990-03-07', '2026-09-01')).toBe(36);
    expect(ageOn('1990-10-01', '2026-09-01')).toBe(35);
  });

  it('counts the birthday itself as reaching the new age', () => {
    expect(ageOn('2008-09-01', '2026-08-31')).toBe(17);
    expect(ageOn('2008-09-01', '2026-09-01')).toBe(18);
  });

  it('is 0 on the day of birth', () => {
    expect(ageOn('2026-09-01', '2026-09-01')).toBe(0);
  });

  describe('born on 29 February', () => {
    it('turns older on 1 March in a common year', () => {
      expect(ageOn('2000-02-29', '2026-02-28')).toBe(25);
      expect(ageOn('2000-02-29', '2026-03-01')).toBe(26);
    });

    it('turns older on 29 February in a leap year', () => {
      expect(ageOn('2000-02-29', '2028-02-28')).toBe(27);
      expect(ageOn('2000-02-29', '2028-02-29')).toBe(28);
    });
  });

  it('throws a coded error when the reference date is before birth', () => {
    expect(() => ageOn('2026-09-02', '2026-09-01')).toThrow(RegistrationDomainError);
    try {
      ageOn('2026-09-02', '2026-09-01');
    } catch (e) {
      expect(e).toMatchObject({
        code: 'AGE_REFERENCE_BEFORE_BIRTH',
        message: '年龄计算基准日（2026-09-01）早于出生日期（2026-09-02）',
      });
    }
  });

  it('throws on malformed dates', () => {
    expect(() => ageOn('1990/03/07', '2026-09-01')).toThrow(RangeError);
  });
});

const groups: AgeGroup[] = [
  { code: 'youth', name: '青年组', minAge: 18, maxAge: 35 },
  { code: 'middle', name: '中年组', minAge: 36, maxAge: 50 },
  { code: 'senior', name: '老年组', minAge: 51 },
];
const ref = '2026-09-01';

describe('resolveAgeGroup', () => {
  it('puts an 18-year-old whose birthday is the reference date in 青年组', () => {
    expect(resolveAgeGroup(groups, '2008-09-01', ref)).toEqual({ group: groups[0], age: 18, source: 'age' });
  });

  it('keeps a 35-year-old in 青年组 until the day they turn 36', () => {
    expect(resolveAgeGroup(groups, '1990-09-02', ref)?.group.name).toBe('青年组');
    expect(resolveAgeGroup(groups, '1990-09-01', ref)?.group.name).toBe('中年组');
  });

  it('has no upper bound for 老年组', () => {
    expect(resolveAgeGroup(groups, '1940-01-01', ref)).toEqual({ group: groups[2], age: 86, source: 'age' });
  });

  it('returns null when no group covers the age', () => {
    expect(resolveAgeGroup(groups, '2010-05-04', ref)).toBeNull();
  });

  it('lets a manual override win over the computed group', () => {
    expect(resolveAgeGroup(groups, '1976-03-15', ref, 'senior')).toEqual({ group: groups[2], age: 50, source: 'override' });
  });

  it('lets an override place someone no group covers', () => {
    expect(resolveAgeGroup(groups, '2010-05-04', ref, 'youth')).toEqual({ group: groups[0], age: 16, source: 'override' });
  });

  it('ignores an empty override', () => {
    expect(resolveAgeGroup(groups, '1976-03-15', ref, '')?.source).toBe('age');
    expect(resolveAgeGroup(groups, '1976-03-15', ref, null)?.source).toBe('age');
  });

  it('throws on an override naming a group the event does not have', () => {
    expect(() => resolveAgeGroup(groups, '1976-03-15', ref, 'veteran')).toThrow('指定的年龄组“veteran”不存在');
  });

  it('uses the Feb 29 rule at the group boundary', () => {
    // 2008-02-29 is 17 on 2026-02-28 and 18 on 2026-03-01
    expect(resolveAgeGroup(groups, '2008-02-29', '2026-02-28')).toBeNull();
    expect(resolveAgeGroup(groups, '2008-02-29', '2026-03-01')?.group.name).toBe('青年组');
  });
});

describe('validateAgeGroups', () => {
  it('accepts a well-formed table, gaps included', () => {
    expect(validateAgeGroups(groups)).toEqual([]);
    expect(validateAgeGroups([{ code: 'a', name: '少年组', minAge: 10, maxAge: 14 }, { code: 'b', name: '青年组', minAge: 18 }])).toEqual([]);
  });

  it('reports overlapping ranges', () => {
    expect(
      validateAgeGroups([
        { code: 'youth', name: '青年组', minAge: 18, maxAge: 36 },
        { code: 'middle', name: '中年组', minAge: 36, maxAge: 50 },
      ]),
    ).toEqual([{ code: 'AGE_GROUP_OVERLAP', groupCode: 'middle', message: '年龄组“青年组”与“中年组”的年龄范围重叠' }]);
  });

  it('treats two open-ended groups as overlapping', () => {
    expect(
      validateAgeGroups([
        { code: 'open', name: '公开组', minAge: null, maxAge: null },
        { code: 'senior', name: '老年组', minAge: 51 },
      ]).map((e) => e.code),
    ).toEqual(['AGE_GROUP_OVERLAP']);
  });

  it('reports duplicate codes, bad bounds and empty ranges', () => {
    expect(
      validateAgeGroups([
        { code: 'youth', name: '青年组', minAge: 18, maxAge: 35 },
        { code: 'youth', name: '青年二组', minAge: 60, maxAge: 70 },
        { code: 'x', name: '错误组', minAge: 17.5, maxAge: 20 },
        { code: 'y', name: '倒置组', minAge: 60, maxAge: 40 },
      ]),
    ).toEqual([
      { code: 'AGE_GROUP_CODE_DUPLICATE', groupCode: 'youth', message: '年龄组代码“youth”重复' },
      { code: 'AGE_GROUP_BOUND_INVALID', groupCode: 'x', message: '年龄组“错误组”的年龄上下限须为0至150之间的整数' },
      { code: 'AGE_GROUP_RANGE_EMPTY', groupCode: 'y', message: '年龄组“倒置组”的最小年龄大于最大年龄' },
    ]);
  });
});
