import { type DetailsInput, DomainError, type ErrorKind } from '@app/common';
import { HikingDomainError, HikingErrorCode } from './domain';

/** The hiking context's one error: codes from HikingErrorCode (HIKING_*), messages in zh-CN. */
export class HikingError extends DomainError {
  constructor(kind: ErrorKind, code: HikingErrorCode, message: string, details?: DetailsInput) {
    super(kind, code, message, details);
  }
}

/** A pure rule's refusal, as the API answers it: a status the walker cannot leave is a conflict, a bad setting bad input. */
export function fromDomain(err: unknown, field?: string): unknown {
  if (!(err instanceof HikingDomainError)) return err;
  const kind: ErrorKind =
    err.code === HikingErrorCode.BadTransition || err.code === HikingErrorCode.WalkerNotWalking || err.code === HikingErrorCode.TeamNotBroken ? 'conflict' : 'invalid';
  return new HikingError(kind, err.code, err.message, field ? { field } : undefined);
}

export const routeNotFound = (id: number) => new HikingError('not_found', HikingErrorCode.RouteNotFound, `路线不存在：${id}`);
export const walkerNotFound = (id: number) => new HikingError('not_found', HikingErrorCode.WalkerNotFound, `队员不存在：${id}`);
