/** Codes clients read; a new one starts with HIKING_, none is ever renamed. */
export enum HikingErrorCode {
  BadTransition = 'HIKING_BAD_STATUS_TRANSITION',
  DropReasonRequired = 'HIKING_DROP_REASON_REQUIRED',
  BadCutoff = 'HIKING_BAD_CUTOFF',
}

/**
 * Thrown when a rule is asked for something it forbids (finishing a withdrawn walker, a drop with
 * no reason). Kept local, as awards' domain does, so this folder depends on nothing another context
 * may change; the service layer maps it to the context's DomainError.
 */
export class HikingDomainError extends Error {
  constructor(
    readonly code: HikingErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'HikingDomainError';
  }
}
