/**
 * OK: a finisher / a valid performance, placed normally.
 * DNS/DNF/DQ: did not start / did not finish / disqualified; listed after all
 * placed rows, never given a place.
 * NM: no mark (field events: no valid trial, or no height cleared); also unplaced.
 */
export type ResultStatus = 'OK' | 'DNS' | 'DNF' | 'DQ' | 'NM';
export const INPUT_STATUSES = ['OK', 'DNS', 'DNF', 'DQ'] as const;
export type InputStatus = (typeof INPUT_STATUSES)[number];

/** One ranking key beyond the total, in the order the scheme's rule applies them. */
export interface TieBreakKey {
  name: string;
  /** decimal string, or null when the contestant has no value (ranks after any value) */
  value: string | null;
  better: 'higher' | 'lower';
}

export interface SchemeResult<B = unknown> {
  /** decimal string with the configured digits, or null when there is no result (status ≠ OK) */
  total: string | null;
  status: ResultStatus;
  tieBreakKeys: TieBreakKey[];
  breakdown: B;
}
