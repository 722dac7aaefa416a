/**
 * The one error type domain code throws. Each context exports its own code
 * enum; `kind` says how the failure maps to HTTP, and that mapping lives in one
 * place (the API's exception filter), so libs stay free of HTTP.
 */
export type ErrorKind =
  | 'invalid' // 400: the request is malformed or breaks a rule about its own content
  | 'unauthenticated' // 401
  | 'forbidden' // 403
  | 'not_found' // 404
  | 'conflict' // 409: the state of the world refuses it (duplicate, stale version, wrong status)
  | 'unprocessable' // 422: well-formed, but a business rule refuses it
  | 'rate_limited' // 429
  | 'unavailable'; // 503

export class DomainError extends Error {
  constructor(
    readonly kind: ErrorKind,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const notFound = (code: string, what: string, id: unknown) =>
  new DomainError('not_found', code, `${what}不存在：${String(id)}`);
