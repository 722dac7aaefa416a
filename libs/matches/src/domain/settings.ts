import type { BestOf } from './best-of';
import { MatchesDomainError, MatchesErrorCode } from './matches-error';
import type { PointsRule, TieBreak } from './round-robin';
import { SWISS_TIE_BREAKS } from './swiss-tiebreaks';
import type { TennisFormat } from './tennis-score';

export type Sport = 'tennis' | 'esports' | 'go' | 'chess' | 'table_tennis' | 'other';
export type Format = 'single_elimination' | 'double_elimination' | 'round_robin' | 'groups_knockout' | 'swiss';

/** A match item's choices; what a format does not use is ignored. */
export interface MatchSettings {
  sport: Sport;
  /** Tennis: sets and the deciding set (ITF Rules of Tennis, rule 6 and appendix V). */
  tennis?: TennisFormat;
  /** E-sports and other game series: best of N games. */
  bestOf?: BestOf;
  /** Single elimination: a match for third place; without it the semi-final losers share third. */
  thirdPlace?: boolean;
  /** Double elimination: the grand final once, or with a reset when the winners' side loses it. */
  grandFinal?: 'simple' | 'double';
  /** Round robin: number of groups (1 = everyone plays everyone). */
  groups?: number;
  /** Groups feeding a knockout: how many of each group go through. */
  advance?: number;
  points?: PointsRule;
  tieBreaks?: TieBreak[];
  /** Swiss: rounds to play. */
  rounds?: number;
  /** Swiss tie-breaks in order, and the edition of the rules that defines them. */
  swissTieBreaks?: string[];
  edition?: string;
  /** Go McMahon bars, in the entrants' rating (grade) units: see mcmahonStartScore. */
  mcmahon?: McMahonBars;
  /** Draws allowed (round robin, Swiss); never in a knockout, where someone must go through. */
  draws?: boolean;
  /** Minutes a match holds its court and its players in the order of play. */
  slotMinutes?: number;
}

export interface McMahonBars {
  /** Grades at or above the bar all start level, on the bar's score. */
  bar: number;
  /** Grades at or below the floor all start on 0. */
  floor: number;
}

/**
 * A player's McMahon start score (EGF Tournament System Rules, McMahon system): one point a grade
 * above the floor, everyone at or below the floor on 0, everyone at or above the bar level with it.
 * An unrated player starts on the floor.
 */
export function mcmahonStartScore(rating: number | null, bars: McMahonBars): number {
  if (rating === null || rating === undefined) return 0;
  return Math.min(Math.max(rating, bars.floor), bars.bar) - bars.floor;
}

const SPORTS: Sport[] = ['tennis', 'esports', 'go', 'chess', 'table_tennis', 'other'];
const TIE_BREAKS: TieBreak[] = ['head_to_head_points', 'head_to_head_difference', 'game_difference', 'games_won', 'wins'];

function bad(field: string, message: string): MatchesDomainError {
  return new MatchesDomainError(MatchesErrorCode.BadSettings, `赛制设置 ${field} 无效：${message}`, { field: `settings.${field}` });
}

const isInt = (n: unknown, lo: number, hi: number): n is number => typeof n === 'number' && Number.isInteger(n) && n >= lo && n <= hi;

/** Checks and completes a match item's settings for its format; throws naming the first bad field. */
export function checkSettings(format: Format, raw: unknown): MatchSettings {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw bad('', '须为对象');
  const s = raw as Record<string, unknown>;
  if (!SPORTS.includes(s.sport as Sport)) throw bad('sport', `须为 ${SPORTS.join('/')} 之一`);
  const out: MatchSettings = { sport: s.sport as Sport };
  if (out.sport === 'tennis') {
    const t = (s.tennis ?? { bestOf: 3, finalSet: 'tiebreak_set' }) as Record<string, unknown>;
    if (t.bestOf !== 3 && t.bestOf !== 5) throw bad('tennis.bestOf', '网球只有三盘两胜或五盘三胜');
    if (t.finalSet !== 'tiebreak_set' && t.finalSet !== 'match_tiebreak') throw bad('tennis.finalSet', '须为 tiebreak_set 或 match_tiebreak');
    out.tennis = { bestOf: t.bestOf, finalSet: t.finalSet };
  }
  if (s.bestOf !== undefined) {
    if (![1, 3, 5, 7].includes(s.bestOf as number)) throw bad('bestOf', '只支持 1/3/5/7');
    out.bestOf = s.bestOf as BestOf;
  }
  out.draws = s.draws === true;
  if (s.slotMinutes !== undefined) {
    if (!isInt(s.slotMinutes, 5, 600)) throw bad('slotMinutes', '须为 5–600 的整数（分钟）');
    out.slotMinutes = s.slotMinutes;
  }
  if (out.draws && (format === 'single_elimination' || format === 'double_elimination')) throw bad('draws', '淘汰赛不能有平局');
  if (format === 'single_elimination') out.thirdPlace = s.thirdPlace === true;
  if (format === 'double_elimination') {
    const g = s.grandFinal ?? 'simple';
    if (g !== 'simple' && g !== 'double') throw bad('grandFinal', '须为 simple 或 double');
    out.grandFinal = g;
  }
  if (format === 'round_robin' || format === 'groups_knockout') {
    const groups = s.groups ?? 1;
    if (!isInt(groups, 1, 64)) throw bad('groups', '须为 1–64 的整数');
    out.groups = groups;
    const p = (s.points ?? { win: 2, draw: 1, loss: 0 }) as Record<string, unknown>;
    if (!['win', 'draw', 'loss'].every((k) => typeof p[k] === 'number' && Number.isFinite(p[k]))) throw bad('points', '须含数值 win、draw、loss');
    if (!((p.win as number) >= (p.draw as number) && (p.draw as number) >= (p.loss as number))) throw bad('points', '须 win ≥ draw ≥ loss');
    out.points = { win: p.win as number, draw: p.draw as number, loss: p.loss as number };
    const tb = s.tieBreaks ?? ['head_to_head_points', 'head_to_head_difference', 'game_difference', 'games_won'];
    if (!Array.isArray(tb) || tb.some((t) => !TIE_BREAKS.includes(t as TieBreak)) || new Set(tb).size !== tb.length) throw bad('tieBreaks', `须为不重复的 ${TIE_BREAKS.join('/')}`);
    out.tieBreaks = tb as TieBreak[];
    if (format === 'groups_knockout') {
      const adv = s.advance ?? 2;
      if (!isInt(adv, 1, 8)) throw bad('advance', '须为 1–8 的整数');
      if (out.groups! * adv < 2 || (out.groups! * adv) & (out.groups! * adv - 1)) throw bad('advance', `出线人数 ${out.groups! * adv} 须为 2 的幂`);
      out.advance = adv;
      out.thirdPlace = s.thirdPlace === true;
    }
  }
  if (format === 'swiss') {
    if (!isInt(s.rounds, 1, 30)) throw bad('rounds', '须为 1–30 的整数');
    out.rounds = s.rounds;
    out.draws = s.draws !== false;
    if (s.swissTieBreaks !== undefined) {
      const known: readonly string[] = SWISS_TIE_BREAKS;
      if (!Array.isArray(s.swissTieBreaks) || s.swissTieBreaks.some((t) => !known.includes(t as string)) || new Set(s.swissTieBreaks).size !== s.swissTieBreaks.length) {
        throw bad('swissTieBreaks', `须为不重复的 ${SWISS_TIE_BREAKS.join('/')}`);
      }
      out.swissTieBreaks = s.swissTieBreaks as string[];
    }
    if (s.edition !== undefined) {
      // the edition of the FIDE tie-break regulations; without it, the one in force on the event's date
      if (s.edition !== 'fide-2024' && s.edition !== 'fide-2026') throw bad('edition', '须为 fide-2024 或 fide-2026');
      out.edition = s.edition;
    }
    if (s.mcmahon !== undefined) {
      if (out.sport !== 'go') throw bad('mcmahon', '麦克马洪制只用于围棋');
      const mm = s.mcmahon as Record<string, unknown> | null;
      if (typeof mm !== 'object' || mm === null || !isInt(mm.bar, -100, 10_000)) throw bad('mcmahon.bar', '须为整数（段级位折算的等级分）');
      if (!isInt(mm.floor, -100, 10_000) || mm.floor > mm.bar) throw bad('mcmahon.floor', '须为不高于 bar 的整数');
      out.mcmahon = { bar: mm.bar, floor: mm.floor };
    }
    const p = (s.points ?? { win: 1, draw: 0.5, loss: 0 }) as PointsRule;
    out.points = p;
  }
  return out;
}

/**
 * Lines for a knockout fed by groups (`advance` from each, in group order, each group's list best
 * first), crossed so players of one group meet as late as the draw allows: with two through,
 * A1–B2, C1–D2 … in the top half and B1–A2, D1–C2 … in the bottom (the usual crossing of
 * group winners and runners-up, as in the FIFA World Cup and UEFA group stages), so a group's
 * winner and runner-up can meet only in the final. With one through, group winners in group
 * order; with more, rank r of group g at the line a cyclic shift gives, keeping the pattern.
 */
export function crossedGroupLines<P>(groups: readonly (readonly P[])[], advance: number): P[] {
  const g = groups.length;
  if (advance === 1) return groups.map((x) => x[0]);
  if (advance === 2 && g % 2 === 0) {
    const top: P[] = [];
    const bottom: P[] = [];
    for (let i = 0; i < g; i += 2) {
      top.push(groups[i][0], groups[i + 1][1]);
      bottom.push(groups[i + 1][0], groups[i][1]);
    }
    return [...top, ...bottom];
  }
  const out: P[] = [];
  for (let r = 0; r < advance; r++) for (let i = 0; i < g; i++) out.push(groups[(i + r) % g][r]);
  return out;
}
