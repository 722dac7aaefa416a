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
  // refused by the services (state of the item, who asks)
  ItemNotFound = 'MATCHES_ITEM_NOT_FOUND',
  NotMatchItem = 'MATCHES_NOT_A_MATCH_ITEM',
  AlreadyMatchItem = 'MATCHES_ALREADY_A_MATCH_ITEM',
  BadSettings = 'MATCHES_BAD_SETTINGS',
  EntryNotInItem = 'MATCHES_ENTRY_NOT_IN_ITEM',
  SeededTwice = 'MATCHES_SEEDED_TWICE',
  AlreadyDrawn = 'MATCHES_ALREADY_DRAWN',
  NotDrawn = 'MATCHES_NOT_DRAWN',
  ReseedAfterResults = 'MATCHES_RESEED_AFTER_RESULTS',
  MatchNotFound = 'MATCHES_MATCH_NOT_FOUND',
  PlayersUnknown = 'MATCHES_PLAYERS_NOT_KNOWN',
  NotAssigned = 'MATCHES_JUDGE_NOT_ASSIGNED',
  LaterPlayed = 'MATCHES_LATER_MATCHES_PLAYED',
  DrawNotAllowed = 'MATCHES_DRAW_NOT_ALLOWED',
  RoundIncomplete = 'MATCHES_ROUND_INCOMPLETE',
  TooFewPlayers = 'MATCHES_TOO_FEW_PLAYERS',
  NoPairing = 'MATCHES_NO_PAIRING',
  ScheduleClash = 'MATCHES_SCHEDULE_CLASH',
  BadTrf = 'MATCHES_BAD_TRF',
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
