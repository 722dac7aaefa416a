import { canFileAppeal, initialPublicationState, noticeEndTime, transitionPublication, type PublicationCommand, type PublicationState } from './publication';

function step(state: PublicationState, command: PublicationCommand): PublicationState {
  const r = transitionPublication(state, command);
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value;
}
function errorOf(state: PublicationState, command: PublicationCommand): string {
  const r = transitionPublication(state, command);
  if (r.ok) throw new Error('expected a refusal');
  return r.error.code;
}

const T0 = '2026-05-01T02:00:00.000Z'; // 10:00 Beijing time
const notice = step(initialPublicationState, { type: 'PUBLISH_NOTICE', at: T0 });

describe('publication state machine', () => {
  it('publishing a notice sets a 5-day end by default (5 × 24 h)', () => {
    expect(notice).toMatchObject({ status: 'NOTICE', noticeStartedAt: T0, noticeEndsAt: '2026-05-06T02:00:00.000Z' });
    expect(noticeEndTime(T0, 7)).toBe('2026-05-08T02:00:00.000Z');
    const three = step(initialPublicationState, { type: 'PUBLISH_NOTICE', at: T0, noticeDays: 3 });
    expect(three.noticeEndsAt).toBe('2026-05-04T02:00:00.000Z');
  });

  it('refuses a notice period that is not a whole number of days, or negative', () => {
    expect(errorOf(initialPublicationState, { type: 'PUBLISH_NOTICE', at: T0, noticeDays: -1 })).toBe('INVALID_NOTICE_PERIOD');
    expect(errorOf(initialPublicationState, { type: 'PUBLISH_NOTICE', at: T0, noticeDays: 1.5 })).toBe('INVALID_NOTICE_PERIOD');
  });

  it('takes a notice of 0 days (a demo, an internal contest): it ends as it starts, takes no appeal, and the results can be final at once', () => {
    const none = step(initialPublicationState, { type: 'PUBLISH_NOTICE', at: T0, noticeDays: 0 });
    expect(none).toMatchObject({ status: 'NOTICE', noticeStartedAt: T0, noticeEndsAt: T0 });
    expect(canFileAppeal(none, T0)).toBe(false);
    expect(errorOf(none, { type: 'FILE_APPEAL', at: T0, appealId: 'SS-1' })).toBe('APPEAL_WINDOW_CLOSED');
    expect(step(none, { type: 'FINALIZE', at: T0 })).toMatchObject({ status: 'FINAL', finalizedAt: T0 });
  });

  it('tells people the end of the notice in Beijing time', () => {
    // Ends 2026-05-06T02:00Z = 10:00 in Beijing.
    const r = transitionPublication(notice, { type: 'FINALIZE', at: '2026-05-05T00:00:00Z' });
    expect(r.ok ? null : r.error.message).toBe('公示期至 2026-05-06 10:00（北京时间）结束，尚不能确认');
    const late = transitionPublication(notice, { type: 'FILE_APPEAL', at: '2026-05-07T00:00:00Z', appealId: 'SS-9' });
    expect(late.ok ? null : late.error.message).toBe('公示期已于 2026-05-06 10:00（北京时间）结束，不再受理申诉');
  });

  it('accepts appeals only during the notice, up to but not at its end', () => {
    expect(errorOf(initialPublicationState, { type: 'FILE_APPEAL', at: T0, appealId: 'SS-1' })).toBe('APPEAL_NOT_IN_NOTICE');
    const filed = step(notice, { type: 'FILE_APPEAL', at: '2026-05-06T01:59:59.999Z', appealId: 'SS-1' });
    expect(filed.appeals).toEqual([{ appealId: 'SS-1', filedAt: '2026-05-06T01:59:59.999Z' }]);
    expect(errorOf(notice, { type: 'FILE_APPEAL', at: '2026-05-06T02:00:00.000Z', appealId: 'SS-2' })).toBe('APPEAL_WINDOW_CLOSED');
    expect(errorOf(notice, { type: 'FILE_APPEAL', at: '2026-04-30T00:00:00.000Z', appealId: 'SS-2' })).toBe('APPEAL_WINDOW_CLOSED');
    expect(errorOf(filed, { type: 'FILE_APPEAL', at: T0, appealId: 'SS-1' })).toBe('DUPLICATE_APPEAL');
    expect(canFileAppeal(notice, '2026-05-03T00:00:00Z')).toBe(true);
    expect(canFileAppeal(initialPublicationState, '2026-05-03T00:00:00Z')).toBe(false);
  });

  it('finalizes only after the notice ends and with every appeal resolved', () => {
    expect(errorOf(initialPublicationState, { type: 'FINALIZE', at: T0 })).toBe('INVALID_TRANSITION');
    expect(errorOf(notice, { type: 'FINALIZE', at: '2026-05-05T00:00:00Z' })).toBe('NOTICE_NOT_ENDED');
    const filed = step(notice, { type: 'FILE_APPEAL', at: '2026-05-02T00:00:00Z', appealId: 'SS-1' });
    expect(errorOf(filed, { type: 'FINALIZE', at: '2026-05-07T00:00:00Z' })).toBe('OPEN_APPEALS');
    const resolved = step(filed, { type: 'RESOLVE_APPEAL', at: '2026-05-03T00:00:00Z', appealId: 'SS-1', resolution: 'REJECTED' });
    expect(errorOf(resolved, { type: 'RESOLVE_APPEAL', at: T0, appealId: 'SS-1', resolution: 'UPHELD' })).toBe('APPEAL_ALREADY_RESOLVED');
    expect(errorOf(resolved, { type: 'RESOLVE_APPEAL', at: T0, appealId: 'SS-9', resolution: 'UPHELD' })).toBe('APPEAL_NOT_FOUND');
    const final = step(resolved, { type: 'FINALIZE', at: '2026-05-06T02:00:00.000Z' });
    expect(final).toMatchObject({ status: 'FINAL', finalizedAt: '2026-05-06T02:00:00.000Z' });
  });

  it('freezes final results: only REOPEN with a reason goes back to provisional', () => {
    const final = step(notice, { type: 'FINALIZE', at: '2026-05-07T00:00:00Z' });
    expect(errorOf(final, { type: 'FILE_APPEAL', at: '2026-05-07T00:00:00Z', appealId: 'SS-3' })).toBe('RESULTS_FROZEN');
    expect(errorOf(final, { type: 'PUBLISH_NOTICE', at: '2026-05-07T00:00:00Z' })).toBe('RESULTS_FROZEN');
    expect(errorOf(final, { type: 'FINALIZE', at: '2026-05-07T00:00:00Z' })).toBe('RESULTS_FROZEN');
    expect(errorOf(final, { type: 'REOPEN', at: '2026-05-08T00:00:00Z', reason: '  ' })).toBe('REASON_REQUIRED');
    const reopened = step(final, { type: 'REOPEN', at: '2026-05-08T00:00:00Z', reason: '计时系统故障，成绩需复核' });
    expect(reopened).toEqual({ status: 'PROVISIONAL', appeals: [], reopenCount: 1, lastReason: '计时系统故障，成绩需复核' });
    // and it must go through a fresh notice again
    expect(errorOf(reopened, { type: 'FINALIZE', at: '2026-05-20T00:00:00Z' })).toBe('INVALID_TRANSITION');
    expect(step(reopened, { type: 'PUBLISH_NOTICE', at: '2026-05-09T00:00:00Z' }).noticeEndsAt).toBe('2026-05-14T00:00:00.000Z');
  });

  it('retracts a notice (e.g. an appeal upheld) back to provisional with a reason', () => {
    expect(errorOf(notice, { type: 'RETRACT', at: T0, reason: '' })).toBe('REASON_REQUIRED');
    expect(errorOf(initialPublicationState, { type: 'RETRACT', at: T0, reason: '更正' })).toBe('INVALID_TRANSITION');
    expect(step(notice, { type: 'RETRACT', at: T0, reason: '申诉成立，更正名次' })).toMatchObject({ status: 'PROVISIONAL', reopenCount: 0 });
  });

  it('refuses other wrong transitions and bad times, and never mutates the input state', () => {
    expect(errorOf(notice, { type: 'PUBLISH_NOTICE', at: T0 })).toBe('INVALID_TRANSITION');
    expect(errorOf(notice, { type: 'REOPEN', at: T0, reason: 'x' })).toBe('INVALID_TRANSITION');
    expect(errorOf(initialPublicationState, { type: 'RESOLVE_APPEAL', at: T0, appealId: 'a', resolution: 'UPHELD' })).toBe('INVALID_TRANSITION');
    expect(errorOf(notice, { type: 'FINALIZE', at: 'next tuesday' })).toBe('INVALID_TIME');
    const snapshot = JSON.stringify(notice);
    step(notice, { type: 'FILE_APPEAL', at: '2026-05-02T00:00:00Z', appealId: 'SS-1' });
    expect(JSON.stringify(notice)).toBe(snapshot);
  });
});
