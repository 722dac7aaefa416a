import { MatchesDomainError, MatchesErrorCode } from './matches-error';
import { other, type Side } from './types';

/**
 * One set as the scorecard shows it, games from side a's and side b's view (not winner first).
 * `tiebreakLoserPoints`: the tie-break loser's points, the figure in brackets in 7–6(5).
 * `matchTiebreak`: the set is a match tie-break played in place of the final set, a and b are points.
 */
export interface TennisSet {
  a: number;
  b: number;
  tiebreakLoserPoints?: number;
  matchTiebreak?: boolean;
}

export interface TennisFormat {
  /** ITF Rules of Tennis, rule 6: best of 3 or best of 5 sets. */
  bestOf: 3 | 5;
  /** Appendix V: a match tie-break (10 points) may replace the deciding set. */
  finalSet: 'tiebreak_set' | 'match_tiebreak';
}

/** How the match ended: played out, one side retired during play, or one side did not appear. */
export type TennisEnding = { kind: 'completed' } | { kind: 'retired'; retired: Side } | { kind: 'walkover'; absent: Side };

export interface TennisResult {
  winner: Side;
  sets: { a: number; b: number };
  ending: TennisEnding['kind'];
  /** Set when the score is valid though unfinished: why the match stopped. */
  reason?: 'retirement' | 'walkover';
}

const setsToWin = (f: TennisFormat) => (f.bestOf + 1) / 2;

function impossibleSet(index: number, set: TennisSet, why: string): MatchesDomainError {
  return new MatchesDomainError(MatchesErrorCode.ImpossibleSet, `第${index + 1}盘比分 ${set.a}-${set.b} 不可能：${why}`, { setIndex: index, a: set.a, b: set.b });
}

/**
 * The winner of a finished tie-break set, or null when the score is a set still in play.
 * Rule 5(b), tie-break set: the first to 6 games by two wins the set; at 6–6 a tie-break game
 * decides it, so 7–5 and 7–6 are the only scores above 6. Rule 5(b) tie-break game: the first to
 * 7 points by two; the loser's points are shown in brackets, so a winner's points are 7 when the
 * loser has 5 or fewer, else the loser's plus 2, which any bracket figure ≥ 0 allows.
 * Throws for a score no set can reach.
 */
function setWinner(set: TennisSet, index: number): Side | null {
  const { a, b } = set;
  if (![a, b].every((n) => Number.isInteger(n) && n >= 0)) throw impossibleSet(index, set, '局数须为非负整数');
  const hi = Math.max(a, b);
  const lo = Math.min(a, b);
  const leader: Side = a > b ? 'a' : 'b';
  if (set.tiebreakLoserPoints !== undefined) {
    const p = set.tiebreakLoserPoints;
    if (!(hi === 7 && lo === 6)) throw impossibleSet(index, set, '只有 7-6 的盘才有抢七分');
    if (!Number.isInteger(p) || p < 0) throw new MatchesDomainError(MatchesErrorCode.ImpossibleTiebreak, `第${index + 1}盘抢七负方得分 ${p} 不可能`, { setIndex: index });
  }
  if (hi > 7 || (hi === 7 && (lo < 5 || lo === 7))) throw impossibleSet(index, set, '平局制盘最多到 7-5 或 7-6');
  if (hi === 7) return leader; // 7–5, or 7–6 through the tie-break game
  if (hi === 6 && lo <= 4) return leader;
  return null; // up to 6–6 (and 6–5): the set goes on
}

/**
 * Appendix V, match tie-break: the first to 10 points by two; beyond 10 the margin is exactly two
 * (play stops as soon as a side leads by two). Null while still in play.
 */
function matchTiebreakWinner(set: TennisSet, index: number): Side | null {
  const { a, b } = set;
  if (![a, b].every((n) => Number.isInteger(n) && n >= 0)) throw impossibleSet(index, set, '抢十分数须为非负整数');
  const hi = Math.max(a, b);
  const lo = Math.min(a, b);
  if (hi > 10 && hi - lo > 2) throw impossibleSet(index, set, '抢十超过 10 分时只能领先 2 分结束');
  if (hi >= 10 && hi - lo >= 2) return a > b ? 'a' : 'b';
  return null;
}

/**
 * Checks a tennis score against the format and returns who won. A completed match must end the
 * moment a side has won the sets it needs (rule 6: best of 3, two sets; best of 5, three), with
 * no set after that and every set finished. A retirement may stop during a set (the games so far
 * stand) and a walkover has no play at all; both give the match to the other side with a reason.
 * A match tie-break may only be the deciding set, and only when the format uses one.
 */
export function checkTennisScore(sets: readonly TennisSet[], format: TennisFormat, ending: TennisEnding = { kind: 'completed' }): TennisResult {
  if (format.bestOf !== 3 && format.bestOf !== 5) throw new MatchesDomainError(MatchesErrorCode.BadFormat, `网球只有三盘两胜或五盘三胜，不是 ${String(format.bestOf)}`);
  const need = setsToWin(format);
  if (ending.kind === 'walkover') {
    if (sets.length > 0) throw new MatchesDomainError(MatchesErrorCode.WalkoverWithPlay, '弃权（w/o）的比赛不能有比分', { sets: sets.length });
    return { winner: other(ending.absent), sets: { a: 0, b: 0 }, ending: 'walkover', reason: 'walkover' };
  }
  const won = { a: 0, b: 0 };
  let decided: Side | null = null;
  sets.forEach((set, index) => {
    if (decided) throw new MatchesDomainError(MatchesErrorCode.PlayAfterDecided, `比赛在第${index}盘已经结束，第${index + 1}盘不应存在`, { setIndex: index });
    const deciding = won.a === need - 1 && won.b === need - 1;
    if (set.matchTiebreak && !(deciding && format.finalSet === 'match_tiebreak')) {
      throw impossibleSet(index, set, '抢十只能代替决胜盘，且须赛制采用');
    }
    const useMatchTiebreak = deciding && format.finalSet === 'match_tiebreak';
    const winner = useMatchTiebreak ? matchTiebreakWinner(set, index) : setWinner(set, index);
    const last = index === sets.length - 1;
    if (winner === null) {
      if (!(last && ending.kind === 'retired')) throw impossibleSet(index, set, useMatchTiebreak ? '抢十未完成' : '此比分的盘未结束');
      return;
    }
    won[winner] += 1;
    if (won[winner] === need) decided = winner;
  });
  if (ending.kind === 'retired') {
    if (decided) throw new MatchesDomainError(MatchesErrorCode.PlayAfterDecided, '比赛已经结束，不能再退赛', { sets: sets.length });
    return { winner: other(ending.retired), sets: won, ending: 'retired', reason: 'retirement' };
  }
  if (!decided) throw new MatchesDomainError(MatchesErrorCode.MatchUnfinished, `比赛未结束：盘数 ${won.a}-${won.b}，需赢 ${need} 盘`, { a: won.a, b: won.b });
  return { winner: decided, sets: won, ending: 'completed' };
}

export interface ParsedTennisScore {
  sets: TennisSet[];
  /** A trailing "ret." or a lone "w/o" as the notation writes them; who stopped is not in the text. */
  stopped: 'retired' | 'walkover' | null;
}

const SET = /^(\d+)[-–](\d+)(?:\((\d+)\))?$/;
const MATCH_TIEBREAK = /^\[(\d+)[-–](\d+)\]$/;

/**
 * Reads the common notation, sets separated by spaces: "6-4 7-6(5)", "6–3 3–6 [10–8]" (a match
 * tie-break in square brackets), "6-4 2-1 ret.", "w/o". En dashes and hyphens both count. Checks
 * nothing but the shape; `checkTennisScore` judges the score.
 */
export function parseTennisScore(text: string): ParsedTennisScore {
  const tokens = text.trim().split(/\s+/).filter(Boolean);
  const bad = (token: string) => new MatchesDomainError(MatchesErrorCode.BadNotation, `无法识别的比分写法：${token}`, { token });
  if (tokens.length === 1 && /^w\/?o\.?$/i.test(tokens[0])) return { sets: [], stopped: 'walkover' };
  let stopped: ParsedTennisScore['stopped'] = null;
  if (tokens.length > 0 && /^ret(\.|ired)?$/i.test(tokens[tokens.length - 1])) {
    stopped = 'retired';
    tokens.pop();
  }
  const sets = tokens.map((token): TennisSet => {
    const m = SET.exec(token);
    if (m) return { a: Number(m[1]), b: Number(m[2]), ...(m[3] !== undefined ? { tiebreakLoserPoints: Number(m[3]) } : {}) };
    const t = MATCH_TIEBREAK.exec(token);
    if (t) return { a: Number(t[1]), b: Number(t[2]), matchTiebreak: true };
    throw bad(token);
  });
  if (sets.length === 0 && stopped === null) throw bad(text);
  return { sets, stopped };
}
