import { JobFairErrorCode } from './job-fair-error';
import {
  assertRating,
  canMoveApplication,
  consumesOpening,
  moveApplication,
  setIntentionReached,
  type ApplicationStage,
  PIPELINE_PATH,
  STAGE_LABELS,
  type PipelineActor,
} from './pipeline';
import { refusal } from '../../../../test/support/refusal';

describe('application pipeline', () => {
  it('walks applied → screened → interviewing → offered → hired by the employer', () => {
    let stage: ApplicationStage = 'applied';
    for (const to of ['screened', 'interviewing', 'offered', 'hired'] as const) stage = moveApplication(stage, to, 'employer');
    expect(stage).toBe('hired');
  });

  it('lets the employer skip ahead, as at a booth', () => {
    expect(moveApplication('applied', 'interviewing', 'employer')).toBe('interviewing');
    expect(moveApplication('screened', 'hired', 'employer')).toBe('hired');
  });

  it('never moves back', () => {
    expect(refusal(() => moveApplication('offered', 'screened', 'employer'))).toBe(JobFairErrorCode.BadApplicationTransition);
    expect(refusal(() => moveApplication('interviewing', 'interviewing', 'employer'))).toBe(JobFairErrorCode.BadApplicationTransition);
  });

  it.each<ApplicationStage>(['applied', 'screened', 'interviewing', 'offered'])('lets the employer reject from %s', (from) => {
    expect(moveApplication(from, 'rejected', 'employer')).toBe('rejected');
  });

  it.each<ApplicationStage>(['applied', 'screened', 'interviewing', 'offered'])('lets the seeker withdraw from %s', (from) => {
    expect(moveApplication(from, 'withdrawn', 'seeker')).toBe('withdrawn');
  });

  it.each<[ApplicationStage, ApplicationStage, PipelineActor]>([
    ['hired', 'withdrawn', 'seeker'],
    ['hired', 'rejected', 'employer'],
    ['rejected', 'screened', 'employer'],
    ['withdrawn', 'interviewing', 'employer'],
    ['rejected', 'withdrawn', 'seeker'],
  ])('keeps final stages final: %s → %s', (from, to, actor) => {
    expect(refusal(() => moveApplication(from, to, actor))).toBe(JobFairErrorCode.BadApplicationTransition);
  });

  it.each<[ApplicationStage, ApplicationStage, PipelineActor]>([
    ['applied', 'withdrawn', 'employer'],
    ['applied', 'screened', 'seeker'],
    ['offered', 'hired', 'seeker'],
    ['applied', 'rejected', 'seeker'],
    ['hired', 'applied', 'employer'],
  ])('refuses %s → %s by the %s', (from, to, actor) => {
    expect(refusal(() => moveApplication(from, to, actor))).toBe(JobFairErrorCode.ActorMayNotTransition);
    expect(canMoveApplication(from, to, actor)).toBe(false);
  });

  it('counts only hiring against the headcount', () => {
    expect((['screened', 'interviewing', 'offered', 'rejected', 'withdrawn'] as const).some(consumesOpening)).toBe(false);
    expect(consumesOpening('hired')).toBe(true);
  });

  it('lets only the employer set or clear 达成意向, whatever the stage', () => {
    expect(setIntentionReached(true, 'employer')).toBe(true);
    expect(setIntentionReached(false, 'employer')).toBe(false);
    expect(refusal(() => setIntentionReached(true, 'seeker'))).toBe(JobFairErrorCode.ActorMayNotTransition);
  });

  it('accepts ratings 1 to 4 or none', () => {
    for (const r of [1, 2, 3, 4, null]) expect(() => assertRating(r)).not.toThrow();
  });

  it.each([0, 5, 2.5, -1])('refuses the rating %p', (r) => {
    expect(refusal(() => assertRating(r))).toBe(JobFairErrorCode.RatingInvalid);
  });
});

describe('stage labels', () => {
  it('names every stage in Chinese and in English', () => {
    const stages: ApplicationStage[] = [...PIPELINE_PATH, 'rejected', 'withdrawn'];
    for (const s of stages) expect([s, !!STAGE_LABELS[s]['zh-CN'], !!STAGE_LABELS[s].en]).toEqual([s, true, true]);
  });
});
