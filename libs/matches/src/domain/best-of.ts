import { MatchesDomainError, MatchesErrorCode } from './matches-error';
import { other, type Side } from './types';

export type BestOf = 1 | 3 | 5 | 7;

/** Games won by each side; a best-of series has no drawn games that count. */
export interface GameScore {
  a: number;
  b: number;
}

/**
 * How the series ended: played out; one side forfeited (before or during the series, the games
 * so far stand); or both forfeited, which gives nobody the win.
 */
export type SeriesEnding = { kind: 'completed' } | { kind: 'forfeit'; forfeited: Side } | { kind: 'double_forfeit' };

export interface SeriesResult {
  winner: Side | null;
  games: GameScore;
  ending: SeriesEnding['kind'];
}

/** Games a side needs in a best of N: a majority, ⌈N/2⌉ (2 of 3, 3 of 5, 4 of 7). */
export const gamesToWin = (bestOf: BestOf): number => Math.ceil(bestOf / 2);

/**
 * Checks a best-of-N series score (e-sports: Bo1, Bo3, Bo5, Bo7). Completed: the winner has
 * exactly ⌈N/2⌉ games and the loser fewer, since the series stops when a side reaches its
 * majority. A forfeit or double forfeit may come at any point before that: the games so far
 * stand, and neither side may already have reached the majority.
 */
export function checkSeriesScore(games: GameScore, bestOf: BestOf, ending: SeriesEnding = { kind: 'completed' }): SeriesResult {
  if (![1, 3, 5, 7].includes(bestOf)) throw new MatchesDomainError(MatchesErrorCode.BadFormat, `只支持 BO1/BO3/BO5/BO7，不是 BO${String(bestOf)}`);
  const need = gamesToWin(bestOf);
  const { a, b } = games;
  if (![a, b].every((n) => Number.isInteger(n) && n >= 0)) throw new MatchesDomainError(MatchesErrorCode.ImpossibleGames, `局数须为非负整数：${a}-${b}`, { a, b });
  if (a > need || b > need || (a === need && b === need)) {
    throw new MatchesDomainError(MatchesErrorCode.PlayAfterDecided, `BO${bestOf} 先赢 ${need} 局即结束，${a}-${b} 不可能`, { a, b });
  }
  const decided: Side | null = a === need ? 'a' : b === need ? 'b' : null;
  if (ending.kind === 'completed') {
    if (!decided) throw new MatchesDomainError(MatchesErrorCode.MatchUnfinished, `BO${bestOf} 未结束：${a}-${b}，需先赢 ${need} 局`, { a, b });
    return { winner: decided, games: { a, b }, ending: 'completed' };
  }
  if (decided) throw new MatchesDomainError(MatchesErrorCode.PlayAfterDecided, `比赛已以 ${a}-${b} 结束，不能再判弃权`, { a, b });
  return { winner: ending.kind === 'forfeit' ? other(ending.forfeited) : null, games: { a, b }, ending: ending.kind };
}
