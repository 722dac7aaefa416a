import { MatchesDomainError, MatchesErrorCode } from './matches-error';

/** Points a result earns, set per item (3/1/0 in football style, 2/1/0 in Go leagues, 1/0.5/0 in chess). */
export interface PointsRule {
  win: number;
  draw: number;
  loss: number;
}

/** One played match of the group: `winner` null for a draw; games (or sets, or goals) when the sport has them. */
export interface RoundRobinResult {
  a: string;
  b: string;
  winner: 'a' | 'b' | null;
  games?: { a: number; b: number };
}

/**
 * Tie-breaks after points, applied in the order the item sets:
 * - head_to_head_points: points from the matches among the tied players only;
 * - head_to_head_difference: game difference in those matches only;
 * - game_difference, games_won, wins: over all the player's matches.
 */
export type TieBreak = 'head_to_head_points' | 'head_to_head_difference' | 'game_difference' | 'games_won' | 'wins';

export interface StandingRow {
  player: string;
  /** Shared when every tie-break left the players level. */
  rank: number;
  points: number;
  played: number;
  wins: number;
  draws: number;
  losses: number;
  gamesFor: number;
  gamesAgainst: number;
}

interface Tally {
  points: number;
  wins: number;
  draws: number;
  losses: number;
  gamesFor: number;
  gamesAgainst: number;
  played: number;
}

function tally(players: readonly string[], results: readonly RoundRobinResult[], rule: PointsRule): Map<string, Tally> {
  const t = new Map(players.map((p) => [p, { points: 0, wins: 0, draws: 0, losses: 0, gamesFor: 0, gamesAgainst: 0, played: 0 }]));
  for (const r of results) {
    const ta = t.get(r.a);
    const tb = t.get(r.b);
    if (!ta || !tb) throw new MatchesDomainError(MatchesErrorCode.UnknownPlayer, `结果中的选手不在本组：${!ta ? r.a : r.b}`, { player: !ta ? r.a : r.b });
    for (const [me, side] of [
      [ta, 'a'],
      [tb, 'b'],
    ] as const) {
      me.played += 1;
      if (r.winner === null) {
        me.draws += 1;
        me.points += rule.draw;
      } else if (r.winner === side) {
        me.wins += 1;
        me.points += rule.win;
      } else {
        me.losses += 1;
        me.points += rule.loss;
      }
      me.gamesFor += r.games ? r.games[side] : 0;
      me.gamesAgainst += r.games ? r.games[side === 'a' ? 'b' : 'a'] : 0;
    }
  }
  return t;
}

/**
 * Standings of a round robin: points first, then the item's tie-breaks in order. Head-to-head
 * criteria count only the matches among the players still level, and when a criterion separates
 * some of them but leaves a smaller set level, the criteria are applied again from the first to
 * that set alone, its own matches only (ITTF Handbook, regulations for international competitions
 * 3.7.5.4: "if at any step the positions of one or more members have been determined while the
 * others are still equal, the results of matches in which those members took part shall be
 * excluded"; UEFA club competition regulations reapply their head-to-head criteria the same way).
 * Players level after every criterion share the rank, listed in the order given.
 */
export function roundRobinStandings(players: readonly string[], results: readonly RoundRobinResult[], rule: PointsRule, tieBreaks: readonly TieBreak[]): StandingRow[] {
  const all = tally(players, results, rule);

  const value = (criterion: TieBreak, group: readonly string[]): Map<string, number> => {
    if (criterion === 'head_to_head_points' || criterion === 'head_to_head_difference') {
      const inGroup = new Set(group);
      const sub = tally(group, results.filter((r) => inGroup.has(r.a) && inGroup.has(r.b)), rule);
      return new Map(group.map((p) => {
        const s = sub.get(p)!;
        return [p, criterion === 'head_to_head_points' ? s.points : s.gamesFor - s.gamesAgainst];
      }));
    }
    return new Map(group.map((p) => {
      const s = all.get(p)!;
      return [p, criterion === 'game_difference' ? s.gamesFor - s.gamesAgainst : criterion === 'games_won' ? s.gamesFor : s.wins];
    }));
  };

  /** Splits `group` (all level so far) into ordered sub-groups, each level after every criterion. */
  const order = (group: string[]): string[][] => {
    if (group.length < 2) return [group];
    for (const criterion of tieBreaks) {
      const v = value(criterion, group);
      const parts = splitBy(group, (p) => v.get(p)!);
      if (parts.length === 1) continue;
      // separated: each still-level part starts the criteria again, on its own matches
      return parts.flatMap((part) => order(part));
    }
    return [group];
  };

  const byPoints = splitBy([...players], (p) => all.get(p)!.points);
  const rows: StandingRow[] = [];
  for (const level of byPoints.flatMap((g) => order(g))) {
    const rank = rows.length + 1;
    for (const player of level) rows.push({ player, rank, ...all.get(player)! });
  }
  return rows;
}

/** Groups by a number, highest first, keeping the given order inside a group. */
function splitBy(group: readonly string[], key: (p: string) => number): string[][] {
  const by = new Map<number, string[]>();
  for (const p of group) by.set(key(p), [...(by.get(key(p)) ?? []), p]);
  return [...by.entries()].sort((x, y) => y[0] - x[0]).map(([, ps]) => ps);
}
