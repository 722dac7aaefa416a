import { HikingDomainError, HikingErrorCode } from './hiking-error';
import type { Instant, WalkerStatus } from './types';

/** Why a walker left the course, and where; required for every drop. */
export interface Drop {
  reason: string;
  checkpointId: string | null;
  at: Instant;
}

export interface WalkerState {
  status: WalkerStatus;
  /** Set for withdrawn, timed_out and disqualified; null otherwise. */
  drop: Drop | null;
}

export type StatusEvent =
  | { type: 'start' }
  | { type: 'checkpoint' }
  | { type: 'finish' }
  | { type: 'withdraw'; drop: Drop }
  | { type: 'time_out'; drop: Drop }
  | { type: 'disqualify'; drop: Drop }
  /** A late scan from before the cut-off proved the walker made it (see cutoffs.ts). */
  | { type: 'reverse_time_out'; to: 'started' | 'on_course' };

export const DROPPED_STATUSES: readonly WalkerStatus[] = ['withdrawn', 'timed_out', 'disqualified'];

/** Still out on the course: the walkers a cut-off, the board and the team rule look at. */
export function isWalking(status: WalkerStatus): boolean {
  return status === 'started' || status === 'on_course';
}

/**
 * Which statuses each event may leave from. Registered walkers become started by their start scan
 * or by their wave's gun; a scan past the start puts them on course. Finished walkers may still be
 * disqualified (a breach found at the finish); withdrawn and disqualified are final. Only the
 * reversal leaves timed_out.
 */
const FROM: Record<StatusEvent['type'], readonly WalkerStatus[]> = {
  start: ['registered'],
  checkpoint: ['registered', 'started', 'on_course'],
  finish: ['registered', 'started', 'on_course'],
  withdraw: ['registered', 'started', 'on_course'],
  time_out: ['registered', 'started', 'on_course'],
  disqualify: ['registered', 'started', 'on_course', 'finished', 'timed_out'],
  reverse_time_out: ['timed_out'],
};

const TO: Record<Exclude<StatusEvent['type'], 'reverse_time_out'>, WalkerStatus> = {
  start: 'started',
  checkpoint: 'on_course',
  finish: 'finished',
  withdraw: 'withdrawn',
  time_out: 'timed_out',
  disqualify: 'disqualified',
};

/** The state after `event`, or a coded refusal; never mutates `state`. */
export function applyStatusEvent(state: WalkerState, event: StatusEvent): WalkerState {
  if (!FROM[event.type].includes(state.status)) {
    throw new HikingDomainError(HikingErrorCode.BadTransition, `状态 ${state.status} 不能执行 ${event.type}`);
  }
  if (event.type === 'reverse_time_out') return { status: event.to, drop: null };
  if (event.type === 'withdraw' || event.type === 'time_out' || event.type === 'disqualify') {
    if (event.drop.reason.trim() === '') {
      throw new HikingDomainError(HikingErrorCode.DropReasonRequired, '退出、超时或取消资格须注明原因');
    }
    return { status: TO[event.type], drop: { ...event.drop } };
  }
  return { status: TO[event.type], drop: null };
}

/** Whether `event` is allowed from `status`, for callers that want to ask before acting. */
export function canApply(status: WalkerStatus, type: StatusEvent['type']): boolean {
  return FROM[type].includes(status);
}
