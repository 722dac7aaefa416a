export { type DomainFailure, fail, ok, type Result } from '@app/common';

/** Thrown only where the caller asked for an exception (assert*) or passed data the domain cannot interpret. */
export class RegistrationDomainError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'RegistrationDomainError';
  }
}
