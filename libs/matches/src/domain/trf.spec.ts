import { MatchesErrorCode } from './matches-error';
import { swissStandings } from './swiss-tiebreaks';
import { parseTrf, trfRecords, writeTrf } from './trf';

// Three rounds among four players; 王小明 and 李华 have Chinese names (one column per character).
// R1 1 beats 3 (w), 2–4 drawn; R2 1–2 drawn, 4 beats 3 by forfeit; R3 1 beats 4, 2 beats 3.
const LINES = [
  '012 2026年拱墅区职工国际象棋赛',
  '022 杭州',
  '042 2026/12/12',
  '052 2026/12/13',
  '062 4',
];
const tournament = {
  name: '2026年拱墅区职工国际象棋赛',
  city: '杭州',
  startDate: '2026/12/12',
  endDate: '2026/12/13',
  players: [
    { startRank: 1, sex: 'm', title: '', name: '王小明', rating: 2105, federation: 'CHN', fideId: '8600001', birth: '1990/01/01', points: 2.5, rank: 1, rounds: [{ opponent: 3, colour: 'w' as const, result: '1' }, { opponent: 2, colour: 'b' as const, result: '=' }, { opponent: 4, colour: 'w' as const, result: '1' }] },
    { startRank: 2, sex: 'w', title: '', name: '李华', rating: 2010, federation: 'CHN', fideId: '8600002', birth: '1992/02/02', points: 2, rank: 2, rounds: [{ opponent: 4, colour: 'w' as const, result: '=' }, { opponent: 1, colour: 'w' as const, result: '=' }, { opponent: 3, colour: 'b' as const, result: '1' }] },
    { startRank: 3, sex: 'm', title: '', name: 'Zhang Wei', rating: 1900, federation: 'CHN', fideId: '8600003', birth: '1988/03/03', points: 0, rank: 4, rounds: [{ opponent: 1, colour: 'b' as const, result: '0' }, { opponent: 4, colour: '-' as never, result: '-' }, { opponent: 2, colour: 'w' as const, result: '0' }] },
    { startRank: 4, sex: 'm', title: '', name: '赵强', rating: null, federation: 'CHN', fideId: '', birth: '', points: 1.5, rank: 3, rounds: [{ opponent: 2, colour: 'b' as const, result: '=' }, { opponent: 3, colour: null, result: '+' }, { opponent: 1, colour: 'b' as const, result: '0' }] },
  ],
};

describe('FIDE TRF-16', () => {
  it('writes fields at fixed character columns, Chinese names counting one column a character', () => {
    const text = writeTrf(tournament);
    expect(text.split('\n').slice(0, 5)).toEqual(LINES);
    const line = Array.from(text.split('\n')[5]);
    expect(line.slice(14, 47).join('')).toBe('王小明'.padEnd(33, ' '));
    expect(line.slice(48, 52).join('')).toBe('2105');
    expect(line.slice(80, 84).join('')).toBe(' 2.5');
    expect(line.slice(91, 99).join('')).toBe('   3 w 1');
    // in bytes the name takes 9 of its 33 columns' worth: a byte-counting reader would misplace the rating
    expect(Buffer.from(line.join('')).indexOf('2105')).not.toBe(48);
  });

  it('reads back what it writes, and its standings and tie-breaks are computed here', () => {
    const t = parseTrf(writeTrf(tournament));
    expect(t.players.map((p) => [p.startRank, p.name, p.rating, p.points])).toEqual([
      [1, '王小明', 2105, 2.5],
      [2, '李华', 2010, 2],
      [3, 'Zhang Wei', 1900, 0],
      [4, '赵强', null, 1.5],
    ]);
    const rows = swissStandings(trfRecords(t), ['BH', 'SB'], { rounds: 3, edition: 'fide-2024' });
    // 王小明: BH = 李华 2 + Zhang Wei 0 + 赵强 (1.5) = 3.5; SB = 0×1 + 2×½ + 1.5×1 = 2.5
    expect(rows[0]).toEqual({ player: '1', score: 2.5, values: [3.5, 2.5], rank: 1 });
    // 赵强's forfeit win over Zhang Wei in round 2 is unplayed: a dummy with his own score 1.5
    expect(rows.find((r) => r.player === '4')!.values[0]).toBe(2 + 1.5 + 2.5);
  });

  it('refuses a file without players, and a result it does not know, naming the line', () => {
    expect(() => parseTrf('012 空文件\n')).toThrow(expect.objectContaining({ code: MatchesErrorCode.BadTrf }));
    const broken = writeTrf(tournament).replace('   3 w 1', '   3 w X');
    expect(() => parseTrf(broken)).toThrow(expect.objectContaining({ code: MatchesErrorCode.BadTrf, details: { field: 'trf', line: 6 } }));
  });
});
