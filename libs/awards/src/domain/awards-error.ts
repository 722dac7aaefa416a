/**
 * Thrown for rule configurations or rows the domain cannot interpret (bands
 * over 100 %, an overlapping rank tier, a malformed amount). Kept local so
 * this folder depends on nothing another context may change.
 */
export class AwardsDomainError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'AwardsDomainError';
  }
}
