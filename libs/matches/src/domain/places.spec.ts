import { MatchesErrorCode } from './matches-error';
import { doubleEliminationPlace, knockoutPlace } from './places';

describe('single-elimination places', () => {
  it('shares the places of each round’s losers: 2, 3–4, 5–8, 9–16 in a 16 draw', () => {
    expect([1, 2, 3, 4, 5].map((r) => knockoutPlace(16, r))).toEqual([
      { from: 9, to: 16 },
      { from: 5, to: 8 },
      { from: 3, to: 4 },
      { from: 2, to: 2 },
      { from: 1, to: 1 },
    ]);
  });

  it('places the semi-final losers 3 and 4 when a third-place match is played', () => {
    expect(knockoutPlace(32, 4, { played: true, won: true })).toEqual({ from: 3, to: 3 });
    expect(knockoutPlace(32, 4, { played: true, won: false })).toEqual({ from: 4, to: 4 });
    expect(knockoutPlace(32, 3, { played: true, won: true })).toEqual({ from: 5, to: 8 });
  });

  it('refuses a round the draw does not have, and a draw that is not a power of two', () => {
    expect(() => knockoutPlace(16, 6)).toThrow(expect.objectContaining({ code: MatchesErrorCode.BadRound }));
    expect(() => knockoutPlace(16, 0)).toThrow(expect.objectContaining({ code: MatchesErrorCode.BadRound }));
    expect(() => knockoutPlace(12, 1)).toThrow(expect.objectContaining({ code: MatchesErrorCode.BadDraw }));
  });
});

describe('double-elimination places', () => {
  it('places by losers’-bracket round: 8 players 7–8, 5–6, 4, 3', () => {
    expect([1, 2, 3, 4].map((r) => doubleEliminationPlace(8, r))).toEqual([
      { from: 7, to: 8 },
      { from: 5, to: 6 },
      { from: 4, to: 4 },
      { from: 3, to: 3 },
    ]);
  });

  it('16 players: 13–16, 9–12, 7–8, 5–6, 4, 3, then the grand final 2 and 1', () => {
    expect([1, 2, 3, 4, 5, 6].map((r) => doubleEliminationPlace(16, r).from)).toEqual([13, 9, 7, 5, 4, 3]);
    expect(doubleEliminationPlace(16, 2)).toEqual({ from: 9, to: 12 });
    expect(doubleEliminationPlace(16, 'grand_final')).toEqual({ from: 2, to: 2 });
    expect(doubleEliminationPlace(16, 'grand_final', true)).toEqual({ from: 1, to: 1 });
  });

  it('covers every place exactly once', () => {
    const places = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10].flatMap((r) => {
      const { from, to } = doubleEliminationPlace(64, r);
      return Array.from({ length: to - from + 1 }, (_, i) => from + i);
    });
    expect(places.sort((a, b) => a - b)).toEqual(Array.from({ length: 62 }, (_, i) => i + 3));
  });

  it('refuses a losers’ round the draw does not have', () => {
    expect(() => doubleEliminationPlace(8, 5)).toThrow(expect.objectContaining({ code: MatchesErrorCode.BadRound }));
  });
});
