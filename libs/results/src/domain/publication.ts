import { beijingTime } from '@app/common';
import { fail, ok, type Result } from './result';

/**
 * Publication of an item's results:
 *   PROVISIONAL --PUBLISH_NOTICE--> NOTICE (公示, ends after N days, default 5)
 *   NOTICE --FILE_APPEAL / RESOLVE_APPEAL--> NOTICE   (appeals only while the notice runs)
 *   NOTICE --RETRACT(reason)--> PROVISIONAL           (results must change, e.g. an appeal upheld)
 *   NOTICE --FINALIZE (notice ended, no open appeal)--> FINAL
 *   (a notice of 0 days, when the event sets it — a demo, an internal contest —
 *   ends as it starts: no appeal window, final at once)
 *   FINAL --REOPEN(reason)--> PROVISIONAL             (anything else on FINAL: RESULTS_FROZEN)
 * Times are ISO-8601 strings so the state stays plain, storable data; the
 * caller supplies "now" (`at`), which keeps the function pure. Messages, which
 * people read, give times in Beijing time.
 */
export type PublicationStatus = 'PROVISIONAL' | 'NOTICE' | 'FINAL';

export interface Appeal {
  readonly appealId: string;
  readonly filedAt: string;
  readonly resolution?: 'UPHELD' | 'REJECTED';
}

export interface PublicationState {
  readonly status: PublicationStatus;
  readonly noticeStartedAt?: string;
  readonly noticeEndsAt?: string;
  readonly finalizedAt?: string;
  readonly appeals: readonly Appeal[];
  readonly reopenCount: number;
  /** Reason of the last RETRACT or REOPEN, kept for the audit trail. */
  readonly lastReason?: string;
}

export type PublicationCommand =
  | { readonly type: 'PUBLISH_NOTICE'; readonly at: string; readonly noticeDays?: number }
  | { readonly type: 'FILE_APPEAL'; readonly at: string; readonly appealId: string }
  | { readonly type: 'RESOLVE_APPEAL'; readonly at: string; readonly appealId: string; readonly resolution: 'UPHELD' | 'REJECTED' }
  | { readonly type: 'RETRACT'; readonly at: string; readonly reason: string }
  | { readonly type: 'FINALIZE'; readonly at: string }
  | { readonly type: 'REOPEN'; readonly at: string; readonly reason: string };

export type PublicationErrorCode =
  | 'INVALID_TIME'
  | 'INVALID_NOTICE_PERIOD'
  | 'INVALID_TRANSITION'
  | 'RESULTS_FROZEN'
  | 'APPEAL_NOT_IN_NOTICE'
  | 'APPEAL_WINDOW_CLOSED'
  | 'DUPLICATE_APPEAL'
  | 'APPEAL_NOT_FOUND'
  | 'APPEAL_ALREADY_RESOLVED'
  | 'NOTICE_NOT_ENDED'
  | 'OPEN_APPEALS'
  | 'REASON_REQUIRED';

export const DEFAULT_NOTICE_DAYS = 5;
const DAY_MS = 24 * 60 * 60 * 1000;

export const initialPublicationState: PublicationState = { status: 'PROVISIONAL', appeals: [], reopenCount: 0 };

/**
 * End of the notice: start + days × 24 h. Calendar days, not working days —
 * a 规程 that counts 工作日 needs a holiday calendar, which is not domain data
 * here.
 */
export function noticeEndTime(startIso: string, noticeDays = DEFAULT_NOTICE_DAYS): string {
  return new Date(Date.parse(startIso) + noticeDays * DAY_MS).toISOString();
}

/** Appeals are accepted from the notice start up to, but not at, its end. */
export function canFileAppeal(state: PublicationState, atIso: string): boolean {
  const at = Date.parse(atIso);
  return state.status === 'NOTICE' && !Number.isNaN(at) && at < Date.parse(state.noticeEndsAt!) && at >= Date.parse(state.noticeStartedAt!);
}

export function transitionPublication(
  state: PublicationState,
  command: PublicationCommand,
): Result<PublicationState, PublicationErrorCode> {
  const at = Date.parse(command.at);
  if (Number.isNaN(at)) return fail('INVALID_TIME', `时间格式无效：${command.at}`);

  if (state.status === 'FINAL' && command.type !== 'REOPEN') {
    return fail('RESULTS_FROZEN', '成绩已确认为最终成绩，不能修改；如需更正请先说明理由重新开放');
  }

  switch (command.type) {
    case 'PUBLISH_NOTICE': {
      if (state.status !== 'PROVISIONAL') return fail('INVALID_TRANSITION', '只有暂定成绩可以进入公示');
      const days = command.noticeDays ?? DEFAULT_NOTICE_DAYS;
      if (!Number.isInteger(days) || days < 0) return fail('INVALID_NOTICE_PERIOD', `公示期必须是不少于 0 的整数天：${String(days)}`);
      const start = new Date(at).toISOString();
      return ok({ ...state, status: 'NOTICE', noticeStartedAt: start, noticeEndsAt: noticeEndTime(start, days), appeals: [] });
    }
    case 'FILE_APPEAL': {
      if (state.status !== 'NOTICE') return fail('APPEAL_NOT_IN_NOTICE', '只能在公示期内提出申诉');
      if (!canFileAppeal(state, command.at)) return fail('APPEAL_WINDOW_CLOSED', `公示期已于 ${beijingTime(state.noticeEndsAt)}（北京时间）结束，不再受理申诉`);
      if (state.appeals.some((a) => a.appealId === command.appealId)) return fail('DUPLICATE_APPEAL', `申诉已登记：${command.appealId}`);
      return ok({ ...state, appeals: [...state.appeals, { appealId: command.appealId, filedAt: new Date(at).toISOString() }] });
    }
    case 'RESOLVE_APPEAL': {
      if (state.status !== 'NOTICE') return fail('INVALID_TRANSITION', '只有公示期内的申诉可以处理');
      const appeal = state.appeals.find((a) => a.appealId === command.appealId);
      if (!appeal) return fail('APPEAL_NOT_FOUND', `申诉不存在：${command.appealId}`);
      if (appeal.resolution) return fail('APPEAL_ALREADY_RESOLVED', `申诉已处理：${command.appealId}`);
      return ok({
        ...state,
        appeals: state.appeals.map((a) => (a.appealId === command.appealId ? { ...a, resolution: command.resolution } : a)),
      });
    }
    case 'RETRACT': {
      if (state.status !== 'NOTICE') return fail('INVALID_TRANSITION', '只有公示中的成绩可以撤回');
      if (!command.reason?.trim()) return fail('REASON_REQUIRED', '撤回公示必须填写理由');
      return ok(toProvisional(command.reason.trim(), state.reopenCount));
    }
    case 'FINALIZE': {
      if (state.status !== 'NOTICE') return fail('INVALID_TRANSITION', '成绩须经公示后才能确认为最终成绩');
      if (at < Date.parse(state.noticeEndsAt!)) return fail('NOTICE_NOT_ENDED', `公示期至 ${beijingTime(state.noticeEndsAt)}（北京时间）结束，尚不能确认`);
      const open = state.appeals.filter((a) => !a.resolution).map((a) => a.appealId);
      if (open.length > 0) return fail('OPEN_APPEALS', `仍有未处理的申诉：${open.join('、')}`);
      return ok({ ...state, status: 'FINAL', finalizedAt: new Date(at).toISOString() });
    }
    case 'REOPEN': {
      if (state.status !== 'FINAL') return fail('INVALID_TRANSITION', '只有最终成绩需要重新开放');
      if (!command.reason?.trim()) return fail('REASON_REQUIRED', '重新开放最终成绩必须填写理由');
      return ok(toProvisional(command.reason.trim(), state.reopenCount + 1));
    }
  }
}

/** Back to PROVISIONAL: a new notice (with fresh appeals) must follow. */
function toProvisional(reason: string, reopenCount: number): PublicationState {
  return { status: 'PROVISIONAL', appeals: [], reopenCount, lastReason: reason };
}
