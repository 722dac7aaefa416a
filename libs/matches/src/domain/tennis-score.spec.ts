import { MatchesErrorCode } from './matches-error';
import { checkTennisScore, parseTennisScore, type TennisFormat } from './tennis-score';

const bo3: TennisFormat = { bestOf: 3, finalSet: 'tiebreak_set' };
const bo5: TennisFormat = { bestOf: 5, finalSet: 'tiebreak_set' };
const bo3Mtb: TennisFormat = { bestOf: 3, finalSet: 'match_tiebreak' };
const code = (c: MatchesErrorCode, details: Record<string, unknown> = {}) => expect.objectContaining({ code: c, details: expect.objectContaining(details) });

// 郑钦文 (a) against 王欣瑜 (b) in the city workers' meet final.
describe('tennis sets (ITF rule 5, tie-break sets)', () => {
  it('accepts every winning set score: 6–0 … 6–4, 7–5, 7–6 with the tie-break loser in brackets', () => {
    for (const s of ['6-0 6-1', '6-2 6-3', '6-4 7-5', '7-6(5) 7-6(12)', '0-6 6-4 7-6']) {
      expect(checkTennisScore(parseTennisScore(s).sets, bo3).ending).toBe('completed');
    }
  });

  it('refuses 6–5 as a finished set, naming the set', () => {
    const sets = parseTennisScore('6-4 6-5').sets;
    expect(() => checkTennisScore(sets, bo3)).toThrow(code(MatchesErrorCode.ImpossibleSet, { setIndex: 1 }));
  });

  it('refuses scores no set reaches: 7–4, 8–6, 7–7', () => {
    for (const bad of ['7-4', '8-6', '7-7']) {
      expect(() => checkTennisScore(parseTennisScore(`6-1 ${bad}`).sets, bo3)).toThrow(code(MatchesErrorCode.ImpossibleSet, { setIndex: 1 }));
    }
  });

  it('refuses tie-break points on a set that had no tie-break', () => {
    expect(() => checkTennisScore([{ a: 6, b: 4, tiebreakLoserPoints: 3 }, { a: 6, b: 1 }], bo3)).toThrow(code(MatchesErrorCode.ImpossibleSet, { setIndex: 0 }));
  });
});

describe('tennis matches (ITF rule 6, best of 3 or 5)', () => {
  it('gives the match to the side that won the sets it needs', () => {
    expect(checkTennisScore(parseTennisScore('6-4 3-6 7-6(5)').sets, bo3)).toEqual({ winner: 'a', sets: { a: 2, b: 1 }, ending: 'completed' });
    expect(checkTennisScore(parseTennisScore('4-6 6-3 6-7(2) 6-2 3-6').sets, bo5)).toEqual({ winner: 'b', sets: { a: 2, b: 3 }, ending: 'completed' });
  });

  it('refuses a set played after the match was won', () => {
    expect(() => checkTennisScore(parseTennisScore('6-4 6-4 6-4').sets, bo3)).toThrow(code(MatchesErrorCode.PlayAfterDecided, { setIndex: 2 }));
  });

  it('refuses a completed match nobody has won yet', () => {
    expect(() => checkTennisScore(parseTennisScore('6-4 4-6').sets, bo3)).toThrow(code(MatchesErrorCode.MatchUnfinished));
    expect(() => checkTennisScore(parseTennisScore('6-4 6-4').sets, bo5)).toThrow(code(MatchesErrorCode.MatchUnfinished));
  });

  it('refuses a format other than best of 3 or 5', () => {
    expect(() => checkTennisScore([], { bestOf: 4 as 3, finalSet: 'tiebreak_set' })).toThrow(code(MatchesErrorCode.BadFormat));
  });
});

describe('match tie-break in place of the final set (ITF Appendix V)', () => {
  it('decides the match at 10 points by two', () => {
    expect(checkTennisScore(parseTennisScore('6-3 3-6 [10-8]').sets, bo3Mtb).winner).toBe('a');
    expect(checkTennisScore(parseTennisScore('6-3 3-6 [12-14]').sets, bo3Mtb).winner).toBe('b');
    expect(checkTennisScore(parseTennisScore('6-3 3-6 10-8').sets, bo3Mtb).winner).toBe('a');
  });

  it('refuses a match tie-break that had not ended, or went on past a two-point lead', () => {
    expect(() => checkTennisScore(parseTennisScore('6-3 3-6 [10-9]').sets, bo3Mtb)).toThrow(code(MatchesErrorCode.ImpossibleSet, { setIndex: 2 }));
    expect(() => checkTennisScore(parseTennisScore('6-3 3-6 [13-10]').sets, bo3Mtb)).toThrow(code(MatchesErrorCode.ImpossibleSet, { setIndex: 2 }));
  });

  it('refuses a match tie-break anywhere but the deciding set, or in a format without one', () => {
    expect(() => checkTennisScore(parseTennisScore('[10-8] 6-3').sets, bo3Mtb)).toThrow(code(MatchesErrorCode.ImpossibleSet, { setIndex: 0 }));
    expect(() => checkTennisScore(parseTennisScore('6-3 3-6 [10-8]').sets, bo3)).toThrow(code(MatchesErrorCode.ImpossibleSet, { setIndex: 2 }));
  });
});

describe('retirement and walkover', () => {
  it('accepts an unfinished score on retirement, the match going to the other side with the reason', () => {
    const { sets, stopped } = parseTennisScore('6-4 5-6 ret.');
    expect(stopped).toBe('retired');
    expect(checkTennisScore(sets, bo3, { kind: 'retired', retired: 'a' })).toEqual({ winner: 'b', sets: { a: 1, b: 0 }, ending: 'retired', reason: 'retirement' });
  });

  it('still refuses an impossible set before the one in play, and a retirement after the match was won', () => {
    expect(() => checkTennisScore(parseTennisScore('6-5 2-1').sets, bo3, { kind: 'retired', retired: 'b' })).toThrow(code(MatchesErrorCode.ImpossibleSet, { setIndex: 0 }));
    expect(() => checkTennisScore(parseTennisScore('6-4 6-4').sets, bo3, { kind: 'retired', retired: 'b' })).toThrow(code(MatchesErrorCode.PlayAfterDecided));
  });

  it('gives a walkover with no score to the side that appeared, and refuses one with play', () => {
    expect(parseTennisScore('w/o')).toEqual({ sets: [], stopped: 'walkover' });
    expect(checkTennisScore([], bo5, { kind: 'walkover', absent: 'b' })).toEqual({ winner: 'a', sets: { a: 0, b: 0 }, ending: 'walkover', reason: 'walkover' });
    expect(() => checkTennisScore(parseTennisScore('2-1').sets, bo3, { kind: 'walkover', absent: 'b' })).toThrow(code(MatchesErrorCode.WalkoverWithPlay));
  });
});

describe('score notation', () => {
  it('reads sets, bracketed tie-break points, en dashes and a match tie-break', () => {
    expect(parseTennisScore('6–4  7–6(5) [10-7]').sets).toEqual([{ a: 6, b: 4 }, { a: 7, b: 6, tiebreakLoserPoints: 5 }, { a: 10, b: 7, matchTiebreak: true }]);
  });

  it('refuses text that is not a score', () => {
    expect(() => parseTennisScore('6:4')).toThrow(code(MatchesErrorCode.BadNotation, { token: '6:4' }));
    expect(() => parseTennisScore('   ')).toThrow(code(MatchesErrorCode.BadNotation));
  });
});
