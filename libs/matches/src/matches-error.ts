import { type DetailsInput, DomainError, type ErrorKind } from '@app/common';
import { MatchesDomainError, MatchesErrorCode } from './domain';

/** The context's one error class; its codes are MatchesErrorCode (domain/matches-error.ts), all MATCHES_*. */
export class MatchesError extends DomainError {
  constructor(kind: ErrorKind, code: MatchesErrorCode, message: string, details?: DetailsInput) {
    super(kind, code, message, details);
  }

  /**
   * A pure rule's refusal as the context's error: the rule's code and message, a 400 (invalid),
   * naming `field` (the request's part the rule judged) when the rule itself names none.
   */
  static fromDomain(e: MatchesDomainError, field?: string): MatchesError {
    const details = e.details.field === undefined && field ? { field, ...e.details } : e.details;
    return new MatchesError('invalid', e.code, e.message, details);
  }
}

/** Runs a pure rule on `field` of the request, turning its refusal into a MatchesError. */
export function rule<T>(f: () => T, field?: string): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof MatchesDomainError) throw MatchesError.fromDomain(e, field);
    throw e;
  }
}
