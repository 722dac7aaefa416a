import { DomainError, type ErrorKind } from '@app/common';

export enum ScoringErrorCode {
  InvalidScheme = 'SCORING_INVALID_SCHEME',
  InvalidMark = 'SCORING_INVALID_MARK',
  NoScheme = 'SCORING_NO_SCHEME',
  NotAJudge = 'SCORING_NOT_A_JUDGE',
  NotAssigned = 'SCORING_JUDGE_NOT_ASSIGNED',
  EntryNotInItem = 'SCORING_ENTRY_NOT_IN_ITEM',
  UnknownCriterion = 'SCORING_UNKNOWN_CRITERION',
  WrongKind = 'SCORING_WRONG_KIND',
  SheetChanged = 'SCORING_SHEET_CHANGED',
  SheetIsDraft = 'SCORING_SHEET_IS_DRAFT',
  SheetSubmitted = 'SCORING_SHEET_SUBMITTED',
  SheetNotSubmitted = 'SCORING_SHEET_NOT_SUBMITTED',
  SheetBlocked = 'SCORING_SHEET_BLOCKED',
  ReasonRequired = 'SCORING_REASON_REQUIRED',
  ConflictOfInterest = 'SCORING_CONFLICT_OF_INTEREST',
}

export class ScoringError extends DomainError {
  constructor(kind: ErrorKind, code: ScoringErrorCode, message: string, details?: unknown) {
    super(kind, code, message, details);
  }
}
