/** A counted scan as splits need it: the checkpoint's place on the route and the corrected time. */
export interface PassingScan {
  seq: number;
  at: number;
}

/** When a walker passed a checkpoint, the time since the checkpoint before, and since their start. */
export interface CheckpointSplit {
  seq: number;
  at: number;
  segmentMs: number;
  elapsedMs: number;
}

/**
 * A walker's splits from their counted scans: the earliest time at each checkpoint (an "in" and an
 * "out" at one point are one passing), in route order. The start is the walker's own start scan, or
 * the wave's gun when they slipped past the start; a checkpoint missed makes the next segment span
 * two, as the walker walked it. The start's own split is zero: the walk is measured from it.
 */
export function walkerSplits(scans: PassingScan[], gunAt: number): CheckpointSplit[] {
  const earliest = new Map<number, number>();
  for (const s of scans) earliest.set(s.seq, Math.min(s.at, earliest.get(s.seq) ?? Infinity));
  const start = earliest.get(0) ?? gunAt;
  let previous = start;
  return [...earliest.entries()]
    .sort(([a], [b]) => a - b)
    .map(([seq, at]) => {
      const split = { seq, at, segmentMs: at - previous, elapsedMs: at - start };
      previous = at;
      return split;
    });
}
