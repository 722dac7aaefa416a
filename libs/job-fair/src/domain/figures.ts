/**
 * A fair's conversion rates from its counts. A rate whose denominator is zero is null (nothing to
 * convert), never NaN or Infinity, so an export shows an empty cell, not a wrong number. Rates are
 * plain fractions (0.25, not 25 %); rounding is for display.
 */

export interface FairCounts {
  readonly employers: number;
  readonly positions: number;
  readonly seekers: number;
  /** Booth scans. */
  readonly visits: number;
  readonly cvsDelivered: number;
  readonly applications: number;
  /** Applications that reached each stage or a later one on the forward path. */
  readonly screened: number;
  readonly interviewed: number;
  readonly offered: number;
  readonly hired: number;
  readonly intentions: number;
}

export interface FairRates {
  readonly screenedPerCv: number | null;
  readonly interviewedPerScreened: number | null;
  readonly offeredPerInterviewed: number | null;
  readonly hiredPerOffered: number | null;
  readonly intentionsPerApplication: number | null;
  readonly hiredPerApplication: number | null;
  readonly applicationsPerSeeker: number | null;
  /** Share of the positions offered that were filled. */
  readonly hiredPerPosition: number | null;
}

export function rate(numerator: number, denominator: number): number | null {
  return denominator === 0 ? null : numerator / denominator;
}

export function fairRates(c: FairCounts): FairRates {
  return {
    screenedPerCv: rate(c.screened, c.cvsDelivered),
    interviewedPerScreened: rate(c.interviewed, c.screened),
    offeredPerInterviewed: rate(c.offered, c.interviewed),
    hiredPerOffered: rate(c.hired, c.offered),
    intentionsPerApplication: rate(c.intentions, c.applications),
    hiredPerApplication: rate(c.hired, c.applications),
    applicationsPerSeeker: rate(c.applications, c.seekers),
    hiredPerPosition: rate(c.hired, c.positions),
  };
}
