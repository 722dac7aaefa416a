export { type DomainFailure, fail, ok, type Result } from '@app/common';

/**
 * Thrown only for input the domain cannot interpret (a malformed table, a
 * non-decimal mark). Expected refusals (a late appeal) are returned as Result.
 */
export class ResultsDomainError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ResultsDomainError';
  }
}
