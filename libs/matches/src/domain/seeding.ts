import { type Lot, shuffleByLot } from './lot';
import { MatchesDomainError, MatchesErrorCode } from './matches-error';

/**
 * Draw lines (1-based, top to bottom) for each seed group of a single-elimination draw of `size`
 * lines, as ITF draws place seeds. ITF Pro Circuit Rulebook (2015, ITF Women's Circuit,
 * "Placement of Seeds in the Main Draw", http://itf.uberflip.com/i/464146/68): "Place Seed 1 on
 * line 1 and Seed 2 on line 16 (16 draw) or line 32 (32 draw)"; seeds 3 and 4 drawn as a pair,
 * the first drawn to the top half (line 5 in a 16 draw, 9 in a 32 draw), the second to the
 * bottom half (12, 24); seeds 5–8 drawn as a group of four to lines 8, 16, 17, 25 of a 32 draw.
 * Drawing seeds onto a group's lines and shuffling a group's lines by lot are the same lot.
 * Groups past 5–8 (9–16 in a 64 draw…) follow the rule below; the rulebook quoted stops at 32.
 * Group 0 is seed 1, group 1 seed 2, group 2 seeds 3–4, group 3 seeds 5–8, and so on.
 *
 * The rule behind those tables: each segment of the draw gets one seed, at an end of the
 * segment. Seed 1 tops the draw and seed 2 ends it. A quarter without a seed gets its seed on the
 * line next to the seeded quarter beside it; every smaller segment gets its seed on the line
 * farthest from the seeded segment beside it, so seeds meet as late as their rank says.
 */
export function seedLineGroups(size: number, groups: number): number[][] {
  const out: number[][] = [[1], [size]];
  // seeded line per segment at the current level; level 1 = halves
  let segments: { lo: number; hi: number; seed: number }[] = [
    { lo: 1, hi: size / 2, seed: 1 },
    { lo: size / 2 + 1, hi: size, seed: size },
  ];
  for (let level = 2; out.length < groups; level++) {
    const lines: number[] = [];
    const next: typeof segments = [];
    for (const { lo, hi, seed } of segments) {
      const mid = (lo + hi - 1) / 2;
      const top = { lo, hi: mid };
      const bottom = { lo: mid + 1, hi };
      const seededTop = seed <= mid;
      const empty = seededTop ? bottom : top;
      const near = level === 2;
      // bottom half empty: its near end is its top line; top half empty: its near end is its bottom line
      const line = seededTop === near ? empty.lo : empty.hi;
      lines.push(line);
      next.push({ ...(seededTop ? top : bottom), seed }, { ...empty, seed: line });
    }
    out.push(lines.sort((x, y) => x - y));
    segments = next;
  }
  return out.slice(0, groups);
}

export interface DrawInput<P> {
  /** Seeded players, best first: seeds[0] is seed 1. */
  seeds: readonly P[];
  /** Everyone else, in any order: the lot places them. */
  unseeded: readonly P[];
  /** Lines in the draw; the next power of two at or above the field when omitted. */
  size?: number;
}

/** Line i (index i, line i+1) holds a player or a bye (null). */
export type DrawLines<P> = (P | null)[];

const isPowerOfTwo = (n: number) => Number.isInteger(n) && n >= 2 && (n & (n - 1)) === 0;
const partner = (line: number) => (line % 2 === 1 ? line + 1 : line - 1);

/**
 * A single-elimination draw. Seeds go to their groups' lines (seed 1 and 2 fixed, each later
 * group drawn by lot among its lines). Byes (size − field) face the seeds in seed order (same
 * rulebook: "If there are byes they shall be given to the seeds in descending order and
 * thereafter byes are drawn for placement in the draw so as to be distributed equally in the
 * sections of the draw"); byes beyond the seeds face the lines the next seed groups would take,
 * drawn by lot, so they spread evenly through the draw. The unseeded fill the remaining lines by
 * lot. Every random choice goes through `lot`, so a recorded lot replays the same draw.
 */
export function makeDraw<P>(input: DrawInput<P>, lot: Lot): DrawLines<P> {
  const field = input.seeds.length + input.unseeded.length;
  let size = input.size ?? 2;
  if (input.size === undefined) while (size < field) size *= 2;
  if (!isPowerOfTwo(size)) throw new MatchesDomainError(MatchesErrorCode.BadDraw, `签表位置数须为 2 的幂：${size}`, { size });
  // more byes than half the draw would pair byes against each other in the first round
  if (field > size || field < 2 || field <= size / 2) throw new MatchesDomainError(MatchesErrorCode.BadDraw, `${field} 人无法排入 ${size} 签位`, { size, field });
  if (input.seeds.length > size / 2) throw new MatchesDomainError(MatchesErrorCode.BadDraw, `种子数 ${input.seeds.length} 超过签位的一半`, { size, seeds: input.seeds.length });
  const byes = size - field;

  // Lines in placing order: seeds' lines (lot within each group), then the next groups' lines for byes.
  const groups = seedLineGroups(size, Math.log2(size));
  const order: number[] = [];
  for (const g of groups) {
    if (order.length >= Math.max(input.seeds.length, byes)) break;
    order.push(...(g.length > 1 ? shuffleByLot(g, lot) : g));
  }
  const lines: DrawLines<P> = new Array<P | null>(size).fill(null);
  const taken = new Set<number>();
  input.seeds.forEach((p, i) => {
    lines[order[i] - 1] = p;
    taken.add(order[i]);
  });
  for (let i = 0; i < byes; i++) taken.add(partner(order[i]));
  const free = shuffleByLot(
    Array.from({ length: size }, (_, i) => i + 1).filter((l) => !taken.has(l)),
    lot,
  );
  input.unseeded.forEach((p, i) => {
    lines[free[i] - 1] = p;
  });
  return lines;
}
