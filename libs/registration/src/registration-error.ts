import { DomainError, type ErrorKind } from '@app/common';

export enum RegistrationErrorCode {
  RegistrationClosed = 'REGISTRATION_CLOSED',
  NotEligible = 'REGISTRATION_NOT_ELIGIBLE',
  AlreadyEntered = 'REGISTRATION_ALREADY_ENTERED',
  EntryNotFound = 'REGISTRATION_ENTRY_NOT_FOUND',
}

export class RegistrationError extends DomainError {
  constructor(kind: ErrorKind, code: RegistrationErrorCode, message: string, details?: unknown) {
    super(kind, code, message, details);
  }
}
