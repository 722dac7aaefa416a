import { MatchesDomainError, MatchesErrorCode } from './matches-error';

/** A place shared by everyone eliminated at the same point: `from` is the place they all get, `to` the last one it covers. */
export interface SharedPlace {
  from: number;
  to: number;
}

const isPowerOfTwo = (n: number) => Number.isInteger(n) && n >= 2 && (n & (n - 1)) === 0;

function checkSize(drawSize: number): number {
  if (!isPowerOfTwo(drawSize)) throw new MatchesDomainError(MatchesErrorCode.BadDraw, `签表位置数须为 2 的幂：${drawSize}`, { drawSize });
  return Math.log2(drawSize);
}

function badRound(round: number, rounds: number): MatchesDomainError {
  return new MatchesDomainError(MatchesErrorCode.BadRound, `轮次 ${round} 不在 1..${rounds} 内`, { round, rounds });
}

/**
 * Places in a single-elimination draw by the round a player lost in (1 = first round). Those who
 * lose in the same round are not played off, so they share the best place left (knockouts'
 * usual ranking, e.g. the Olympic and ITF practice of joint bronze when no third-place match is
 * played): final loser 2, semi-final losers 3 (3–4), quarter-final losers 5 (5–8), then 9 (9–16)…
 * With a third-place match the semi-final losers are placed 3 and 4 by it (`thirdPlaceWon`).
 * `round` = rounds + 1 is the winner. Places follow the draw size: byes count as lines.
 */
export function knockoutPlace(drawSize: number, round: number, thirdPlace?: { played: true; won: boolean }): SharedPlace {
  const rounds = checkSize(drawSize);
  if (!Number.isInteger(round) || round < 1 || round > rounds + 1) throw badRound(round, rounds);
  if (round === rounds + 1) return { from: 1, to: 1 };
  const left = 2 ** (rounds - round); // still in after this round
  if (round === rounds - 1 && thirdPlace?.played) return thirdPlace.won ? { from: 3, to: 3 } : { from: 4, to: 4 };
  return { from: left + 1, to: 2 * left };
}

/**
 * Places in a double-elimination draw (the standard losers' bracket, as brackets-manager builds
 * it for a power-of-two draw): a player is placed by the losers'-bracket round they were knocked
 * out in, sharing with the others knocked out there. Losers' round 1 takes the losers of the
 * winners' first round against each other, and every later pair of rounds halves the field, so
 * for 16: losers' rounds 1–6 place 13–16, 9–12, 7–8, 5–6, 4, 3; the grand final's loser is 2,
 * whether or not a reset was played. `lbRound` = 'grand_final' for the grand final.
 */
export function doubleEliminationPlace(drawSize: number, lbRound: number | 'grand_final', wonGrandFinal = false): SharedPlace {
  const k = checkSize(drawSize);
  if (drawSize < 4) throw new MatchesDomainError(MatchesErrorCode.BadDraw, '双败淘汰至少需要 4 个签位', { drawSize });
  if (lbRound === 'grand_final') return wonGrandFinal ? { from: 1, to: 1 } : { from: 2, to: 2 };
  const lbRounds = 2 * (k - 1);
  if (!Number.isInteger(lbRound) || lbRound < 1 || lbRound > lbRounds) throw badRound(lbRound, lbRounds);
  // Losers' rounds go in pairs (2j−1, 2j) of equal size: drawSize / 2^(j+1) matches each.
  let alive = drawSize;
  for (let r = 1; r <= lbRound; r++) {
    const knockedOut = drawSize / 2 ** (Math.ceil(r / 2) + 1);
    if (r === lbRound) return { from: alive - knockedOut + 1, to: alive };
    alive -= knockedOut;
  }
  throw badRound(lbRound, lbRounds); // unreachable: the loop returns at lbRound
}
