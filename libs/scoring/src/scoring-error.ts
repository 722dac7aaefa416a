import { DomainError, type ErrorKind } from '@app/common';

export enum ScoringErrorCode {
  InvalidScheme = 'SCORING_INVALID_SCHEME',
  InvalidMark = 'SCORING_INVALID_MARK',
  NoScheme = 'SCORING_NO_SCHEME',
  NotAJudge = 'SCORING_NOT_A_JUDGE',
  NotAssigned = 'SCORING_JUDGE_NOT_ASSIGNED',
  EntryNotInItem = 'SCORING_ENTRY_NOT_IN_ITEM',
  UnknownCriterion = 'SCORING_UNKNOWN_CRITERION',
  KindNotEnterable = 'SCORING_KIND_NOT_ENTERABLE',
}

export class ScoringError extends DomainError {
  constructor(kind: ErrorKind, code: ScoringErrorCode, message: string, details?: unknown) {
    super(kind, code, message, details);
  }
}
