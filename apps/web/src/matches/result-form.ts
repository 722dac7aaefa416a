import type { MatchResult, Schemas } from '../api';
import type { OrderRow } from './order-of-play';

/** What the judge types for a finished match: tennis sets, a series' games, or just the winner. */
export type ScoreKind = 'tennis' | 'games' | 'winner';
export type Ending = NonNullable<MatchResult['ending']>;

export interface ResultForm {
  ending: Ending;
  /** who retired, was absent or forfeited */
  side: 'a' | 'b' | null;
  score: string;
  games: { a: number; b: number };
  winner: 'a' | 'b' | null;
}

export const emptyForm = (): ResultForm => ({ ending: 'completed', side: null, score: '', games: { a: 0, b: 0 }, winner: null });

export function scoreKind(settings: Record<string, unknown>): ScoreKind {
  if (settings.sport === 'tennis') return 'tennis';
  return settings.bestOf ? 'games' : 'winner';
}

/**
 * The request body for the form as the API reads it: a walkover or forfeit names the side that
 * did not play, a retirement also the score so far (tennis) or the games (a series); the API
 * checks the score against the sport and answers what is wrong.
 */
export function resultBody(kind: ScoreKind, f: ResultForm): MatchResult {
  switch (f.ending) {
    case 'double_forfeit':
      return { ending: 'double_forfeit' };
    case 'walkover':
    case 'forfeit':
      return { ending: f.ending, side: f.side ?? undefined };
    case 'retired':
      return { ending: 'retired', side: f.side ?? undefined, ...(kind === 'tennis' ? { score: f.score.trim() } : kind === 'games' ? { games: f.games } : {}) };
    case 'draw':
      return { ending: 'draw', ...(kind === 'games' ? { games: f.games } : {}) };
    default:
      if (kind === 'tennis') return { score: f.score.trim() };
      if (kind === 'games') return { games: f.games };
      return { winner: f.winner ?? undefined };
  }
}

/** The matches a judge's assignment covers: the whole item, their courts or their matches. */
export function coveredBy(a: Schemas['MatchAssignmentDto'] | undefined, r: OrderRow): boolean {
  return !a || a.wholeItem || (r.court != null && a.courts.includes(r.court)) || a.matchIds.includes(r.matchId);
}

/** Both players known and no result yet: the judge can enter it. */
export const playable = (r: OrderRow) => r.players[0] != null && r.players[1] != null && r.status < 4;

export interface OpenBoard {
  round: number;
  board: number;
  first: string;
  second: string;
}

/** Swiss games paired and not yet decided, read off the crosstable (the first player's row holds the board). */
export function openBoards(cross: Schemas['CrosstableDto']): OpenBoard[] {
  const names = new Map(cross.rows.map((r) => [r.participantId, r.name]));
  return cross.rows
    .flatMap((r) => r.rounds.filter((x) => x.seat === 'first' && x.opponent != null && x.result == null).map((x) => ({ round: x.round, board: x.board, first: r.name, second: names.get(x.opponent!) ?? '?' })))
    .sort((a, b) => a.round - b.round || a.board - b.board);
}

/** A Swiss board is covered by the item, or by its board ("第N台") named as a court. */
export const boardCovered = (a: Schemas['MatchAssignmentDto'] | undefined, b: OpenBoard) => !a || a.wholeItem || a.courts.includes(`第${b.board}台`);
