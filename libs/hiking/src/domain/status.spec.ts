import { HikingErrorCode } from './hiking-error';
import { applyStatusEvent, canApply, isWalking, type WalkerState } from './status';
import { refusal } from '../../../../test/support/refusal';

const registered: WalkerState = { status: 'registered', drop: null };
const drop = { reason: '脚踝扭伤', checkpointId: 'CP-拱宸桥', at: 1_000 };

describe('walker status machine', () => {
  it('walks registered → started → on_course → finished', () => {
    const started = applyStatusEvent(registered, { type: 'start' });
    const onCourse = applyStatusEvent(started, { type: 'checkpoint' });
    const again = applyStatusEvent(onCourse, { type: 'checkpoint' });
    const finished = applyStatusEvent(again, { type: 'finish' });
    expect([started.status, onCourse.status, again.status, finished.status]).toEqual(['started', 'on_course', 'on_course', 'finished']);
  });

  it('a scan past the start without a start scan puts a registered walker on course', () => {
    expect(applyStatusEvent(registered, { type: 'checkpoint' }).status).toBe('on_course');
  });

  it('keeps the drop reason and checkpoint on withdrawal, time-out and disqualification', () => {
    const onCourse: WalkerState = { status: 'on_course', drop: null };
    expect(applyStatusEvent(onCourse, { type: 'withdraw', drop })).toEqual({ status: 'withdrawn', drop });
    expect(applyStatusEvent(onCourse, { type: 'time_out', drop })).toEqual({ status: 'timed_out', drop });
    expect(applyStatusEvent(onCourse, { type: 'disqualify', drop })).toEqual({ status: 'disqualified', drop });
  });

  it('refuses a drop without a reason', () => {
    const onCourse: WalkerState = { status: 'on_course', drop: null };
    expect(refusal(() => applyStatusEvent(onCourse, { type: 'withdraw', drop: { ...drop, reason: '  ' } }))).toBe(HikingErrorCode.DropReasonRequired);
  });

  it('refuses to move a finished, withdrawn or disqualified walker on', () => {
    const finished: WalkerState = { status: 'finished', drop: null };
    const withdrawn: WalkerState = { status: 'withdrawn', drop };
    const dq: WalkerState = { status: 'disqualified', drop };
    expect(refusal(() => applyStatusEvent(finished, { type: 'checkpoint' }))).toBe(HikingErrorCode.BadTransition);
    expect(refusal(() => applyStatusEvent(withdrawn, { type: 'finish' }))).toBe(HikingErrorCode.BadTransition);
    expect(refusal(() => applyStatusEvent(withdrawn, { type: 'reverse_time_out', to: 'on_course' }))).toBe(HikingErrorCode.BadTransition);
    expect(refusal(() => applyStatusEvent(dq, { type: 'withdraw', drop }))).toBe(HikingErrorCode.BadTransition);
  });

  it('times out a walker the gun started who never scanned; never starts one twice', () => {
    expect(applyStatusEvent(registered, { type: 'time_out', drop }).status).toBe('timed_out');
    expect(refusal(() => applyStatusEvent({ status: 'started', drop: null }, { type: 'start' }))).toBe(HikingErrorCode.BadTransition);
  });

  it('may still disqualify a finisher', () => {
    expect(applyStatusEvent({ status: 'finished', drop: null }, { type: 'disqualify', drop }).status).toBe('disqualified');
  });

  it('leaves timed_out only by a reversal, which clears the drop', () => {
    const timedOut: WalkerState = { status: 'timed_out', drop };
    expect(refusal(() => applyStatusEvent(timedOut, { type: 'checkpoint' }))).toBe(HikingErrorCode.BadTransition);
    expect(applyStatusEvent(timedOut, { type: 'reverse_time_out', to: 'on_course' })).toEqual({ status: 'on_course', drop: null });
  });

  it('answers canApply and isWalking from the same table', () => {
    expect(canApply('timed_out', 'reverse_time_out')).toBe(true);
    expect(canApply('finished', 'withdraw')).toBe(false);
    expect(['registered', 'started', 'on_course', 'finished', 'timed_out'].map((s) => isWalking(s as never))).toEqual([false, true, true, false, false]);
  });
});
