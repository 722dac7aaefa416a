/** A refusal the caller can branch on (`code`) and show to the user (`message`, Chinese). */
export interface DomainFailure<C extends string = string> {
  readonly code: C;
  readonly message: string;
}

/** What pure domain functions return for an expected refusal, instead of throwing. */
export type Result<T, C extends string = string> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly error: DomainFailure<C> };

export function ok<T>(value: T): { readonly ok: true; readonly value: T } {
  return { ok: true, value };
}

export function fail<C extends string>(code: C, message: string): { readonly ok: false; readonly error: DomainFailure<C> } {
  return { ok: false, error: { code, message } };
}
