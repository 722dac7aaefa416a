import { fideEditionOn, type SwissRoundRecord, swissStandings } from './swiss-tiebreaks';

type Game = [string, string | null, number, number, boolean?];

/** Records from games [first, second, points of first, points of second, played (default true)]; second null: a bye. */
function records(rounds: Game[][]): Map<string, SwissRoundRecord[]> {
  const m = new Map<string, SwissRoundRecord[]>();
  const add = (id: string, r: SwissRoundRecord) => m.set(id, [...(m.get(id) ?? []), r]);
  rounds.forEach((games, i) => {
    for (const [a, b, pa, pb, played = true] of games) {
      add(a, { round: i + 1, opponent: b, points: pa, played: b === null ? false : played });
      if (b) add(b, { round: i + 1, opponent: a, points: pb, played });
    }
  });
  return m;
}

const valuesOf = (rows: ReturnType<typeof swissStandings>) => Object.fromEntries(rows.map((r) => [r.player, r.values]));

describe('Swiss tie-breaks (FIDE C.07; EGF SOS/SOSOS/SODOS; 对手分/累进分)', () => {
  // Six players, three rounds, every game played.
  // R1 A 1-0 D, B ½ E, C 1-0 F; R2 A ½ B, C 1-0 E, D 1-0 F; R3 C 1-0 A, B 1-0 D, E 1-0 F.
  // Scores: A 1½, B 2, C 3, D 1, E 1½, F 0.
  const played = records([
    [['A', 'D', 1, 0], ['B', 'E', 0.5, 0.5], ['C', 'F', 1, 0]],
    [['A', 'B', 0.5, 0.5], ['C', 'E', 1, 0], ['D', 'F', 1, 0]],
    [['C', 'A', 1, 0], ['B', 'D', 1, 0], ['E', 'F', 1, 0]],
  ]);

  it('computes every tie-break as the regulations define it (hand computation)', () => {
    const rows = swissStandings(played, ['BH', 'BH-C1', 'BH-M1', 'SB', 'PS', 'WIN'], { rounds: 3, edition: 'fide-2024' });
    const v = valuesOf(rows);
    // A met D (1), B (2), C (3): BH 6, Cut-1 drops 1: 5, Median drops 1 and 3: 2;
    // SB = 1×1 + 2×½ + 3×0 = 2; PS = 1 + 1½ + 1½ = 4; one win.
    expect(v.A).toEqual([6, 5, 2, 2, 4, 1]);
    // E met B (2), C (3), F (0): BH 5, Cut-1 5, Median 2; SB = 2×½ + 3×0 + 0×1 = 1; PS = ½ + ½ + 1½ = 2½.
    expect(v.E).toEqual([5, 5, 2, 1, 2.5, 1]);
    // A and E share 1½ points: Buchholz puts A ahead.
    expect(rows.map((r) => [r.player, r.score, r.rank])).toEqual([
      ['C', 3, 1],
      ['B', 2, 2],
      ['A', 1.5, 3],
      ['E', 1.5, 4],
      ['D', 1, 5],
      ['F', 0, 6],
    ]);
  });

  it('direct encounter counts only games among the tied, and only when they have all met', () => {
    // A and E are level on 1½ but never met: DE does not separate them, Buchholz does.
    const rows = swissStandings(played, ['DE', 'BH'], { rounds: 3, edition: 'fide-2024' });
    expect(valuesOf(rows).A).toEqual([0, 6]);
    expect(rows.find((r) => r.player === 'A')!.rank).toBe(3);
  });

  // Unplayed rounds: R1 P 1-0 Q, R 1-0 S, T a pairing bye (1); R2 P 1-0 R, T 1-0 Q, S a half-point bye;
  // R3 P 1-0 T, Q wins by forfeit against S, R absent (not paired).
  // Scores: P 3, T 2, Q 1, R 1, S ½. Adjusted (16.3): R's absence after round 2 counts as a draw: 1½;
  // S was last present in round 1, but its forfeit has an opponent and its half bye is worth ½: ½.
  const unplayed = records([
    [['P', 'Q', 1, 0], ['R', 'S', 1, 0], ['T', null, 1, 0]],
    [['P', 'R', 1, 0], ['T', 'Q', 1, 0], ['S', null, 0.5, 0]],
    [['P', 'T', 1, 0], ['Q', 'S', 1, 0, false]],
  ]);

  it('fide-2024: an unplayed round counts a dummy opponent with the player’s own score; the cut takes an unplayed round first', () => {
    const v = valuesOf(swissStandings(unplayed, ['BH', 'BH-C1', 'WIN', 'WON'], { rounds: 3, edition: 'fide-2024' }));
    expect(v.P).toEqual([1 + 1.5 + 2, 1.5 + 2, 3, 3]); // Q 1, R 1½ (adjusted), T 2
    expect(v.T).toEqual([2 + 1 + 3, 1 + 3 + 2 - 1, 2, 1]); // bye → own 2; Q 1; P 3; cut drops Q's 1 (a bye is not a VUR)
    expect(v.Q).toEqual([3 + 2 + 1, 3 + 2, 1, 0]); // forfeit win → own 1, cut drops the lowest
    expect(v.R).toEqual([0.5 + 3 + 1, 0.5 + 3, 1, 1]); // absent round → own 1, and the cut takes it though S's ½ is lower
  });

  it('fide-2026 (events from 1 March 2026): the stand-in is capped by the opponent or by a draw each round', () => {
    const v = valuesOf(swissStandings(unplayed, ['BH'], { rounds: 3, edition: 'fide-2026' }));
    expect(v.T).toEqual([1.5 + 1 + 3]); // bye: min(own 2, ½ × 3 rounds)
    expect(v.Q).toEqual([3 + 2 + 0.5]); // forfeit: min(own 1, S's adjusted ½)
    expect(v.R).toEqual([0.5 + 3 + 1]); // absent: min(own 1, 1½)
    expect(fideEditionOn('2026-02-28')).toBe('fide-2024');
    expect(fideEditionOn('2026-03-01')).toBe('fide-2026');
  });

  it('Go: SOS, SOSOS, SODOS, 对手分 and 累进分; an unplayed round adds 0 in a Swiss, the start score in a McMahon', () => {
    const v = valuesOf(swissStandings(unplayed, ['SOS', 'SOSOS', 'SODOS', '对手分', '累进分'], { rounds: 3, edition: 'fide-2024' }));
    // T: opponents over the board Q (1) and P (3); the bye adds 0.
    expect(v.T[0]).toBe(4);
    // P: SOS = Q 1 + R 1 + T 2 = 4; SOSOS = SOS(Q) + SOS(R) + SOS(T); SODOS = all three beaten = 4; 累进分 1+2+3 = 6
    const sosQ = 3 + 2; // Q met P and T over the board; the forfeit adds 0
    const sosR = 0.5 + 3; // S and P
    expect(v.P).toEqual([4, sosQ + sosR + 4, 4, 4, 6]);
    const mm = valuesOf(swissStandings(unplayed, ['SOS'], { rounds: 3, edition: 'fide-2024', startScores: new Map([['T', 2], ['P', 3], ['Q', 1], ['R', 1], ['S', 0]]) }));
    // McMahon: scores include the start (T 4, Q 2, P 6); T's bye adds T's own start score 2
    expect(mm.T).toEqual([2 + 6 + 2]);
  });
});
