/** A refusal the caller can branch on (`code`) and show to the user (`message`, Chinese). */
export interface DomainFailure<C extends string = string> {
  readonly code: C;
  readonly message: string;
}

export type Result<T, C extends string = string> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly error: DomainFailure<C> };

/**
 * Thrown only for input the domain cannot interpret (a malformed table, a
 * non-decimal mark). Expected refusals (a late appeal) are returned as Result.
 * Kept local, not imported from @app/common, so this folder stays free of
 * anything another context may change.
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

export function ok<T>(value: T): { readonly ok: true; readonly value: T } {
  return { ok: true, value };
}

export function fail<C extends string>(code: C, message: string): { readonly ok: false; readonly error: DomainFailure<C> } {
  return { ok: false, error: { code, message } };
}
