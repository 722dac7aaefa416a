import { MatchesDomainError, MatchesErrorCode } from './matches-error';

/**
 * One player's round as the crosstable holds it. `opponent` null: a bye or a round not paired.
 * `played` false: the game was not played over the board (forfeit, bye, absence).
 */
export interface SwissRoundRecord {
  round: number;
  opponent: string | null;
  points: number;
  played: boolean;
}

/**
 * Tie-breaks by their FIDE acronyms (C.07 article 5 list) and the Go ones:
 * BH Buchholz, BH-C1 Buchholz Cut-1, BH-M1 Median Buchholz 1, SB Sonneborn-Berger, PS progressive
 * score, DE direct encounter, WIN rounds won (points of a win, played or not), WON games won over
 * the board; SOS, SOSOS, SODOS (EGF); 对手分 (= sum of opponents' scores), 累进分 (= progressive).
 */
export const SWISS_TIE_BREAKS = ['BH', 'BH-C1', 'BH-M1', 'SB', 'PS', 'DE', 'WIN', 'WON', 'SOS', 'SOSOS', 'SODOS', '对手分', '累进分'] as const;
export type SwissTieBreak = (typeof SWISS_TIE_BREAKS)[number];

/**
 * Editions of the FIDE tie-break regulations that differ on unplayed rounds (article 16):
 * - fide-2024: "Play-off and tie-break regulations", applied from 1 August 2024
 *   (https://handbook.fide.com/chapter/TieBreakRegulations082024). In a participant's Buchholz an
 *   unplayed round counts as a game against a dummy opponent with the participant's own score.
 * - fide-2026: applied from 1 March 2026 (approved by FIDE Council on 02/02/2026,
 *   https://handbook.fide.com/chapter/TieBreakRegulations032026). The same stand-in is capped: with
 *   an opponent who did not play (a forfeit), by that opponent's adjusted score (16.4.1); without
 *   one (a bye), by the score of a draw in every round (16.4.2).
 * FIDE's reference implementation (TieBreakServer, tiebreak.py: TIEBREAK_RULES and
 * compute_buchholz_sonneborn_berger) picks the edition by the tournament's start date the same way.
 */
export type FideEdition = 'fide-2024' | 'fide-2026';

/** The edition in force on a date (YYYY-MM-DD, Beijing date of the event's start). */
export function fideEditionOn(date: string): FideEdition {
  return date >= '2026-03-01' ? 'fide-2026' : 'fide-2024';
}

export interface TieBreakOptions {
  /** Rounds of the tournament (scheduled); standings count the rounds with a result so far. */
  rounds: number;
  edition: FideEdition;
  /** Points of a win and of a draw: 1 and 0.5 in chess, 1 and 0.5 (jigo) in Go. */
  win?: number;
  draw?: number;
  /** McMahon start scores (Go): added to the score; an unplayed round adds the start score to SOS (EGF). */
  startScores?: Map<string, number>;
}

export interface TieBreakRow {
  player: string;
  score: number;
  values: number[];
  rank: number;
}

interface Player {
  id: string;
  rounds: SwissRoundRecord[];
  score: number;
}

/** A voluntarily unplayed round (VUR, article 16.2): not played and not scored as a win. */
const isVur = (r: SwissRoundRecord, win: number) => !r.played && r.points < win;

/**
 * Every tie-break value of every player, in the item's order, and the ranking they give: score
 * first, then each tie-break in turn (C.07 4.2: the next tie-break only for a persisting tie);
 * players still level share the rank. `records` holds each player's rounds 1..n (missing rounds
 * count as unplayed, zero points).
 */
export function swissStandings(records: Map<string, SwissRoundRecord[]>, order: readonly SwissTieBreak[], opts: TieBreakOptions): TieBreakRow[] {
  const win = opts.win ?? 1;
  const draw = opts.draw ?? 0.5;
  for (const t of order) if (!SWISS_TIE_BREAKS.includes(t)) throw new MatchesDomainError(MatchesErrorCode.BadSettings, `未知的破同分方法：${t}`, { field: 'settings.swissTieBreaks' });
  const start = (id: string) => opts.startScores?.get(id) ?? 0;
  const players = new Map<string, Player>();
  for (const [id, rs] of records) {
    const rounds: SwissRoundRecord[] = [];
    for (let r = 1; r <= opts.rounds; r++) rounds.push(rs.find((x) => x.round === r) ?? { round: r, opponent: null, points: 0, played: false });
    players.set(id, { id, rounds: rounds.filter((x) => x.round <= lastRound(records)), score: start(id) + rounds.reduce((s, x) => s + x.points, 0) });
  }
  const played = lastRound(records);

  // 16.3: a participant's score as their opponents' Buchholz sees it: rounds after the last one in
  // which they were present (withdrawal) count as draws; every other round as scored.
  const adjusted = new Map<string, number>();
  for (const p of players.values()) {
    let lastPresent = 0;
    for (const r of p.rounds) if (!isVur(r, win)) lastPresent = r.round;
    adjusted.set(p.id, start(p.id) + p.rounds.reduce((s, r) => s + (r.opponent !== null || r.round <= lastPresent ? r.points : draw), 0));
  }

  /** Per round: what the Buchholz family adds, and whether the round was a VUR (cut first, 16.5). */
  const contributions = (p: Player): { value: number; points: number; vur: boolean }[] =>
    p.rounds.map((r) => {
      if (r.played && r.opponent !== null) return { value: adjusted.get(r.opponent)!, points: r.points, vur: false };
      let dummy = p.score; // 16.4: a dummy opponent with the participant's own score
      if (opts.edition === 'fide-2026') dummy = r.opponent !== null ? Math.min(dummy, adjusted.get(r.opponent)!) : Math.min(dummy, draw * played);
      return { value: dummy, points: r.points, vur: isVur(r, win) };
    });

  const cut = (cs: { value: number; vur: boolean }[], low: number, high: number): number => {
    let list = [...cs];
    for (let i = 0; i < low && list.length; i++) {
      // 16.5: the cut takes a VUR first, the least valuable of them; otherwise the least valuable round
      const vurs = list.filter((c) => c.vur);
      const pool = vurs.length ? vurs : list;
      const min = pool.reduce((m, c) => (c.value < m.value ? c : m));
      list = list.filter((c) => c !== min);
    }
    for (let i = 0; i < high && list.length; i++) {
      const max = list.reduce((m, c) => (c.value > m.value ? c : m));
      list = list.filter((c) => c !== max);
    }
    return list.reduce((s, c) => s + c.value, 0);
  };

  // Go (EGF tournament system rules, "The effect of unplayed games"): a round without an opponent
  // adds the player's own McMahon start score to SOS in a McMahon, 0 in a Swiss.
  const sos = (p: Player) => p.rounds.reduce((s, r) => s + (r.played && r.opponent !== null ? players.get(r.opponent)!.score : start(p.id)), 0);
  const sosCache = new Map<string, number>();
  const sosOf = (id: string) => sosCache.get(id) ?? sosCache.set(id, sos(players.get(id)!)).get(id)!;

  const value = (t: SwissTieBreak, p: Player, tied: Set<string>): number => {
    switch (t) {
      case 'BH':
        return cut(contributions(p), 0, 0);
      case 'BH-C1':
        return cut(contributions(p), 1, 0);
      case 'BH-M1':
        return cut(contributions(p), 1, 1);
      case 'SB':
        // 8.2: each opponent's (adjusted) score times the points scored against them
        return contributions(p).reduce((s, c) => s + c.value * c.points, 0);
      case 'PS':
      case '累进分': {
        // 7.5 progressive score: the running score after each round, summed
        let run = start(p.id);
        return p.rounds.reduce((s, r) => s + (run += r.points), 0);
      }
      case 'DE': {
        // 6: points among the tied players, only when every pair of them has met
        const ids = [...tied];
        const met = ids.every((a) => ids.every((b) => a === b || players.get(a)!.rounds.some((r) => r.opponent === b && r.played)));
        if (!met || ids.length < 2) return 0;
        return p.rounds.filter((r) => r.played && r.opponent !== null && tied.has(r.opponent)).reduce((s, r) => s + r.points, 0);
      }
      case 'WIN':
        return p.rounds.filter((r) => r.points >= win).length;
      case 'WON':
        return p.rounds.filter((r) => r.played && r.points >= win).length;
      case 'SOS':
      case '对手分':
        return sosOf(p.id);
      case 'SOSOS':
        return p.rounds.reduce((s, r) => s + (r.played && r.opponent !== null ? sosOf(r.opponent) : 0), 0);
      case 'SODOS':
        return p.rounds.reduce((s, r) => s + (r.played && r.opponent !== null && r.points >= win ? players.get(r.opponent)!.score : 0), 0);
    }
  };

  // Rank: score, then each tie-break among those still level; DE is computed for each level group.
  const all = [...players.values()];
  const rows: TieBreakRow[] = [];
  const groupBy = (ps: Player[], key: (p: Player) => number) => {
    const m = new Map<number, Player[]>();
    for (const p of ps) m.set(key(p), [...(m.get(key(p)) ?? []), p]);
    return [...m.entries()].sort((a, b) => b[0] - a[0]).map(([, g]) => g);
  };
  const values = new Map<string, number[]>();
  for (const g of groupBy(all, (p) => p.score)) {
    const tied = new Set(g.map((p) => p.id));
    for (const p of g) values.set(p.id, order.map((t) => round4(value(t, p, tied))));
  }
  const split = (g: Player[], i: number): Player[][] => {
    if (g.length < 2 || i >= order.length) return [g];
    return groupBy(g, (p) => values.get(p.id)![i]).flatMap((sub) => split(sub, i + 1));
  };
  for (const level of groupBy(all, (p) => p.score).flatMap((g) => split(g, 0))) {
    const rank = rows.length + 1;
    for (const p of level.sort((a, b) => a.id.localeCompare(b.id))) rows.push({ player: p.id, score: p.score, values: values.get(p.id)!, rank });
  }
  return rows;
}

function lastRound(records: Map<string, SwissRoundRecord[]>): number {
  let n = 0;
  for (const rs of records.values()) for (const r of rs) n = Math.max(n, r.round);
  return n;
}

const round4 = (x: number) => Math.round(x * 10000) / 10000;
