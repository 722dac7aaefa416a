import {
  assertTransition,
  canTransition,
  decideCapacity,
  ENTRY_TRANSITIONS,
  isActiveEntryStatus,
  transitionEntry,
  type EntryStatus,
} from './entry-status';
import { RegistrationDomainError } from './result';

const ALL: EntryStatus[] = ['pending', 'approved', 'rejected', 'waitlisted', 'withdrawn'];

describe('entry workflow', () => {
  it.each([
    ['pending', 'approved'],
    ['pending', 'waitlisted'],
    ['pending', 'withdrawn'],
    ['waitlisted', 'pending'],
    ['waitlisted', 'approved'],
    ['waitlisted', 'withdrawn'],
    ['approved', 'withdrawn'],
  ] as [EntryStatus, EntryStatus][])('allows %s → %s', (from, to) => {
    expect(transitionEntry(from, to)).toEqual({ ok: true, value: { status: to, rejectionReason: null } });
  });

  it.each([
    ['withdrawn', 'approved', '报名状态为“已撤回”，不能变更为“已通过”'],
    ['withdrawn', 'pending', '报名状态为“已撤回”，不能变更为“待审核”'],
    ['rejected', 'approved', '报名状态为“已驳回”，不能变更为“已通过”'],
    ['rejected', 'withdrawn', '报名状态为“已驳回”，不能变更为“已撤回”'],
    ['approved', 'pending', '报名状态为“已通过”，不能变更为“待审核”'],
    ['approved', 'waitlisted', '报名状态为“已通过”，不能变更为“候补”'],
  ] as [EntryStatus, EntryStatus, string][])('refuses %s → %s', (from, to, message) => {
    expect(transitionEntry(from, to, { reason: '材料不全' })).toEqual({
      ok: false,
      error: { code: 'ENTRY_TRANSITION_NOT_ALLOWED', message },
    });
  });

  it('refuses a no-op transition with its own code', () => {
    expect(transitionEntry('approved', 'approved')).toEqual({
      ok: false,
      error: { code: 'ENTRY_ALREADY_IN_STATUS', message: '报名当前已是“已通过”状态' },
    });
  });

  it('keeps rejected and withdrawn final', () => {
    for (const to of ALL) {
      expect(canTransition('rejected', to)).toBe(false);
      expect(canTransition('withdrawn', to)).toBe(false);
    }
  });

  it('canTransition agrees with the transition table', () => {
    for (const from of ALL) for (const to of ALL) {
      expect(canTransition(from, to)).toBe(ENTRY_TRANSITIONS[from].includes(to));
    }
  });

  describe('rejection', () => {
    it('requires a reason', () => {
      expect(transitionEntry('pending', 'rejected')).toEqual({
        ok: false,
        error: { code: 'ENTRY_REJECTION_REASON_REQUIRED', message: '驳回报名须填写驳回原因' },
      });
      expect(transitionEntry('pending', 'rejected', { reason: '   ' })).toMatchObject({
        ok: false,
        error: { code: 'ENTRY_REJECTION_REASON_REQUIRED' },
      });
    });

    it('stores the trimmed reason', () => {
      expect(transitionEntry('pending', 'rejected', { reason: ' 工会会员证明未上传 ' })).toEqual({
        ok: true,
        value: { status: 'rejected', rejectionReason: '工会会员证明未上传' },
      });
    });

    it('allows revoking an approval with a reason', () => {
      expect(transitionEntry('approved', 'rejected', { reason: '身份证信息与本人不符' })).toEqual({
        ok: true,
        value: { status: 'rejected', rejectionReason: '身份证信息与本人不符' },
      });
    });

    it('limits the reason to 200 characters, counting Chinese characters as one', () => {
      expect(transitionEntry('pending', 'rejected', { reason: '缺'.repeat(200) }).ok).toBe(true);
      expect(transitionEntry('pending', 'rejected', { reason: '缺'.repeat(201) })).toEqual({
        ok: false,
        error: { code: 'ENTRY_REJECTION_REASON_TOO_LONG', message: '驳回原因不能超过200个字' },
      });
    });

    it('ignores a reason on other transitions', () => {
      expect(transitionEntry('pending', 'approved', { reason: '同意' })).toEqual({
        ok: true,
        value: { status: 'approved', rejectionReason: null },
      });
    });
  });

  describe('assertTransition', () => {
    it('returns the change when allowed', () => {
      expect(assertTransition('pending', 'approved')).toEqual({ status: 'approved', rejectionReason: null });
    });

    it('throws a coded error when not allowed', () => {
      expect(() => assertTransition('withdrawn', 'approved')).toThrow(RegistrationDomainError);
      expect(() => assertTransition('withdrawn', 'approved')).toThrow('报名状态为“已撤回”，不能变更为“已通过”');
      try {
        assertTransition('pending', 'rejected');
      } catch (e) {
        expect((e as RegistrationDomainError).code).toBe('ENTRY_REJECTION_REASON_REQUIRED');
      }
      expect.assertions(3);
    });
  });

  it('counts pending, approved and waitlisted entries as active', () => {
    expect(ALL.filter(isActiveEntryStatus)).toEqual(['pending', 'approved', 'waitlisted']);
  });
});

describe('decideCapacity', () => {
  it('confirms when every level has room', () => {
    expect(decideCapacity({ eventRemaining: 100, itemRemaining: 3, delegationRemaining: 1 })).toEqual({ outcome: 'confirmed' });
  });

  it('treats null as unlimited', () => {
    expect(decideCapacity({ eventRemaining: null, itemRemaining: null, delegationRemaining: null })).toEqual({ outcome: 'confirmed' });
  });

  it('waitlists when the item is full', () => {
    expect(decideCapacity({ eventRemaining: 50, itemRemaining: 0, delegationRemaining: 2 })).toEqual({
      outcome: 'waitlisted',
      limit: 'item',
      fullLimits: ['item'],
      message: '该项目名额已满，已为您登记候补',
    });
  });

  it('waitlists when the delegation quota is used up', () => {
    expect(decideCapacity({ eventRemaining: null, itemRemaining: 5, delegationRemaining: 0 })).toEqual({
      outcome: 'waitlisted',
      limit: 'delegation',
      fullLimits: ['delegation'],
      message: '本代表队在该项目的名额已满，已为您登记候补',
    });
  });

  it('reports the widest full limit first and lists all full ones', () => {
    expect(decideCapacity({ eventRemaining: 0, itemRemaining: 0, delegationRemaining: 0 })).toEqual({
      outcome: 'waitlisted',
      limit: 'event',
      fullLimits: ['event', 'item', 'delegation'],
      message: '本次活动名额已满，已为您登记候补',
    });
  });

  it('treats a negative remainder (quota lowered below current entries) as full', () => {
    expect(decideCapacity({ eventRemaining: -3, itemRemaining: 10, delegationRemaining: null })).toMatchObject({
      outcome: 'waitlisted',
      limit: 'event',
    });
  });
});
