import { MatchesDomainError, MatchesErrorCode } from './matches-error';
import type { SwissRoundRecord } from './swiss-tiebreaks';

/**
 * FIDE TRF-16 (Tournament Report File, FIDE Handbook C.04 Annex 2 "TRF16"), the file arbiters
 * exchange. Player lines start "001"; every field sits at fixed columns, and a column is a
 * character, not a byte: a Chinese name of 3 characters takes 3 columns of its 33 (a byte count
 * would shift every later field of that line). Positions below are 1-based, inclusive.
 *
 *   1–3 "001"   5–8 start rank   10 sex   11–13 title   15–47 name   49–52 rating
 *   54–56 federation   58–68 FIDE id   70–79 birth date   81–84 points   86–89 rank
 *   round n: 92+10(n−1)…95+10(n−1) opponent's start rank (0000: none), 97+10(n−1) colour (w/b/-),
 *   99+10(n−1) result.
 * Results: 1 0 = played; W D L played, not rated; + − forfeit win/loss; H half-point bye,
 * F full-point bye, U pairing-allocated bye (a win), Z zero-point bye.
 */
export interface TrfRound {
  opponent: number | null;
  colour: 'w' | 'b' | null;
  result: string;
}

export interface TrfPlayer {
  startRank: number;
  sex: string;
  title: string;
  name: string;
  rating: number | null;
  federation: string;
  fideId: string;
  birth: string;
  points: number;
  rank: number;
  rounds: TrfRound[];
}

export interface TrfTournament {
  name: string;
  city: string;
  startDate: string;
  endDate: string;
  players: TrfPlayer[];
}

const chars = (s: string) => Array.from(s);
/** Characters from..to (1-based, inclusive) of a line, trimmed. */
const field = (line: string[], from: number, to: number) => line.slice(from - 1, to).join('').trim();

function put(line: string[], from: number, to: number, value: string, align: 'left' | 'right' = 'left'): void {
  const width = to - from + 1;
  let v = chars(value).slice(0, width);
  const pad = new Array<string>(width - v.length).fill(' ');
  v = align === 'right' ? [...pad, ...v] : [...v, ...pad];
  while (line.length < to) line.push(' ');
  for (let i = 0; i < width; i++) line[from - 1 + i] = v[i];
}

const RESULTS = new Set(['1', '0', '=', 'W', 'D', 'L', '+', '-', 'H', 'F', 'U', 'Z']);

export function parseTrf(text: string): TrfTournament {
  const t: TrfTournament = { name: '', city: '', startDate: '', endDate: '', players: [] };
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = chars(raw);
    const code = field(line, 1, 3);
    const rest = line.slice(4).join('').trim();
    if (code === '012') t.name = rest;
    else if (code === '022') t.city = rest;
    else if (code === '042') t.startDate = rest;
    else if (code === '052') t.endDate = rest;
    else if (code === '001') {
      const startRank = Number(field(line, 5, 8));
      if (!Number.isInteger(startRank) || startRank < 1) throw bad(index, '起始序号（第5–8列）');
      const rounds: TrfRound[] = [];
      for (let c = 92; c <= line.length; c += 10) {
        const opp = field(line, c, c + 3);
        const colour = field(line, c + 5, c + 5);
        const result = field(line, c + 7, c + 7);
        if (!opp && !colour && !result) break;
        if (!RESULTS.has(result)) throw bad(index, `第${(c - 92) / 10 + 1}轮结果「${result}」`);
        const o = Number(opp || '0');
        rounds.push({ opponent: o > 0 ? o : null, colour: colour === 'w' || colour === 'b' ? colour : null, result });
      }
      const rating = Number(field(line, 49, 52));
      t.players.push({
        startRank,
        sex: field(line, 10, 10),
        title: field(line, 11, 13),
        name: field(line, 15, 47),
        rating: rating > 0 ? rating : null,
        federation: field(line, 54, 56),
        fideId: field(line, 58, 68),
        birth: field(line, 70, 79),
        points: Number(field(line, 81, 84) || '0'),
        rank: Number(field(line, 86, 89) || '0'),
        rounds,
      });
    }
  });
  if (!t.players.length) throw new MatchesDomainError(MatchesErrorCode.BadTrf, 'TRF 文件中没有选手行（001）', { field: 'trf' });
  return t;
}

function bad(index: number, what: string): MatchesDomainError {
  return new MatchesDomainError(MatchesErrorCode.BadTrf, `TRF 第${index + 1}行的${what}无效`, { field: 'trf', line: index + 1 });
}

const pts = (n: number) => (Number.isInteger(n) ? `${n}.0` : String(n));

export function writeTrf(t: TrfTournament): string {
  const out: string[] = [`012 ${t.name}`, `022 ${t.city}`, `042 ${t.startDate}`, `052 ${t.endDate}`, `062 ${t.players.length}`];
  for (const p of t.players) {
    const line: string[] = [];
    put(line, 1, 3, '001');
    put(line, 5, 8, String(p.startRank), 'right');
    put(line, 10, 10, p.sex);
    put(line, 11, 13, p.title, 'right');
    put(line, 15, 47, p.name);
    put(line, 49, 52, p.rating ? String(p.rating) : '', 'right');
    put(line, 54, 56, p.federation);
    put(line, 58, 68, p.fideId, 'right');
    put(line, 70, 79, p.birth);
    put(line, 81, 84, pts(p.points), 'right');
    put(line, 86, 89, String(p.rank), 'right');
    p.rounds.forEach((r, i) => {
      const c = 92 + 10 * i;
      put(line, c, c + 3, r.opponent ? String(r.opponent) : '0000', 'right');
      put(line, c + 5, c + 5, r.colour ?? '-');
      put(line, c + 7, c + 7, r.result);
    });
    out.push(line.join('').trimEnd());
  }
  return `${out.join('\n')}\n`;
}

/** A TRF result as the tie-break records read it (points of a win 1, a draw ½). */
export function trfRecord(round: number, r: TrfRound): SwissRoundRecord {
  const played = ['1', '0', '=', 'W', 'D', 'L'].includes(r.result) && r.opponent !== null;
  const points = { '1': 1, W: 1, '+': 1, F: 1, U: 1, '=': 0.5, D: 0.5, H: 0.5 }[r.result as '1'] ?? 0;
  return { round, opponent: r.opponent === null ? null : String(r.opponent), points, played };
}

/** Every player's rounds, keyed by start rank, for swissStandings. */
export function trfRecords(t: TrfTournament): Map<string, SwissRoundRecord[]> {
  return new Map(t.players.map((p) => [String(p.startRank), p.rounds.map((r, i) => trfRecord(i + 1, r))]));
}
