import { checkSeriesScore, gamesToWin } from './best-of';
import { MatchesErrorCode } from './matches-error';

const code = (c: MatchesErrorCode) => expect.objectContaining({ code: c });

// 王者荣耀 district final: 李明 's team (a) against 张伟 's team (b).
describe('best-of-N series', () => {
  it('needs a majority of the games: 1, 2, 3, 4', () => {
    expect([1, 3, 5, 7].map((n) => gamesToWin(n as 1))).toEqual([1, 2, 3, 4]);
  });

  it('accepts every score where the winner just reached the majority', () => {
    expect(checkSeriesScore({ a: 1, b: 0 }, 1)).toEqual({ winner: 'a', games: { a: 1, b: 0 }, ending: 'completed' });
    expect(checkSeriesScore({ a: 1, b: 2 }, 3).winner).toBe('b');
    expect(checkSeriesScore({ a: 3, b: 2 }, 5).winner).toBe('a');
    expect(checkSeriesScore({ a: 0, b: 4 }, 7).winner).toBe('b');
  });

  it('refuses games after the series was won', () => {
    expect(() => checkSeriesScore({ a: 3, b: 0 }, 3)).toThrow(code(MatchesErrorCode.PlayAfterDecided));
    expect(() => checkSeriesScore({ a: 3, b: 3 }, 5)).toThrow(code(MatchesErrorCode.PlayAfterDecided));
  });

  it('refuses a completed series nobody has won', () => {
    expect(() => checkSeriesScore({ a: 1, b: 1 }, 3)).toThrow(code(MatchesErrorCode.MatchUnfinished));
    expect(() => checkSeriesScore({ a: 2, b: 2 }, 5)).toThrow(code(MatchesErrorCode.MatchUnfinished));
  });

  it('refuses a best of 2 or 4, and negative or fractional games', () => {
    expect(() => checkSeriesScore({ a: 1, b: 0 }, 2 as 1)).toThrow(code(MatchesErrorCode.BadFormat));
    expect(() => checkSeriesScore({ a: -1, b: 2 }, 3)).toThrow(code(MatchesErrorCode.ImpossibleGames));
    expect(() => checkSeriesScore({ a: 1.5, b: 2 }, 3)).toThrow(code(MatchesErrorCode.ImpossibleGames));
  });
});

describe('forfeits', () => {
  it('gives the series to the other side, the games so far standing', () => {
    expect(checkSeriesScore({ a: 0, b: 0 }, 3, { kind: 'forfeit', forfeited: 'b' })).toEqual({ winner: 'a', games: { a: 0, b: 0 }, ending: 'forfeit' });
    expect(checkSeriesScore({ a: 2, b: 1 }, 5, { kind: 'forfeit', forfeited: 'a' })).toEqual({ winner: 'b', games: { a: 2, b: 1 }, ending: 'forfeit' });
  });

  it('gives nobody the win on a double forfeit', () => {
    expect(checkSeriesScore({ a: 0, b: 0 }, 3, { kind: 'double_forfeit' }).winner).toBeNull();
  });

  it('refuses a forfeit after the series was already won', () => {
    expect(() => checkSeriesScore({ a: 2, b: 0 }, 3, { kind: 'forfeit', forfeited: 'a' })).toThrow(code(MatchesErrorCode.PlayAfterDecided));
  });
});
