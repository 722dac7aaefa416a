import { type DetailsInput, DomainError, type ErrorKind } from '@app/common';
import { JobFairDomainError, JobFairErrorCode } from './domain';

export { JobFairErrorCode };

/** The job-fair context's one error: a code of JobFairErrorCode and the kind that decides the HTTP status. */
export class JobFairError extends DomainError {
  constructor(kind: ErrorKind, code: JobFairErrorCode, message: string, details?: DetailsInput) {
    super(kind, code, message, details);
  }
}

/** How a refusal of a pure rule reaches a client: the state of the world (409) or the request itself (400). */
const KIND_OF: Partial<Record<JobFairErrorCode, ErrorKind>> = {
  [JobFairErrorCode.NoOpeningsLeft]: 'conflict',
  [JobFairErrorCode.BadApplicationTransition]: 'conflict',
  [JobFairErrorCode.ActorMayNotTransition]: 'forbidden',
  [JobFairErrorCode.NotEligible]: 'unprocessable',
};

/** Runs a pure rule and turns its refusal into the context's error, naming the field it was about. */
export function rule<T>(work: () => T): T {
  try {
    return work();
  } catch (err) {
    if (err instanceof JobFairDomainError) {
      throw new JobFairError(KIND_OF[err.code] ?? 'invalid', err.code, err.message, { field: err.field ?? null });
    }
    throw err;
  }
}
