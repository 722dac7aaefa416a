import { type DetailsInput, DomainError, type ErrorKind } from '@app/common';
import { MatchesDomainError, MatchesErrorCode } from './domain';

/** The context's one error class; its codes are MatchesErrorCode (domain/matches-error.ts), all MATCHES_*. */
export class MatchesError extends DomainError {
  constructor(kind: ErrorKind, code: MatchesErrorCode, message: string, details?: DetailsInput) {
    super(kind, code, message, details);
  }

  /** A pure rule's refusal as the context's error: the rule's code and message, a 400 (invalid). */
  static fromDomain(e: MatchesDomainError): MatchesError {
    return new MatchesError('invalid', e.code, e.message, e.details);
  }
}

/** Runs a pure rule, turning its refusal into a MatchesError. */
export function rule<T>(f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof MatchesDomainError) throw MatchesError.fromDomain(e);
    throw e;
  }
}
