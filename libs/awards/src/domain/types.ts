/** Plain-data shapes shared by the award rules. */

export type EntryStatus = 'OK' | 'DNS' | 'DNF' | 'DQ';

/** One row of a ranked field: an individual, or a team with several persons. */
export interface RankedEntry {
  readonly entryId: string;
  readonly personIds: readonly string[];
  /** Place in the ranked field; tied rows share a place. null = not ranked. */
  readonly place: number | null;
  /** Decimal string (score, standardised score); null = no valid total. */
  readonly total: string | null;
  readonly status: EntryStatus;
}

/** What an award is. `level` 1 is the highest (一等奖 / 金奖). */
export interface AwardDefinition {
  readonly code: string;
  readonly name: string;
  readonly level: number;
  /** Honorary title granted with the award, e.g. "技术能手". */
  readonly title?: string;
  /**
   * Prize money in yuan PER PERSON (decimal string, at most 2 decimals). A
   * team award pays this amount to every member; it is not divided.
   */
  readonly prizeMoneyPerPerson?: string;
}

/** One award granted to one entry. */
export interface AwardGrant {
  readonly entryId: string;
  readonly awardCode: string;
  readonly awardName: string;
  readonly level: number;
  readonly title?: string;
  /** Per-person amount, "5000.00". */
  readonly prizeMoney?: string;
}

/** Only status OK rows with a total can ever be awarded; DNS/DNF/DQ never. */
export function isAwardable(entry: RankedEntry): boolean {
  return entry.status === 'OK' && entry.total !== null && entry.total !== '';
}
