import { MatchesDomainError, MatchesErrorCode } from './matches-error';

/** 'F' moved first (chess White, Go Black), 'S' second; null: no game that round (bye, absence, forfeit). */
export type Seat = 'F' | 'S' | null;

/** A player as the next round's pairing sees them. `rank`: pairing number, 1 the top (rating order). */
export interface SwissEntrant {
  id: string;
  score: number;
  rank: number;
  /** Everyone already met over the board or by forfeit: never paired again (C.04.1 b). */
  opponents: readonly string[];
  /** Seat per round played so far, oldest first; unplayed rounds are null and do not count (C.04.1 f). */
  seats: readonly Seat[];
  /** Has had a bye (or a point without playing): never another (C.04.1 d). */
  hadBye: boolean;
}

export interface SwissBoard {
  first: string;
  second: string;
}

export interface SwissRoundPairing {
  boards: SwissBoard[];
  bye: string | null;
  /** How many players the weighted matching paired because their brackets could not be paired otherwise. */
  matchedByWeights: number;
}

/**
 * A maximum-cardinality weighted matching of a pool (tournament-pairings' Swiss in the service,
 * its weights favouring equal scores and nearby ratings): pairs of ids, never a pair one of
 * whose players lists the other in `avoid`; null when the pool cannot be paired whole.
 */
export type WeightedMatcher = (pool: { id: string; score: number; rank: number; avoid: string[] }[]) => [string, string][] | null;

// ---------- colours (FIDE C.04.3 Dutch system, section A.6 and E) ----------

interface Preference {
  seat: 'F' | 'S' | null;
  /** 3 absolute, 2 strong, 1 mild, 0 none */
  strength: number;
}

/**
 * Colour difference (firsts − seconds) and the last two played seats decide the preference:
 * absolute when the difference is beyond ±1 or the last two games had the same colour; strong
 * when the difference is ±1; mild (alternate) when it is 0 after at least one game.
 */
export function preference(seats: readonly Seat[]): Preference {
  const played = seats.filter((s): s is 'F' | 'S' => s !== null);
  if (!played.length) return { seat: null, strength: 0 };
  const diff = played.filter((s) => s === 'F').length - played.filter((s) => s === 'S').length;
  const [last, before] = [played[played.length - 1], played[played.length - 2]];
  if (diff >= 2 || (last === 'F' && before === 'F')) return { seat: 'S', strength: 3 };
  if (diff <= -2 || (last === 'S' && before === 'S')) return { seat: 'F', strength: 3 };
  if (diff === 1) return { seat: 'S', strength: 2 };
  if (diff === -1) return { seat: 'F', strength: 2 };
  return { seat: last === 'F' ? 'S' : 'F', strength: 1 };
}

/** Absolute criterion C.3: two players with the same absolute colour preference do not meet. */
function coloursFit(a: SwissEntrant, b: SwissEntrant): boolean {
  const pa = preference(a.seats);
  const pb = preference(b.seats);
  return !(pa.strength === 3 && pb.strength === 3 && pa.seat === pb.seat);
}

const compatible = (a: SwissEntrant, b: SwissEntrant) => !a.opponents.includes(b.id) && !b.opponents.includes(a.id) && coloursFit(a, b);

/**
 * Who takes the first move (E rules, simplified): both preferences granted when they differ;
 * otherwise the stronger preference; at equal strength the players alternate from the last round
 * in which their colours differed; then the higher-ranked player gets their preference. With no
 * history at all (round 1) the higher-ranked player of odd boards moves first, of even boards second.
 */
export function allocateSeats(a: SwissEntrant, b: SwissEntrant, board: number): SwissBoard {
  const [hi, lo] = higher(a, b) ? [a, b] : [b, a];
  const ph = preference(hi.seats);
  const pl = preference(lo.seats);
  const give = (p: SwissEntrant, seat: 'F' | 'S'): SwissBoard => (seat === 'F' ? { first: p.id, second: (p === hi ? lo : hi).id } : { first: (p === hi ? lo : hi).id, second: p.id });
  if (ph.seat === null && pl.seat === null) return give(hi, board % 2 === 1 ? 'F' : 'S');
  if (pl.seat === null) return give(hi, ph.seat!);
  if (ph.seat === null) return give(lo, pl.seat);
  if (ph.seat !== pl.seat) return give(hi, ph.seat);
  if (ph.strength !== pl.strength) return ph.strength > pl.strength ? give(hi, ph.seat) : give(lo, pl.seat);
  // E.4: alternate from the most recent round in which they had different seats
  const n = Math.min(hi.seats.length, lo.seats.length);
  for (let i = 1; i <= n; i++) {
    const sh = hi.seats[hi.seats.length - i];
    const sl = lo.seats[lo.seats.length - i];
    if (sh && sl && sh !== sl) return give(hi, sh === 'F' ? 'S' : 'F');
  }
  return give(hi, ph.seat);
}

const higher = (a: SwissEntrant, b: SwissEntrant) => a.score > b.score || (a.score === b.score && a.rank < b.rank);

// ---------- pairing ----------

const BUDGET = 4000;
/** The lowest players of an odd bracket tried, in turn, as the one to float down. */
const FLOAT_CANDIDATES = 6;

/**
 * Pairs one bracket (players of one score, plus those floated down into it, best first) the
 * Dutch way: the top half (S1) against the bottom half (S2) in order, S1[i]–S2[i]; when that
 * breaks a rule, transpositions of S2 (tried in the order of the bracket) and then exchanges
 * between the halves, as a depth-first search that keeps S1's order and tries each S1 player's
 * S2 partners nearest to its own position first. An odd player out floats down: the lowest
 * first. Returns null when no pairing of the bracket exists within the search budget.
 */
function pairBracket(bracket: SwissEntrant[], mustFloat: number): { pairs: [SwissEntrant, SwissEntrant][]; floaters: SwissEntrant[] } | null {
  // try the candidates for floating down, lowest first (the Dutch system floats the lowest it can)
  const floatSets: SwissEntrant[][] = [];
  if (mustFloat === 0) floatSets.push([]);
  else for (let i = bracket.length - 1; i >= Math.max(0, bracket.length - FLOAT_CANDIDATES); i--) floatSets.push([bracket[i]]);
  for (const floaters of floatSets) {
    const rest = bracket.filter((p) => !floaters.includes(p));
    const half = rest.length / 2;
    const s1 = rest.slice(0, half);
    const s2 = rest.slice(half);
    let budget = BUDGET;
    // transpositions: S1 fixed, S2 permuted
    const used = new Array<boolean>(s2.length).fill(false);
    const pairs: [SwissEntrant, SwissEntrant][] = [];
    const transpose = (i: number): boolean => {
      if (i === s1.length) return true;
      if (--budget < 0) return false;
      const order = [...s2.keys()].sort((x, y) => Math.abs(x - i) - Math.abs(y - i) || x - y);
      for (const j of order) {
        if (used[j] || !compatible(s1[i], s2[j])) continue;
        used[j] = true;
        pairs.push([s1[i], s2[j]]);
        if (transpose(i + 1)) return true;
        pairs.pop();
        used[j] = false;
      }
      return false;
    };
    if (transpose(0)) return { pairs, floaters };
    // exchanges: any pairing inside the bracket, the highest remaining player first
    budget = BUDGET;
    const left = new Set(rest);
    const at = new Map(rest.map((p, i) => [p, i]));
    const out: [SwissEntrant, SwissEntrant][] = [];
    const exchange = (): boolean => {
      if (!left.size) return true;
      if (--budget < 0) return false;
      const top = rest.find((p) => left.has(p))!;
      left.delete(top);
      const ideal = at.get(top)! + half;
      const candidates = rest.filter((p) => left.has(p)).sort((x, y) => Math.abs(at.get(x)! - ideal) - Math.abs(at.get(y)! - ideal));
      for (const c of candidates) {
        if (!compatible(top, c)) continue;
        left.delete(c);
        out.push([top, c]);
        if (exchange()) return true;
        out.pop();
        left.add(c);
      }
      left.add(top);
      return false;
    };
    if (exchange()) return { pairs: out, floaters };
  }
  return null;
}

/**
 * Pairs players by score brackets from the top. A bracket that cannot be paired floats all its
 * players down into the next; when the last bracket cannot be paired, it is widened upwards with
 * the brackets above it, one at a time, until the pool can be paired (C.04.3's completion
 * requirement: the round must be paired whole): by the weighted matching while the pool is
 * small enough for it (weights prefer equal scores and nearby ranks; pairs that met before or
 * clash on colour get no edge), then by the bracket search over the widened pool.
 */
function pairField(players: SwissEntrant[], matcher: WeightedMatcher): { pairs: [SwissEntrant, SwissEntrant][]; matchedByWeights: number } | null {
  const groups: SwissEntrant[][] = [];
  for (const p of players) {
    const g = groups[groups.length - 1];
    if (g && g[0].score === p.score) g.push(p);
    else groups.push([p]);
  }
  const done: { pairs: [SwissEntrant, SwissEntrant][]; players: SwissEntrant[] }[] = [];
  let floaters: SwissEntrant[] = [];
  for (let gi = 0; gi < groups.length; gi++) {
    const bracket = [...floaters, ...groups[gi]];
    const last = gi === groups.length - 1;
    const r = pairBracket(bracket, bracket.length % 2);
    if (r && (!last || r.floaters.length === 0)) {
      done.push({ pairs: r.pairs, players: bracket.filter((p) => !r.floaters.includes(p)) });
      floaters = r.floaters;
      continue;
    }
    if (!last) {
      floaters = bracket;
      continue;
    }
    // The last bracket failed. Widen it upwards, one paired bracket at a time, and pair the
    // widened pool again: first as one bracket (the same search), then, for a pool of a size it
    // handles in time, by the weighted matching.
    let pool = bracket;
    while (true) {
      const m = weighted(pool, matcher);
      if (m) return { pairs: [...done.flatMap((d) => d.pairs), ...m], matchedByWeights: pool.length };
      if (pool !== bracket) {
        const again = pairBracket(pool, 0);
        if (again) return { pairs: [...done.flatMap((d) => d.pairs), ...again.pairs], matchedByWeights: 0 };
      }
      const up = done.pop();
      if (!up) return null;
      pool = [...up.players, ...pool];
    }
  }
  return { pairs: done.flatMap((d) => d.pairs), matchedByWeights: 0 };
}

/** Above this many players the weighted matching (cubic) is not tried: the pool widens instead. */
const WEIGHTED_MAX = 200;

function weighted(pool: SwissEntrant[], matcher: WeightedMatcher): [SwissEntrant, SwissEntrant][] | null {
  if (pool.length % 2 || pool.length > WEIGHTED_MAX) return null;
  const byId = new Map(pool.map((p) => [p.id, p]));
  // repeats and colour clashes are edges the matching must not take
  const avoid = pool.map((p) => ({ id: p.id, score: p.score, rank: p.rank, avoid: pool.filter((q) => q !== p && !compatible(p, q)).map((q) => q.id) }));
  const pairs = matcher(avoid);
  if (!pairs || pairs.length * 2 !== pool.length) return null;
  const out: [SwissEntrant, SwissEntrant][] = [];
  const seen = new Set<string>();
  for (const [x, y] of pairs) {
    const a = byId.get(x);
    const b = byId.get(y);
    // the matcher's answer is checked, not trusted: the rules hold whatever it returns
    if (!a || !b || seen.has(x) || seen.has(y) || !compatible(a, b)) return null;
    seen.add(x).add(y);
    out.push([a, b]);
  }
  return out;
}

/**
 * The next round of a Swiss (FIDE C.04.1 basic rules, C.04.3 Dutch system as above): no two
 * players meet twice; with an odd field the bye goes to the lowest-ranked player of the lowest
 * score who has not had one (C.04.1 c–d), trying the next when the rest cannot be paired; boards
 * ordered by the higher player's score, then the pair's total, then the higher player's rank
 * (C.04.2 "Pairing procedure" board order). Throws when no valid pairing exists.
 */
export function pairSwissRound(entrants: readonly SwissEntrant[], matcher: WeightedMatcher): SwissRoundPairing {
  const ranked = [...entrants].sort((a, b) => b.score - a.score || a.rank - b.rank);
  const byeCandidates = ranked.length % 2 ? [...ranked].reverse().filter((p) => !p.hadBye) : [null];
  if (!byeCandidates.length) throw new MatchesDomainError(MatchesErrorCode.NoPairing, '每人都已轮空过一次，本轮无法编排', { players: ranked.length });
  for (const bye of byeCandidates) {
    const field = bye ? ranked.filter((p) => p !== bye) : ranked;
    const r = pairField(field, matcher);
    if (!r) continue;
    const ordered = r.pairs
      .map(([a, b]) => (higher(a, b) ? [a, b] : [b, a]) as [SwissEntrant, SwissEntrant])
      .sort(([a1, b1], [a2, b2]) => a2.score - a1.score || a2.score + b2.score - (a1.score + b1.score) || a1.rank - a2.rank);
    return { boards: ordered.map(([a, b], i) => allocateSeats(a, b, i + 1)), bye: bye?.id ?? null, matchedByWeights: r.matchedByWeights };
  }
  throw new MatchesDomainError(MatchesErrorCode.NoPairing, '找不到不重复对阵的编排（轮数超过了可能的对手数）', { players: ranked.length });
}

/**
 * Checks a round paired by hand against the rules the automatic pairing keeps: everyone once, no
 * repeat, at most one bye each, no clash of absolute colour preferences. Reported, not enforced:
 * the arbiter may have reasons.
 */
export function checkManualRound(entrants: readonly SwissEntrant[], boards: readonly SwissBoard[], bye: string | null): string[] {
  const byId = new Map(entrants.map((p) => [p.id, p]));
  const seen = new Map<string, number>();
  const problems: string[] = [];
  const count = (id: string) => seen.set(id, (seen.get(id) ?? 0) + 1);
  boards.forEach((b, i) => {
    count(b.first);
    count(b.second);
    const a = byId.get(b.first);
    const c = byId.get(b.second);
    if (!a || !c) return problems.push(`第${i + 1}台有不在本项目的选手`);
    if (a.opponents.includes(c.id)) problems.push(`第${i + 1}台：${a.id} 与 ${c.id} 已经交过手`);
    if (!coloursFit(a, c)) problems.push(`第${i + 1}台：双方都必须执同一颜色`);
    const p = preference(a.seats);
    if (p.strength === 3 && p.seat === 'S') problems.push(`第${i + 1}台：${a.id} 不应再执先手`);
  });
  if (bye) {
    count(bye);
    if (byId.get(bye)?.hadBye) problems.push(`${bye} 已经轮空过`);
  }
  for (const p of entrants) if ((seen.get(p.id) ?? 0) !== 1) problems.push(`${p.id} 在本轮出现 ${seen.get(p.id) ?? 0} 次`);
  return problems;
}
