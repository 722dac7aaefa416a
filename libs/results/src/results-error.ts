import { type DetailsInput, DomainError, type ErrorKind } from '@app/common';

export enum ResultsErrorCode {
  InvalidSettings = 'RESULTS_INVALID_SETTINGS',
  InvalidRecord = 'RESULTS_INVALID_RECORD',
  AppealNotFound = 'RESULTS_APPEAL_NOT_FOUND',
  AttachmentNotFound = 'RESULTS_ATTACHMENT_NOT_FOUND',
  InvalidAttachment = 'RESULTS_INVALID_ATTACHMENT',
  EntryNotInItem = 'RESULTS_ENTRY_NOT_IN_ITEM',
  EntryNotFound = 'RESULTS_ENTRY_NOT_FOUND',
  CorrectionRequired = 'RESULTS_CORRECTION_REQUIRED',
  CorrectionOtherEntry = 'RESULTS_CORRECTION_OTHER_ENTRY',
  CorrectionTwice = 'RESULTS_CORRECTION_TWICE',
  NothingToReinstate = 'RESULTS_NOTHING_TO_REINSTATE',
  NoResults = 'RESULTS_NONE_TO_PUBLISH',
  TooManyAppeals = 'RESULTS_TOO_MANY_APPEALS',
  AppealAlreadyOpen = 'RESULTS_APPEAL_ALREADY_OPEN',
  /** Refusals of the publication workflow carry the domain's code after this prefix, e.g. RESULTS_APPEAL_WINDOW_CLOSED. */
  Publication = 'RESULTS_',
}

export class ResultsError extends DomainError {
  constructor(kind: ErrorKind, code: ResultsErrorCode | string, message: string, details?: DetailsInput) {
    super(kind, code, message, details);
  }
}
