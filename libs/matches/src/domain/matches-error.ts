/** Codes clients read; a new one starts with MATCHES_, none is ever renamed. */
export enum MatchesErrorCode {
  BadFormat = 'MATCHES_BAD_FORMAT',
  BadNotation = 'MATCHES_BAD_SCORE_NOTATION',
  ImpossibleSet = 'MATCHES_IMPOSSIBLE_SET_SCORE',
  ImpossibleTiebreak = 'MATCHES_IMPOSSIBLE_TIEBREAK',
  MatchUnfinished = 'MATCHES_MATCH_UNFINISHED',
  PlayAfterDecided = 'MATCHES_PLAY_AFTER_DECIDED',
  WalkoverWithPlay = 'MATCHES_WALKOVER_WITH_PLAY',
  ImpossibleGames = 'MATCHES_IMPOSSIBLE_GAME_SCORE',
  BadDraw = 'MATCHES_BAD_DRAW',
  LotExhausted = 'MATCHES_LOT_EXHAUSTED',
  BadRound = 'MATCHES_BAD_ROUND',
  UnknownPlayer = 'MATCHES_UNKNOWN_PLAYER',
}

/**
 * Thrown when a rule is asked for something it forbids (a 6–5 finished set, a best-of-3 won 3–0).
 * Kept local, as hiking's domain does, so this folder depends on nothing another context may
 * change; the service layer maps it to the context's DomainError. `details` names the offending
 * part (the set's index, the round) so a client can point at it.
 */
export class MatchesDomainError extends Error {
  constructor(
    readonly code: MatchesErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'MatchesDomainError';
  }
}
