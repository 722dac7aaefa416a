import { type DetailsInput, DomainError, type ErrorKind } from '@app/common';

export enum AwardsErrorCode {
  InvalidRules = 'AWARDS_INVALID_RULES',
  NotFinal = 'AWARDS_RESULTS_NOT_FINAL',
  RecordNotFound = 'AWARDS_RECORD_NOT_FOUND',
  Revoked = 'AWARDS_RECORD_REVOKED',
  NothingToCorrect = 'AWARDS_NOTHING_TO_CORRECT',
  PaymentState = 'AWARDS_PAYMENT_STATE',
  CertificateNotReady = 'AWARDS_CERTIFICATE_NOT_READY',
  PersonNotFound = 'AWARDS_PERSON_NOT_FOUND',
  DuplicateRecognition = 'AWARDS_DUPLICATE_RECOGNITION',
  ItemNotInEvent = 'AWARDS_ITEM_NOT_IN_EVENT',
  OutsideIssuer = 'AWARDS_OUTSIDE_ISSUER',
}

export class AwardsError extends DomainError {
  constructor(kind: ErrorKind, code: AwardsErrorCode, message: string, details?: DetailsInput) {
    super(kind, code, message, details);
  }
}
