/**
 * Headcount of a posting: a positive whole number, or "not fixed" (若干, 不限). Positions offered
 * are counted as the unions' reports count them: the sum of the headcounts of approved postings,
 * with "not fixed" postings counted apart since they add no number.
 */
import { JobFairDomainError, JobFairErrorCode } from './job-fair-error';

export type Headcount = number | 'not_fixed';

export type PostingStatus = 'pending' | 'approved' | 'refused';

export interface PostingHeadcount {
  readonly status: PostingStatus;
  readonly headcount: Headcount;
}

export interface PositionsOffered {
  /** Sum of the headcounts of approved postings with a number. */
  readonly positions: number;
  /** Approved postings whose headcount is not fixed. */
  readonly notFixedPostings: number;
}

export function assertHeadcount(headcount: Headcount): void {
  if (headcount === 'not_fixed') return;
  if (!Number.isInteger(headcount) || headcount < 1) {
    throw new JobFairDomainError(JobFairErrorCode.HeadcountInvalid, '招聘人数须为正整数，或选择“若干”', 'headcount');
  }
}

export function positionsOffered(postings: readonly PostingHeadcount[]): PositionsOffered {
  let positions = 0;
  let notFixedPostings = 0;
  for (const p of postings) {
    if (p.status !== 'approved') continue;
    if (p.headcount === 'not_fixed') notFixedPostings++;
    else positions += p.headcount;
  }
  return { positions, notFixedPostings };
}

/** Openings left given the hires already made; null when the headcount is not fixed. */
export function openingsLeft(headcount: Headcount, hired: number): number | null {
  assertHeadcount(headcount);
  if (headcount === 'not_fixed') return null;
  return Math.max(0, headcount - hired);
}

/**
 * Refuses one more hire when the posting has none left. The caller reads `hired` under the same
 * lock as it writes the hire, so concurrent hires cannot both see the last opening.
 */
export function assertOpeningLeft(headcount: Headcount, hired: number): void {
  const left = openingsLeft(headcount, hired);
  if (left !== null && left < 1) {
    throw new JobFairDomainError(JobFairErrorCode.NoOpeningsLeft, '该岗位招聘人数已满，不能再录用', 'headcount');
  }
}
