import { describe, expect, it } from 'vitest';
import { boardCovered, coveredBy, emptyForm, openBoards, playable, resultBody, scoreKind } from '../src/matches/result-form';

const form = (over: Partial<ReturnType<typeof emptyForm>>) => ({ ...emptyForm(), ...over });

describe('a match result as the judge enters it', () => {
  it('asks tennis for sets, a series for games, anything else for the winner', () => {
    expect(scoreKind({ sport: 'tennis' })).toBe('tennis');
    expect(scoreKind({ sport: 'esports', bestOf: 3 })).toBe('games');
    expect(scoreKind({ sport: 'go' })).toBe('winner');
  });
  it('sends a finished match as its score', () => {
    expect(resultBody('tennis', form({ score: ' 6-4 7-6(5) ' }))).toEqual({ score: '6-4 7-6(5)' });
    expect(resultBody('games', form({ games: { a: 1, b: 2 } }))).toEqual({ games: { a: 1, b: 2 } });
    expect(resultBody('winner', form({ winner: 'b' }))).toEqual({ winner: 'b' });
  });
  it('sends walkovers, retirements and double forfeits with the side that did not finish', () => {
    expect(resultBody('tennis', form({ ending: 'walkover', side: 'a', score: '6-0' }))).toEqual({ ending: 'walkover', side: 'a' });
    expect(resultBody('tennis', form({ ending: 'retired', side: 'b', score: '6-4 2-1' }))).toEqual({ ending: 'retired', side: 'b', score: '6-4 2-1' });
    expect(resultBody('games', form({ ending: 'forfeit', side: 'b' }))).toEqual({ ending: 'forfeit', side: 'b' });
    expect(resultBody('winner', form({ ending: 'double_forfeit', side: 'a' }))).toEqual({ ending: 'double_forfeit' });
    expect(resultBody('games', form({ ending: 'draw', games: { a: 1, b: 1 } }))).toEqual({ ending: 'draw', games: { a: 1, b: 1 } });
  });
  it("keeps to the judge's matches and to those ready to play", () => {
    const row = { matchId: 9, court: '2号场', at: null, round: 1, number: 1, players: ['甲', '乙'], status: 2, score: null };
    const a = { itemId: 1, name: '', eventId: 1, eventName: '', format: 'single_elimination', status: 'running', version: 1, wholeItem: false, courts: ['1号场'], matchIds: [] } as const;
    expect(coveredBy({ ...a, courts: [...a.courts], matchIds: [] }, row)).toBe(false);
    expect(coveredBy({ ...a, courts: ['2号场'], matchIds: [] }, row)).toBe(true);
    expect(coveredBy({ ...a, courts: [], matchIds: [9] }, row)).toBe(true);
    expect(playable(row)).toBe(true);
    expect(playable({ ...row, players: ['甲', null] })).toBe(false);
    expect(playable({ ...row, status: 4 })).toBe(false);
  });
});

describe('Swiss boards waiting for a result', () => {
  const round = (r: number, board: number, opponent: number | null, seat: 'first' | 'second' | null, result: string | null) => ({ round: r, board, opponent, seat, result, points: null }) as never;
  const cross = {
    rounds: 2,
    tieBreaks: [],
    edition: 'fide-2026',
    rows: [
      { participantId: 1, entryId: 1, name: '柯洁', rank: 1, score: 1, tieBreaks: {}, rounds: [round(1, 1, 2, 'first', '1-0'), round(2, 1, 3, 'second', null)] },
      { participantId: 2, entryId: 2, name: '芈昱廷', rank: 2, score: 0, tieBreaks: {}, rounds: [round(1, 1, 1, 'second', '1-0'), round(2, 2, null, null, null)] },
      { participantId: 3, entryId: 3, name: '唐韦星', rank: 3, score: 1, tieBreaks: {}, rounds: [round(1, 2, null, null, '+-'), round(2, 1, 1, 'first', null)] },
    ],
  } as never;
  it('lists each undecided game once, from the first player, and no bye', () => {
    expect(openBoards(cross)).toEqual([{ round: 2, board: 1, first: '唐韦星', second: '柯洁' }]);
  });
  it('keeps to the boards assigned', () => {
    const a = { wholeItem: false, courts: ['第2台'], matchIds: [] } as never;
    expect(boardCovered(a, { round: 2, board: 1, first: '', second: '' })).toBe(false);
    expect(boardCovered(a, { round: 2, board: 2, first: '', second: '' })).toBe(true);
  });
});
