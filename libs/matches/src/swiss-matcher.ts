import type { WeightedMatcher } from './domain';

type TournamentPairings = typeof import('tournament-pairings');

/**
 * The weighted matching for what a score bracket cannot pair: tournament-pairings' Swiss, a
 * maximum-cardinality weighted blossom over the pool (weights for equal scores, nearby ratings).
 * Pairs it must not make (repeats, colour clashes) are passed as `avoid`; its answer is checked
 * again by the domain. Any player it leaves unpaired means the pool cannot be paired whole.
 * The package is an ES module that Node's require() loads; it is required only when a round
 * needs it, so code that loads this context without pairing (test runners among them) never does.
 */
export const tournamentPairingsMatcher: WeightedMatcher = (pool) => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { Swiss } = require('tournament-pairings') as TournamentPairings;
  let matches: ReturnType<TournamentPairings['Swiss']>;
  try {
    matches = Swiss(
      pool.map((p) => ({ id: p.id, score: p.score, avoid: p.avoid, rating: -p.rank })),
      1,
      true,
    );
  } catch {
    // it fails on some pools it cannot pair whole (reading a partner the matching left out)
    return null;
  }
  const pairs: [string, string][] = [];
  for (const m of matches) {
    if (m.player2 === null || m.player1 === null) return null;
    pairs.push([String(m.player1), String(m.player2)]);
  }
  return pairs;
};
