/** Codes clients read; a new one starts with JOB_FAIR_, none is ever renamed. */
export enum JobFairErrorCode {
  CreditCodeRequired = 'JOB_FAIR_CREDIT_CODE_REQUIRED',
  CreditCodeFormat = 'JOB_FAIR_CREDIT_CODE_FORMAT',
  OrganizationCodeChecksum = 'JOB_FAIR_ORGANIZATION_CODE_CHECKSUM',
  CreditCodeChecksum = 'JOB_FAIR_CREDIT_CODE_CHECKSUM',
  SalaryNotWholeYuan = 'JOB_FAIR_SALARY_NOT_WHOLE_YUAN',
  SalaryNegative = 'JOB_FAIR_SALARY_NEGATIVE',
  SalaryMinAboveMax = 'JOB_FAIR_SALARY_MIN_ABOVE_MAX',
  HeadcountInvalid = 'JOB_FAIR_HEADCOUNT_INVALID',
  NoOpeningsLeft = 'JOB_FAIR_NO_OPENINGS_LEFT',
  BadApplicationTransition = 'JOB_FAIR_BAD_APPLICATION_TRANSITION',
  ActorMayNotTransition = 'JOB_FAIR_ACTOR_MAY_NOT_TRANSITION',
  RatingInvalid = 'JOB_FAIR_RATING_INVALID',
  NotAJobFair = 'JOB_FAIR_NOT_A_JOB_FAIR',
  EmployerNotFound = 'JOB_FAIR_EMPLOYER_NOT_FOUND',
  CreditCodeTaken = 'JOB_FAIR_CREDIT_CODE_TAKEN',
  NotEmployerStaff = 'JOB_FAIR_NOT_EMPLOYER_STAFF',
  ParticipationNotFound = 'JOB_FAIR_PARTICIPATION_NOT_FOUND',
  AlreadyParticipating = 'JOB_FAIR_ALREADY_PARTICIPATING',
  ParticipationDecided = 'JOB_FAIR_PARTICIPATION_DECIDED',
  ReasonRequired = 'JOB_FAIR_REASON_REQUIRED',
  BoothNeedsApproval = 'JOB_FAIR_BOOTH_NEEDS_APPROVAL',
  BoothTaken = 'JOB_FAIR_BOOTH_TAKEN',
  EmployerNotApproved = 'JOB_FAIR_EMPLOYER_NOT_APPROVED',
  PositionNotFound = 'JOB_FAIR_POSITION_NOT_FOUND',
  PositionReviewed = 'JOB_FAIR_POSITION_REVIEWED',
  SalaryIncomplete = 'JOB_FAIR_SALARY_INCOMPLETE',
  QueryTooLong = 'JOB_FAIR_QUERY_TOO_LONG',
  NotEligible = 'JOB_FAIR_NOT_ELIGIBLE',
  AlreadyRegistered = 'JOB_FAIR_ALREADY_REGISTERED',
  NotRegistered = 'JOB_FAIR_NOT_REGISTERED',
  CvNotFound = 'JOB_FAIR_CV_NOT_FOUND',
  CvType = 'JOB_FAIR_CV_TYPE',
  CvSize = 'JOB_FAIR_CV_SIZE',
  CvWithdrawn = 'JOB_FAIR_CV_WITHDRAWN',
  ConsentRequired = 'JOB_FAIR_CONSENT_REQUIRED',
  NoCvConsent = 'JOB_FAIR_NO_CV_CONSENT',
  ConsentNotFound = 'JOB_FAIR_CONSENT_NOT_FOUND',
  PositionNotOpen = 'JOB_FAIR_POSITION_NOT_OPEN',
  AlreadyApplied = 'JOB_FAIR_ALREADY_APPLIED',
  ApplicationNotFound = 'JOB_FAIR_APPLICATION_NOT_FOUND',
  PassInvalid = 'JOB_FAIR_PASS_INVALID',
  SlotTimes = 'JOB_FAIR_SLOT_TIMES',
  SlotNotFound = 'JOB_FAIR_SLOT_NOT_FOUND',
  SlotTaken = 'JOB_FAIR_SLOT_TAKEN',
  SlotClash = 'JOB_FAIR_SLOT_CLASH',
  SlotPast = 'JOB_FAIR_SLOT_PAST',
  RetrainingCertificateFormat = 'JOB_FAIR_RETRAINING_CERTIFICATE_FORMAT',
  PersonNotFound = 'JOB_FAIR_PERSON_NOT_FOUND',
  AlreadyStaff = 'JOB_FAIR_ALREADY_STAFF',
  NotUnionMember = 'JOB_FAIR_NOT_UNION_MEMBER',
}

/**
 * Thrown when a rule is given input it refuses (a checksum that does not match, a salary whose
 * minimum exceeds its maximum). `field` names the input at fault so a form can point at it. Kept
 * local so this folder depends on nothing another context may change; the service layer maps it
 * to the context's DomainError.
 */
export class JobFairDomainError extends Error {
  constructor(
    readonly code: JobFairErrorCode,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'JobFairDomainError';
  }
}
