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
  | 'too_large' // 413: the body or a file in it is larger than the operation takes
  | 'rate_limited' // 429
  | 'unavailable'; // 503

/**
 * One problem of a refused request: the field it is about as a path (`roles[0].role`, `marks[2].value`),
 * or null when it is about the state of a thing rather than a field; a code; a message. Facts a client
 * may act on ride along (`currentVersion`, `row`, `retryAfterSeconds`).
 */
export interface ErrorDetail {
  field: string | null;
  code: string;
  message: string;
  [fact: string]: unknown;
}

/** What a call site passes: the details themselves, or one hint (`{ field, ...facts }`) that becomes the one detail. */
export type DetailsInput = ErrorDetail[] | { field?: string | null; [fact: string]: unknown };

export class DomainError extends Error {
  /** Always an array, so clients read every refusal the same way; empty when nothing more than the message applies. */
  readonly details: ErrorDetail[];

  constructor(
    readonly kind: ErrorKind,
    readonly code: string,
    message: string,
    details?: DetailsInput,
  ) {
    super(message);
    this.name = 'DomainError';
    this.details = toDetails(code, message, details);
  }
}

function toDetails(code: string, message: string, input: DetailsInput | undefined): ErrorDetail[] {
  if (input === undefined) return [];
  if (Array.isArray(input)) return input;
  const { field = null, ...facts } = input;
  return [{ field, code, message, ...facts }];
}

export const notFound = (code: string, what: string, id: unknown) =>
  new DomainError('not_found', code, `${what}不存在：${String(id)}`);
