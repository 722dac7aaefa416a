import { MatchesErrorCode } from './matches-error';
import { checkSettings, crossedGroupLines, mcmahonStartScore } from './settings';

describe('match item settings', () => {
  it('tennis single elimination: defaults to best of 3 with a tie-break final set, no third-place match', () => {
    expect(checkSettings('single_elimination', { sport: 'tennis' })).toEqual({ sport: 'tennis', tennis: { bestOf: 3, finalSet: 'tiebreak_set' }, draws: false, thirdPlace: false });
  });

  it('refuses draws in a knockout and names the field', () => {
    expect(() => checkSettings('single_elimination', { sport: 'go', draws: true })).toThrow(expect.objectContaining({ code: MatchesErrorCode.BadSettings, details: { field: 'settings.draws' } }));
  });

  it('groups feeding a knockout must send a power of two through', () => {
    expect(() => checkSettings('groups_knockout', { sport: 'tennis', groups: 3, advance: 2 })).toThrow(expect.objectContaining({ code: MatchesErrorCode.BadSettings, details: { field: 'settings.advance' } }));
    expect(checkSettings('groups_knockout', { sport: 'tennis', groups: 4, advance: 2 }).advance).toBe(2);
  });

  it('Swiss: tie-breaks must be known ones, the edition one of the two FIDE editions', () => {
    expect(checkSettings('swiss', { sport: 'chess', rounds: 7, swissTieBreaks: ['BH-C1', 'SB'], edition: 'fide-2024' })).toMatchObject({ rounds: 7, swissTieBreaks: ['BH-C1', 'SB'], edition: 'fide-2024' });
    expect(() => checkSettings('swiss', { sport: 'go', rounds: 5, swissTieBreaks: ['SOS', 'XYZ'] })).toThrow(expect.objectContaining({ details: { field: 'settings.swissTieBreaks' } }));
    expect(() => checkSettings('swiss', { sport: 'go', rounds: 5, edition: '2023' })).toThrow(expect.objectContaining({ details: { field: 'settings.edition' } }));
  });

  it('crosses group winners and runners-up: a group pair meets only in the final', () => {
    const lines = crossedGroupLines([['A1', 'A2'], ['B1', 'B2'], ['C1', 'C2'], ['D1', 'D2']], 2);
    expect(lines).toEqual(['A1', 'B2', 'C1', 'D2', 'B1', 'A2', 'D1', 'C2']);
    for (const g of 'ABCD') expect(lines.indexOf(`${g}1`) < 4).not.toBe(lines.indexOf(`${g}2`) < 4);
  });

  it('McMahon (Go): bars checked and named; one point a grade between floor and bar', () => {
    expect(checkSettings('swiss', { sport: 'go', rounds: 5, mcmahon: { bar: 33, floor: 28 } }).mcmahon).toEqual({ bar: 33, floor: 28 });
    expect(() => checkSettings('swiss', { sport: 'chess', rounds: 5, mcmahon: { bar: 33, floor: 28 } })).toThrow(expect.objectContaining({ details: { field: 'settings.mcmahon' } }));
    expect(() => checkSettings('swiss', { sport: 'go', rounds: 5, mcmahon: { bar: 28, floor: 33 } })).toThrow(expect.objectContaining({ details: { field: 'settings.mcmahon.floor' } }));
    const bars = { bar: 33, floor: 28 };
    expect([36, 33, 31, 30, 28, 20, null].map((r) => mcmahonStartScore(r, bars))).toEqual([5, 5, 3, 2, 0, 0, 0]);
  });
});
