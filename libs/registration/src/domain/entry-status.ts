import { fail, ok, RegistrationDomainError, type Result } from './result';

export type EntryStatus = 'pending' | 'approved' | 'rejected' | 'waitlisted' | 'withdrawn';

export const ENTRY_STATUS_LABELS: Readonly<Record<EntryStatus, string>> = {
  pending: '待审核',
  approved: '已通过',
  rejected: '已驳回',
  waitlisted: '候补',
  withdrawn: '已撤回',
};

/**
 * Rejected and withdrawn are final: a person who fixes their details or
 * changes their mind submits a new entry, so the audit trail of the old one
 * stays intact. Approved → rejected exists for revoking an approval after
 * the fact (e.g. a forged membership card discovered before the meet).
 */
export const ENTRY_TRANSITIONS: Readonly<Record<EntryStatus, readonly EntryStatus[]>> = {
  pending: ['approved', 'rejected', 'waitlisted', 'withdrawn'],
  waitlisted: ['pending', 'approved', 'rejected', 'withdrawn'],
  approved: ['rejected', 'withdrawn'],
  rejected: [],
  withdrawn: [],
};

/** Statuses that still hold a place and therefore count toward every limit. */
export const ACTIVE_ENTRY_STATUSES: readonly EntryStatus[] = ['pending', 'approved', 'waitlisted'];

export function isActiveEntryStatus(status: EntryStatus): boolean {
  return ACTIVE_ENTRY_STATUSES.includes(status);
}

export function canTransition(from: EntryStatus, to: EntryStatus): boolean {
  return ENTRY_TRANSITIONS[from].includes(to);
}

export type EntryTransitionErrorCode =
  | 'ENTRY_ALREADY_IN_STATUS'
  | 'ENTRY_TRANSITION_NOT_ALLOWED'
  | 'ENTRY_REJECTION_REASON_REQUIRED'
  | 'ENTRY_REJECTION_REASON_TOO_LONG';

export interface EntryStatusChange {
  readonly status: EntryStatus;
  /** Set only when the new status is rejected. */
  readonly rejectionReason: string | null;
}

export const MAX_REJECTION_REASON_LENGTH = 200;

export function transitionEntry(
  from: EntryStatus,
  to: EntryStatus,
  options: { readonly reason?: string | null } = {},
): Result<EntryStatusChange, EntryTransitionErrorCode> {
  if (from === to) {
    return fail('ENTRY_ALREADY_IN_STATUS', `报名当前已是“${ENTRY_STATUS_LABELS[from]}”状态`);
  }
  if (!canTransition(from, to)) {
    return fail(
      'ENTRY_TRANSITION_NOT_ALLOWED',
      `报名状态为“${ENTRY_STATUS_LABELS[from]}”，不能变更为“${ENTRY_STATUS_LABELS[to]}”`,
    );
  }
  if (to !== 'rejected') return ok({ status: to, rejectionReason: null });
  // A rejected person is owed an explanation they can act on.
  const reason = (options.reason ?? '').trim();
  if (reason === '') return fail('ENTRY_REJECTION_REASON_REQUIRED', '驳回报名须填写驳回原因');
  if ([...reason].length > MAX_REJECTION_REASON_LENGTH) {
    return fail('ENTRY_REJECTION_REASON_TOO_LONG', `驳回原因不能超过${MAX_REJECTION_REASON_LENGTH}个字`);
  }
  return ok({ status: 'rejected', rejectionReason: reason });
}

/** Throwing form for service code that has already checked and treats failure as a bug or a 409. */
export function assertTransition(
  from: EntryStatus,
  to: EntryStatus,
  options: { readonly reason?: string | null } = {},
): EntryStatusChange {
  const result = transitionEntry(from, to, options);
  if (!result.ok) throw new RegistrationDomainError(result.error.code, result.error.message);
  return result.value;
}

export type CapacityLimit = 'event' | 'item' | 'delegation';

/** Places left at each level; null means that level is unlimited. */
export interface CapacitySnapshot {
  readonly eventRemaining: number | null;
  readonly itemRemaining: number | null;
  readonly delegationRemaining: number | null;
}

export type CapacityDecision =
  | { readonly outcome: 'confirmed' }
  | {
      readonly outcome: 'waitlisted';
      /** The first full limit, widest first, for the message shown to the person. */
      readonly limit: CapacityLimit;
      readonly fullLimits: readonly CapacityLimit[];
      readonly message: string;
    };

const CAPACITY_ORDER: readonly CapacityLimit[] = ['event', 'item', 'delegation'];
const CAPACITY_MESSAGES: Readonly<Record<CapacityLimit, string>> = {
  event: '本次活动名额已满，已为您登记候补',
  item: '该项目名额已满，已为您登记候补',
  delegation: '本代表队在该项目的名额已满，已为您登记候补',
};

export function decideCapacity(snapshot: CapacitySnapshot): CapacityDecision {
  const remaining: Record<CapacityLimit, number | null> = {
    event: snapshot.eventRemaining,
    item: snapshot.itemRemaining,
    delegation: snapshot.delegationRemaining,
  };
  // Counts can go negative when an organiser lowers a quota below current entries; that is full too.
  const fullLimits = CAPACITY_ORDER.filter((l) => remaining[l] != null && (remaining[l] as number) <= 0);
  if (fullLimits.length === 0) return { outcome: 'confirmed' };
  return { outcome: 'waitlisted', limit: fullLimits[0], fullLimits, message: CAPACITY_MESSAGES[fullLimits[0]] };
}
