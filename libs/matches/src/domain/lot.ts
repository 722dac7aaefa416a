import { MatchesDomainError, MatchesErrorCode } from './matches-error';

/** The drawing of lots: `pick(n)` draws one of n, 0 ≤ result < n. */
export interface Lot {
  pick(n: number): number;
}

/** A lot that keeps every draw it made, so the same draw can be replayed from the record. */
export interface RecordedLot extends Lot {
  readonly draws: readonly number[];
}

/** mulberry32: a small, well-known 32-bit PRNG; the same seed gives the same sequence on any machine. */
function mulberry32(seed: number): () => number {
  let t = seed >>> 0;
  return () => {
    t = (t + 0x6d2b79f5) >>> 0;
    let r = Math.imul(t ^ (t >>> 15), 1 | t);
    r = (r + Math.imul(r ^ (r >>> 7), 61 | r)) ^ r;
    return ((r ^ (r >>> 14)) >>> 0) / 4294967296;
  };
}

/** A seeded lot that records its draws (the record, not the seed, is what a replay needs). */
export function recordingLot(seed: number): RecordedLot {
  const next = mulberry32(seed);
  const draws: number[] = [];
  return {
    draws,
    pick(n: number) {
      const d = Math.floor(next() * n);
      draws.push(d);
      return d;
    },
  };
}

/** Replays recorded draws in order; refuses a draw out of range or one more than was recorded. */
export function replayLot(draws: readonly number[]): RecordedLot {
  let i = 0;
  return {
    draws,
    pick(n: number) {
      if (i >= draws.length) throw new MatchesDomainError(MatchesErrorCode.LotExhausted, '抽签记录已用完，无法重现', { draws: draws.length });
      const d = draws[i++];
      if (!Number.isInteger(d) || d < 0 || d >= n) throw new MatchesDomainError(MatchesErrorCode.LotExhausted, `抽签记录第${i}次 ${d} 不在 0..${n - 1} 内`, { index: i - 1 });
      return d;
    },
  };
}

/** Fisher–Yates with the lot, so a shuffle is as replayable as the lot is. */
export function shuffleByLot<T>(items: readonly T[], lot: Lot): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = lot.pick(i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}
