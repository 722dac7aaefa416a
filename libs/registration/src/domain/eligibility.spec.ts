import { checkEligibility, type Candidate, type CountsSnapshot, type EligibilityInput, type ItemRules } from './eligibility';

// 王芳, female, born 1989-05-20, member of 西湖区总工会 → 浙大附属医院工会 (/1/4/12/)
const 王芳: Candidate = { gender: 'female', birthDate: '1989-05-20', unionMember: true, orgPath: '/1/4/12/' };
const referenceDate = '2026-09-01';
const noEntries: CountsSnapshot = {
  person: { activeEntries: { individual: 0, relay: 0, team: 0 }, alreadyEnteredThisItem: false },
};

function check(rules: Partial<ItemRules>, over: Partial<EligibilityInput> = {}) {
  return checkEligibility({ candidate: 王芳, rules: { kind: 'individual', ...rules }, referenceDate, counts: noEntries, ...over });
}

describe('checkEligibility', () => {
  it('passes an item with no restrictions', () => {
    expect(check({})).toEqual({ ok: true });
  });

  describe('gender', () => {
    it('refuses a woman for a men-only item', () => {
      expect(check({ gender: 'male' })).toEqual({
        ok: false,
        failures: [{ code: 'GENDER_NOT_ALLOWED', rule: 'gender', message: '该项目仅限男性报名（您的性别为女）' }],
      });
    });

    it('refuses a man for a women-only item', () => {
      const 张伟: Candidate = { ...王芳, gender: 'male' };
      expect(check({ gender: 'female' }, { candidate: 张伟 })).toEqual({
        ok: false,
        failures: [{ code: 'GENDER_NOT_ALLOWED', rule: 'gender', message: '该项目仅限女性报名（您的性别为男）' }],
      });
    });

    it('admits the matching gender', () => {
      expect(check({ gender: 'female' })).toEqual({ ok: true });
    });
  });

  describe('age', () => {
    it('refuses someone above the range, quoting the reference date and their age', () => {
      expect(check({ minAge: 18, maxAge: 35 })).toEqual({
        ok: false,
        failures: [{ code: 'AGE_ABOVE_MAXIMUM', rule: 'age', message: '年龄须在18至35周岁之间（以2026年9月1日计算，您为37周岁）' }],
      });
    });

    it('refuses someone below a minimum-only rule', () => {
      const 李明轩: Candidate = { ...王芳, gender: 'male', birthDate: '2008-09-02' };
      expect(check({ minAge: 18 }, { candidate: 李明轩 })).toEqual({
        ok: false,
        failures: [{ code: 'AGE_BELOW_MINIMUM', rule: 'age', message: '年龄须年满18周岁（以2026年9月1日计算，您为17周岁）' }],
      });
    });

    it('admits someone whose 18th birthday is the reference date', () => {
      const 李明轩: Candidate = { ...王芳, birthDate: '2008-09-01' };
      expect(check({ minAge: 18, maxAge: 35 }, { candidate: 李明轩 })).toEqual({ ok: true });
    });

    it('admits someone on the last day they are 35, refuses them on their 36th birthday', () => {
      const 赵敏: Candidate = { ...王芳, birthDate: '1990-09-02' };
      const 周婷: Candidate = { ...王芳, birthDate: '1990-09-01' };
      expect(check({ minAge: 18, maxAge: 35 }, { candidate: 赵敏 })).toEqual({ ok: true });
      expect(check({ minAge: 18, maxAge: 35 }, { candidate: 周婷 })).toMatchObject({
        ok: false,
        failures: [{ code: 'AGE_ABOVE_MAXIMUM', message: '年龄须在18至35周岁之间（以2026年9月1日计算，您为36周岁）' }],
      });
    });

    it('refuses above a maximum-only rule', () => {
      expect(check({ maxAge: 30 })).toEqual({
        ok: false,
        failures: [{ code: 'AGE_ABOVE_MAXIMUM', rule: 'age', message: '年龄不得超过30周岁（以2026年9月1日计算，您为37周岁）' }],
      });
    });

    it('applies the Feb 29 rule: born 2008-02-29 is 17 on 2026-02-28', () => {
      const 孙悦: Candidate = { ...王芳, birthDate: '2008-02-29' };
      expect(check({ minAge: 18 }, { candidate: 孙悦, referenceDate: '2026-02-28' })).toMatchObject({
        ok: false,
        failures: [{ code: 'AGE_BELOW_MINIMUM', message: '年龄须年满18周岁（以2026年2月28日计算，您为17周岁）' }],
      });
      expect(check({ minAge: 18 }, { candidate: 孙悦, referenceDate: '2026-03-01' })).toEqual({ ok: true });
    });

    it('refuses someone born after the reference date without throwing', () => {
      const 陈小宝: Candidate = { ...王芳, birthDate: '2026-10-01' };
      expect(check({ minAge: 0, maxAge: 6 }, { candidate: 陈小宝 })).toEqual({
        ok: false,
        failures: [{ code: 'AGE_BELOW_MINIMUM', rule: 'age', message: '年龄须在0至6周岁之间（以2026年9月1日计算，您尚未出生）' }],
      });
    });

    it('ignores age when the item has no age limits, even for unusual birth dates', () => {
      const 陈小宝: Candidate = { ...王芳, birthDate: '2026-10-01' };
      expect(check({}, { candidate: 陈小宝 })).toEqual({ ok: true });
    });
  });

  describe('union membership', () => {
    it('refuses a non-member when membership is required', () => {
      expect(check({ unionMemberRequired: true }, { candidate: { ...王芳, unionMember: false } })).toEqual({
        ok: false,
        failures: [{ code: 'UNION_MEMBERSHIP_REQUIRED', rule: 'unionMembership', message: '该项目仅限工会会员报名' }],
      });
    });

    it('admits a non-member when membership is not required', () => {
      expect(check({ unionMemberRequired: false }, { candidate: { ...王芳, unionMember: false } })).toEqual({ ok: true });
    });
  });

  describe('organisation subtree', () => {
    const 西湖区总工会 = { path: '/1/4/', name: '西湖区总工会' };

    it('admits a member of a sub-organisation', () => {
      expect(check({ orgSubtree: 西湖区总工会 })).toEqual({ ok: true });
    });

    it('admits a member of the organisation itself', () => {
      expect(check({ orgSubtree: 西湖区总工会 }, { candidate: { ...王芳, orgPath: '/1/4/' } })).toEqual({ ok: true });
    });

    it('refuses a sibling whose id only shares a prefix (/1/45/)', () => {
      expect(check({ orgSubtree: 西湖区总工会 }, { candidate: { ...王芳, orgPath: '/1/45/7/' } })).toEqual({
        ok: false,
        failures: [{ code: 'ORGANISATION_NOT_ALLOWED', rule: 'organisation', message: '该项目仅限西湖区总工会及其下属单位人员报名' }],
      });
    });

    it('refuses the parent organisation', () => {
      expect(check({ orgSubtree: 西湖区总工会 }, { candidate: { ...王芳, orgPath: '/1/' } })).toMatchObject({
        ok: false,
        failures: [{ code: 'ORGANISATION_NOT_ALLOWED' }],
      });
    });

    it('refuses a person without an organisation', () => {
      expect(check({ orgSubtree: 西湖区总工会 }, { candidate: { ...王芳, orgPath: null } })).toMatchObject({
        ok: false,
        failures: [{ code: 'ORGANISATION_NOT_ALLOWED' }],
      });
    });
  });

  describe('per-person limits', () => {
    const personLimits = { maxIndividualEntries: 2, maxRelayEntries: 1, maxTeamEntries: 1 };
    const entries = (individual: number, relay: number, team = 0): CountsSnapshot => ({
      person: { activeEntries: { individual, relay, team }, alreadyEnteredThisItem: false },
    });

    it('admits a second individual item', () => {
      expect(check({ personLimits }, { counts: entries(1, 1) })).toEqual({ ok: true });
    });

    it('refuses a third individual item', () => {
      expect(check({ personLimits }, { counts: entries(2, 0) })).toEqual({
        ok: false,
        failures: [{ code: 'PERSON_INDIVIDUAL_LIMIT_REACHED', rule: 'personLimit', message: '每人最多报名2个个人项目（您已报名2个）' }],
      });
    });

    it('does not count relays against the individual limit by default', () => {
      expect(check({ kind: 'relay', personLimits }, { counts: entries(2, 0) })).toEqual({ ok: true });
      expect(check({ kind: 'individual', personLimits }, { counts: entries(1, 1) })).toEqual({ ok: true });
    });

    it('counts relay legs against the individual limit when so configured', () => {
      const combined = { ...personLimits, relayCountsTowardIndividual: true };
      expect(check({ personLimits: combined }, { counts: entries(1, 1) })).toEqual({
        ok: false,
        failures: [{ code: 'PERSON_INDIVIDUAL_LIMIT_REACHED', rule: 'personLimit', message: '每人最多报名2个个人项目（含接力项目，您已报名2个）' }],
      });
      expect(check({ kind: 'relay', personLimits: combined }, { counts: entries(2, 0) })).toMatchObject({
        ok: false,
        failures: [{ code: 'PERSON_INDIVIDUAL_LIMIT_REACHED' }],
      });
    });

    it('refuses a second relay', () => {
      expect(check({ kind: 'relay', personLimits }, { counts: entries(0, 1) })).toEqual({
        ok: false,
        failures: [{ code: 'PERSON_RELAY_LIMIT_REACHED', rule: 'personLimit', message: '每人最多报名1个接力项目（您已报名1个）' }],
      });
    });

    it('reports both relay and combined limits when both are reached', () => {
      const combined = { ...personLimits, relayCountsTowardIndividual: true };
      const r = check({ kind: 'relay', personLimits: combined }, { counts: entries(1, 1) });
      expect(r.ok === false && r.failures.map((f) => f.code)).toEqual(['PERSON_INDIVIDUAL_LIMIT_REACHED', 'PERSON_RELAY_LIMIT_REACHED']);
    });

    it('refuses a second team item', () => {
      expect(check({ kind: 'team', personLimits }, { counts: entries(2, 1, 1) })).toEqual({
        ok: false,
        failures: [{ code: 'PERSON_TEAM_LIMIT_REACHED', rule: 'personLimit', message: '每人最多报名1个集体项目（您已报名1个）' }],
      });
    });

    it('refuses entering the same item twice', () => {
      const counts: CountsSnapshot = { person: { activeEntries: { individual: 1, relay: 0, team: 0 }, alreadyEnteredThisItem: true } };
      expect(check({}, { counts })).toEqual({
        ok: false,
        failures: [{ code: 'ALREADY_ENTERED', rule: 'duplicateEntry', message: '您已报名该项目，不能重复报名' }],
      });
    });
  });

  describe('per-delegation limits', () => {
    const delegation = (d: Partial<NonNullable<CountsSnapshot['delegation']>>): CountsSnapshot => ({
      ...noEntries,
      delegation: { athletes: 0, candidateAlreadyCounted: false, entriesInItem: 0, teamsInItem: 0, ...d },
    });

    it('refuses a new athlete when the delegation is full', () => {
      expect(check({ delegationLimits: { maxAthletes: 20 } }, { counts: delegation({ athletes: 20 }) })).toEqual({
        ok: false,
        failures: [{ code: 'DELEGATION_ATHLETE_LIMIT_REACHED', rule: 'delegationLimit', message: '每个代表队最多报名20名运动员（本队已报名20名）' }],
      });
    });

    it('admits an athlete already counted in a full delegation to another item', () => {
      expect(check({ delegationLimits: { maxAthletes: 20 } }, { counts: delegation({ athletes: 20, candidateAlreadyCounted: true }) })).toEqual({ ok: true });
    });

    it('refuses an individual entry over the per-item quota', () => {
      expect(check({ delegationLimits: { maxEntriesPerItem: 2 } }, { counts: delegation({ entriesInItem: 2 }) })).toEqual({
        ok: false,
        failures: [{ code: 'DELEGATION_ITEM_ENTRY_LIMIT_REACHED', rule: 'delegationLimit', message: '每个代表队在该项目最多报名2人（本队已报名2人）' }],
      });
      expect(check({ delegationLimits: { maxEntriesPerItem: 2 } }, { counts: delegation({ entriesInItem: 1 }) })).toEqual({ ok: true });
    });

    it('refuses a new relay team over the per-item quota', () => {
      expect(check({ kind: 'relay', delegationLimits: { maxTeamsPerItem: 1 } }, { counts: delegation({ teamsInItem: 1 }) })).toEqual({
        ok: false,
        failures: [{ code: 'DELEGATION_ITEM_TEAM_LIMIT_REACHED', rule: 'delegationLimit', message: '每个代表队在该项目最多报名1支接力队（本队已报名1支）' }],
      });
    });

    it('words the team quota for team items', () => {
      expect(check({ kind: 'team', delegationLimits: { maxTeamsPerItem: 2 } }, { counts: delegation({ teamsInItem: 2 }) })).toMatchObject({
        ok: false,
        failures: [{ message: '每个代表队在该项目最多报名2支队伍（本队已报名2支）' }],
      });
    });

    it('admits a leg joining an existing relay team even when the team quota is used', () => {
      expect(
        check({ kind: 'relay', delegationLimits: { maxTeamsPerItem: 1 } }, { counts: delegation({ teamsInItem: 1, joinsExistingTeam: true }) }),
      ).toEqual({ ok: true });
    });

    it('does not apply the individual per-item quota to relays', () => {
      expect(check({ kind: 'relay', delegationLimits: { maxEntriesPerItem: 2 } }, { counts: delegation({ entriesInItem: 8 }) })).toEqual({ ok: true });
    });

    it('skips delegation limits when the candidate enters without a delegation', () => {
      expect(check({ delegationLimits: { maxAthletes: 0 } }, { counts: noEntries })).toEqual({ ok: true });
    });
  });

  it('returns every failed rule at once, in a stable order', () => {
    const 张伟: Candidate = { gender: 'male', birthDate: '1960-01-15', unionMember: false, orgPath: '/2/9/' };
    const result = checkEligibility({
      candidate: 张伟,
      referenceDate,
      rules: {
        kind: 'individual',
        gender: 'female',
        minAge: 18,
        maxAge: 35,
        unionMemberRequired: true,
        orgSubtree: { path: '/1/', name: '杭州市总工会' },
        personLimits: { maxIndividualEntries: 2 },
        delegationLimits: { maxAthletes: 10, maxEntriesPerItem: 3 },
      },
      counts: {
        person: { activeEntries: { individual: 2, relay: 0, team: 0 }, alreadyEnteredThisItem: true },
        delegation: { athletes: 10, candidateAlreadyCounted: false, entriesInItem: 3, teamsInItem: 0 },
      },
    });
    expect(result).toEqual({
      ok: false,
      failures: [
        { code: 'GENDER_NOT_ALLOWED', rule: 'gender', message: '该项目仅限女性报名（您的性别为男）' },
        { code: 'AGE_ABOVE_MAXIMUM', rule: 'age', message: '年龄须在18至35周岁之间（以2026年9月1日计算，您为66周岁）' },
        { code: 'UNION_MEMBERSHIP_REQUIRED', rule: 'unionMembership', message: '该项目仅限工会会员报名' },
        { code: 'ORGANISATION_NOT_ALLOWED', rule: 'organisation', message: '该项目仅限杭州市总工会及其下属单位人员报名' },
        { code: 'ALREADY_ENTERED', rule: 'duplicateEntry', message: '您已报名该项目，不能重复报名' },
        { code: 'PERSON_INDIVIDUAL_LIMIT_REACHED', rule: 'personLimit', message: '每人最多报名2个个人项目（您已报名2个）' },
        { code: 'DELEGATION_ATHLETE_LIMIT_REACHED', rule: 'delegationLimit', message: '每个代表队最多报名10名运动员（本队已报名10名）' },
        { code: 'DELEGATION_ITEM_ENTRY_LIMIT_REACHED', rule: 'delegationLimit', message: '每个代表队在该项目最多报名3人（本队已报名3人）' },
      ],
    });
  });
});
