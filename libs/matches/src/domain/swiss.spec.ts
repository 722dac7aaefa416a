import { recordingLot } from './lot';
import { MatchesErrorCode } from './matches-error';
import { checkManualRound, pairSwissRound, preference, type Seat, type SwissEntrant, type WeightedMatcher } from './swiss';

/** A plain perfect matching by search, standing in for tournament-pairings (an ES module jest does not load). */
const searchMatcher: WeightedMatcher = (pool) => {
  const left = new Set(pool.map((p) => p.id));
  const avoid = new Map(pool.map((p) => [p.id, new Set(p.avoid)]));
  const out: [string, string][] = [];
  const go = (): boolean => {
    const [a] = left;
    if (a === undefined) return true;
    left.delete(a);
    for (const b of [...left]) {
      if (avoid.get(a)!.has(b)) continue;
      left.delete(b);
      out.push([a, b]);
      if (go()) return true;
      out.pop();
      left.add(b);
    }
    left.add(a);
    return false;
  };
  return go() ? out : null;
};

interface Sim {
  entrants: Map<string, SwissEntrant & { opponents: string[]; seats: Seat[] }>;
  byes: Map<string, number>;
}

function simulate(n: number, rounds: number, seed: number, matcher = searchMatcher) {
  const lot = recordingLot(seed);
  const sim: Sim = { entrants: new Map(), byes: new Map() };
  for (let i = 1; i <= n; i++) sim.entrants.set(`P${i}`, { id: `P${i}`, score: 0, rank: i, opponents: [], seats: [], hadBye: false });
  const history: { round: number; boards: { first: string; second: string }[]; bye: string | null }[] = [];
  for (let r = 1; r <= rounds; r++) {
    const pairing = pairSwissRound([...sim.entrants.values()], matcher);
    history.push({ round: r, ...pairing });
    for (const b of pairing.boards) {
      const f = sim.entrants.get(b.first)!;
      const s = sim.entrants.get(b.second)!;
      f.opponents.push(s.id);
      s.opponents.push(f.id);
      f.seats.push('F');
      s.seats.push('S');
      // the better-ranked player wins two times in three, a draw now and then
      const roll = lot.pick(6);
      const favourite = f.rank < s.rank ? f : s;
      const other = favourite === f ? s : f;
      if (roll < 4) favourite.score += 1;
      else if (roll < 5) other.score += 1;
      else {
        f.score += 0.5;
        s.score += 0.5;
      }
    }
    if (pairing.bye) {
      const p = sim.entrants.get(pairing.bye)!;
      p.score += 1;
      p.hadBye = true;
      p.seats.push(null);
      sim.byes.set(p.id, (sim.byes.get(p.id) ?? 0) + 1);
    }
  }
  return { sim, history };
}

describe('Swiss pairing (FIDE C.04.1 basic rules, C.04.3 Dutch system)', () => {
  it('round 1: top half against bottom half, 1–5, 2–6, 3–7, 4–8, the top player of odd boards moving first', () => {
    const players = Array.from({ length: 8 }, (_, i) => ({ id: `P${i + 1}`, score: 0, rank: i + 1, opponents: [], seats: [], hadBye: false }));
    const r = pairSwissRound(players, searchMatcher);
    expect(r.boards).toEqual([
      { first: 'P1', second: 'P5' },
      { first: 'P6', second: 'P2' },
      { first: 'P3', second: 'P7' },
      { first: 'P8', second: 'P4' },
    ]);
    expect(r.bye).toBeNull();
  });

  it('gives the bye of an odd field to the lowest-ranked player of the lowest score who has not had one', () => {
    const players = Array.from({ length: 5 }, (_, i) => ({ id: `P${i + 1}`, score: i === 4 ? 0 : 1, rank: i + 1, opponents: [], seats: [], hadBye: false }));
    expect(pairSwissRound(players, searchMatcher).bye).toBe('P5');
    players[4].hadBye = true;
    expect(pairSwissRound(players, searchMatcher).bye).toBe('P4');
  });

  it('12 players over 5 rounds, as a Go meet plays them: no pair twice, at most one bye, colours balanced', () => {
    for (const seed of [1, 2, 3, 2026]) {
      const { sim, history } = simulate(12, 5, seed);
      const pairs = history.flatMap((h) => h.boards.map((b) => [b.first, b.second].sort().join('-')));
      expect(new Set(pairs).size).toBe(pairs.length);
      for (const h of history) expect(h.boards.flatMap((b) => [b.first, b.second]).sort()).toHaveLength(12);
      for (const p of sim.entrants.values()) {
        const f = p.seats.filter((s) => s === 'F').length;
        const s = p.seats.filter((x) => x === 'S').length;
        expect(Math.abs(f - s)).toBeLessThanOrEqual(2);
        expect(p.seats.join('')).not.toMatch(/FFF|SSS/);
      }
    }
  });

  it('13 players over 7 rounds: every round has one bye, nobody twice', () => {
    const { sim, history } = simulate(13, 7, 7);
    expect(history.every((h) => h.bye !== null)).toBe(true);
    expect([...sim.byes.values()].every((n) => n === 1)).toBe(true);
    const pairs = history.flatMap((h) => h.boards.map((b) => [b.first, b.second].sort().join('-')));
    expect(new Set(pairs).size).toBe(pairs.length);
  });

  it('a round that cannot be paired by brackets is paired by the weighted matching; one that cannot be paired at all is refused', () => {
    // the top bracket pairs on its own, but leaves P5 and P6, who have met, for the last one
    const fresh = (id: string, rank: number, score: number, opponents: string[]): SwissEntrant => ({ id, score, rank, opponents, seats: rank % 2 ? ['F', 'S'] : ['S', 'F'], hadBye: false });
    const players: SwissEntrant[] = [fresh('P1', 1, 2, []), fresh('P2', 2, 2, []), fresh('P3', 3, 2, []), fresh('P4', 4, 2, []), fresh('P5', 5, 0, ['P6']), fresh('P6', 6, 0, ['P5'])];
    const r = pairSwissRound(players, searchMatcher);
    const pairs = r.boards.map((b) => [b.first, b.second].sort().join('-'));
    expect(pairs).not.toContain('P5-P6');
    expect(pairs).toHaveLength(3);
    expect(r.matchedByWeights).toBe(6);
    const exhausted = players.map((p) => ({ ...p, opponents: players.filter((q) => q !== p).map((q) => q.id) }));
    expect(() => pairSwissRound(exhausted, searchMatcher)).toThrow(expect.objectContaining({ code: MatchesErrorCode.NoPairing }));
  });

  it('colour preferences: absolute after two same or a difference of two, strong at one, mild alternation', () => {
    expect(preference(['F', 'F'])).toEqual({ seat: 'S', strength: 3 });
    expect(preference(['S', 'F', 'S'])).toEqual({ seat: 'F', strength: 2 });
    expect(preference(['F', 'S'])).toEqual({ seat: 'F', strength: 1 });
    expect(preference([null])).toEqual({ seat: null, strength: 0 });
  });

  it('reports, not refuses, a hand-made round that breaks the rules', () => {
    const players: SwissEntrant[] = [
      { id: 'A', score: 1, rank: 1, opponents: ['B'], seats: ['F'], hadBye: false },
      { id: 'B', score: 0, rank: 2, opponents: ['A'], seats: ['S'], hadBye: false },
      { id: 'C', score: 1, rank: 3, opponents: [], seats: [null], hadBye: true },
    ];
    expect(checkManualRound(players, [{ first: 'A', second: 'B' }], 'C')).toEqual(['第1台：A 与 B 已经交过手', 'C 已经轮空过']);
  });

  it('pairs 300 players over 9 rounds quickly', () => {
    const t = Date.now();
    const { history } = simulate(300, 9, 11);
    expect(history).toHaveLength(9);
    expect(Date.now() - t).toBeLessThan(10_000);
  });
});
