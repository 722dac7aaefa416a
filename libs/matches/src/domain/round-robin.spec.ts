import { MatchesErrorCode } from './matches-error';
import { type RoundRobinResult, roundRobinStandings } from './round-robin';

// A 中国象棋 team group, four boards a match, 2–2 a draw: 3 points a win, 1 a draw.
const 队 = ['李明', '王芳', '张伟', '刘洋', '陈静'];
const [李明, 王芳, 张伟, 刘洋, 陈静] = 队;
const m = (a: string, b: string, ga: number, gb: number): RoundRobinResult => ({ a, b, winner: ga > gb ? 'a' : ga < gb ? 'b' : null, games: { a: ga, b: gb } });
const results = [
  m(李明, 王芳, 4, 0),
  m(李明, 张伟, 3, 1),
  m(王芳, 张伟, 2, 2),
  m(李明, 刘洋, 2, 2),
  m(李明, 陈静, 1, 3),
  m(王芳, 刘洋, 4, 0),
  m(王芳, 陈静, 4, 0),
  m(张伟, 刘洋, 3, 1),
  m(张伟, 陈静, 3, 1),
  m(刘洋, 陈静, 3, 1),
];
const rule = { win: 3, draw: 1, loss: 0 };

describe('round-robin standings', () => {
  it('tallies points, wins, draws, losses and games with the item’s points', () => {
    const rows = roundRobinStandings(队, results, rule, []);
    expect(rows.find((r) => r.player === 李明)).toEqual({ player: 李明, rank: 1, points: 7, played: 4, wins: 2, draws: 1, losses: 1, gamesFor: 10, gamesAgainst: 6 });
    expect(rows.map((r) => [r.player, r.points])).toEqual([[李明, 7], [王芳, 7], [张伟, 7], [刘洋, 4], [陈静, 3]]);
  });

  it('counts a draw as the item sets it', () => {
    const rows = roundRobinStandings(队, results, { win: 2, draw: 1, loss: 0 }, []);
    expect(rows.find((r) => r.player === 王芳)!.points).toBe(5);
  });

  it('head-to-head separates the three on 7 points, then reapplies to the two still level, their own match only', () => {
    // Among 李明, 王芳, 张伟: 李明 beat both (6 points), 王芳 and 张伟 drew (1 each). Among the
    // three, 张伟's game difference (−2) beats 王芳's (−4); but reapplied to 王芳 and 张伟 alone,
    // their 2–2 leaves them level, and overall game difference (+4 against +2) puts 王芳 ahead.
    const rows = roundRobinStandings(队, results, rule, ['head_to_head_points', 'head_to_head_difference', 'game_difference']);
    expect(rows.map((r) => [r.player, r.rank])).toEqual([[李明, 1], [王芳, 2], [张伟, 3], [刘洋, 4], [陈静, 5]]);
  });

  it('shares the rank when the tie-breaks leave players level', () => {
    // 李明 and 王芳 both +4 in games; without head-to-head they share first.
    const rows = roundRobinStandings(队, results, rule, ['game_difference']);
    expect(rows.map((r) => [r.player, r.rank])).toEqual([[李明, 1], [王芳, 1], [张伟, 3], [刘洋, 4], [陈静, 5]]);
  });

  it('applies the tie-breaks in the item’s order', () => {
    const rows = roundRobinStandings(队, results, rule, ['games_won', 'head_to_head_points']);
    // games won: 李明 10, 王芳 10, 张伟 9; then head-to-head between 李明 and 王芳: 李明 won
    expect(rows.slice(0, 3).map((r) => [r.player, r.rank])).toEqual([[李明, 1], [王芳, 2], [张伟, 3]]);
  });

  it('refuses a result for a player not in the group', () => {
    expect(() => roundRobinStandings(队, [...results, m(李明, '赵敏', 3, 1)], rule, [])).toThrow(expect.objectContaining({ code: MatchesErrorCode.UnknownPlayer, details: { player: '赵敏' } }));
  });
});
