import { JobFairDomainError, JobFairErrorCode } from './job-fair-error';

/**
 * Who may register as a seeker at a fair, set per fair by its organizer:
 * - `members`: union members of the organising federation's subtree (the city's fairs for workers),
 *   the default;
 * - `retrained`: workers who completed retraining (再就业培训), whatever their union, who give the
 *   number of their training certificate (培训合格证书) when they register;
 * - `open`: every seeker with an account, as a cross-province fair admits them.
 */
export const SEEKER_ELIGIBILITY = ['members', 'retrained', 'open'] as const;
export type SeekerEligibility = (typeof SEEKER_ELIGIBILITY)[number];

/** The rule as a refusal names it to the seeker. */
export const ELIGIBILITY_LABEL: Record<SeekerEligibility, string> = {
  members: '主办工会所辖的工会会员',
  retrained: '持再就业培训合格证书的职工',
  open: '所有求职者',
};

export interface SeekerFacts {
  /** holds a member (contestant) role inside the organising federation's subtree */
  readonly memberOfSubtree: boolean;
  readonly retrainingCertificate?: string | null;
}

const CERTIFICATE = /^[0-9A-Za-z-]{6,32}$/;

/** The certificate number as stored (trimmed, or null), or a refusal that names the fair's rule. */
export function checkEligibility(rule: SeekerEligibility, seeker: SeekerFacts): { retrainingCertificate: string | null } {
  const certificate = seeker.retrainingCertificate?.trim() || null;
  if (certificate !== null && !CERTIFICATE.test(certificate)) {
    throw new JobFairDomainError(JobFairErrorCode.RetrainingCertificateFormat, '培训合格证书编号 retrainingCertificate 应为 6–32 位字母、数字或连字符', 'retrainingCertificate');
  }
  const refuse = (field: string) =>
    new JobFairDomainError(JobFairErrorCode.NotEligible, `本场招聘会的报名条件为「${ELIGIBILITY_LABEL[rule]}」（${rule}），您不符合`, field);
  switch (rule) {
    case 'members':
      if (!seeker.memberOfSubtree) throw refuse('eventId');
      return { retrainingCertificate: certificate };
    case 'retrained':
      if (certificate === null) throw refuse('retrainingCertificate');
      return { retrainingCertificate: certificate };
    case 'open':
      return { retrainingCertificate: certificate };
  }
}
