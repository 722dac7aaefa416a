import { type DetailsInput, DomainError, type ErrorKind } from '@app/common';

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
  RoundRequired = 'SCORING_ROUND_REQUIRED',
  RoundNotFound = 'SCORING_ROUND_NOT_FOUND',
  RoundClosed = 'SCORING_ROUND_CLOSED',
  RoundsExist = 'SCORING_ROUNDS_EXIST',
  RoundIncomplete = 'SCORING_ROUND_INCOMPLETE',
  RoundIsFinal = 'SCORING_ROUND_IS_FINAL',
  InvalidLineup = 'SCORING_INVALID_LINEUP',
  DrawRequired = 'SCORING_DRAW_REQUIRED',
  ResultsFinal = 'SCORING_RESULTS_FINAL',
}

export class ScoringError extends DomainError {
  constructor(kind: ErrorKind, code: ScoringErrorCode, message: string, details?: DetailsInput) {
    super(kind, code, message, details);
  }
}
