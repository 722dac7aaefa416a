/**
 * An application's pipeline: applied → screened → interviewing → offered → hired, or rejected by
 * the employer, or withdrawn by the seeker. The employer moves it forward and may skip stages (at
 * a booth, screening and interview are often one conversation, and an offer may be made on the
 * spot); it never moves back. Hired, rejected and withdrawn are final. Only the seeker withdraws
 * (declining an offer included), and only before being hired: leaving a job after that is a
 * matter for the labour contract, not the fair.
 */
import { JobFairDomainError, JobFairErrorCode } from './job-fair-error';

export type ApplicationStage = 'applied' | 'screened' | 'interviewing' | 'offered' | 'hired' | 'rejected' | 'withdrawn';

export type PipelineActor = 'employer' | 'seeker';

/** Each stage as a seeker reads it in a notification, in the two languages notifications speak. */
export const STAGE_LABELS: Record<ApplicationStage, { 'zh-CN': string; en: string }> = {
  applied: { 'zh-CN': '已投递', en: 'applied' },
  screened: { 'zh-CN': '已通过筛选', en: 'passed screening' },
  interviewing: { 'zh-CN': '面试中', en: 'interviewing' },
  offered: { 'zh-CN': '已发录用意向', en: 'offered' },
  hired: { 'zh-CN': '已录用', en: 'hired' },
  rejected: { 'zh-CN': '未通过', en: 'not selected' },
  withdrawn: { 'zh-CN': '已撤回', en: 'withdrawn' },
};

/** The forward path, in order. */
export const PIPELINE_PATH: readonly ApplicationStage[] = ['applied', 'screened', 'interviewing', 'offered', 'hired'];

export const FINAL_STAGES: readonly ApplicationStage[] = ['hired', 'rejected', 'withdrawn'];

export function isFinalStage(stage: ApplicationStage): boolean {
  return FINAL_STAGES.includes(stage);
}

/** Who may move an application into each stage. */
const MOVED_BY: Record<ApplicationStage, PipelineActor | null> = {
  applied: null,
  screened: 'employer',
  interviewing: 'employer',
  offered: 'employer',
  hired: 'employer',
  rejected: 'employer',
  withdrawn: 'seeker',
};

/** Whether `actor` may move an application from `from` to `to`; the reason when not. */
function refusal(from: ApplicationStage, to: ApplicationStage, actor: PipelineActor): JobFairDomainError | null {
  if (MOVED_BY[to] !== actor) {
    const who = actor === 'employer' ? '用人单位' : '求职者';
    return new JobFairDomainError(JobFairErrorCode.ActorMayNotTransition, `${who}不能将申请改为该状态`, 'stage');
  }
  const bad = () => new JobFairDomainError(JobFairErrorCode.BadApplicationTransition, '申请当前状态不能改为该状态', 'stage');
  if (isFinalStage(from)) return bad();
  if (to === 'rejected' || to === 'withdrawn') return null;
  return PIPELINE_PATH.indexOf(to) > PIPELINE_PATH.indexOf(from) ? null : bad();
}

export function canMoveApplication(from: ApplicationStage, to: ApplicationStage, actor: PipelineActor): boolean {
  return refusal(from, to, actor) === null;
}

/**
 * The stage after the move, or a coded refusal. A move into `hired` consumes an opening: the
 * caller checks `assertOpeningLeft` (headcount.ts) under the posting's lock before writing it.
 */
export function moveApplication(from: ApplicationStage, to: ApplicationStage, actor: PipelineActor): ApplicationStage {
  const error = refusal(from, to, actor);
  if (error) throw error;
  return to;
}

export function consumesOpening(to: ApplicationStage): boolean {
  return to === 'hired';
}

/**
 * "Intention reached" (达成意向) is the employer's flag, independent of the stage: the fair's report
 * counts intentions even when the hire comes later or not at all.
 */
export function setIntentionReached(value: boolean, actor: PipelineActor): boolean {
  if (actor !== 'employer') {
    throw new JobFairDomainError(JobFairErrorCode.ActorMayNotTransition, '只有用人单位可以标记达成意向', 'intentionReached');
  }
  return value;
}

/** Recruiter rating: 1 (poor fit) to 4 (strong fit), or none. */
export type RecruiterRating = 1 | 2 | 3 | 4;

export function assertRating(rating: number | null): asserts rating is RecruiterRating | null {
  if (rating === null) return;
  if (!Number.isInteger(rating) || rating < 1 || rating > 4) {
    throw new JobFairDomainError(JobFairErrorCode.RatingInvalid, '评分须为1至4的整数', 'rating');
  }
}
