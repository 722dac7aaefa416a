/** Plain-data shapes shared by the award rules. */

/** NM: started but no valid mark (three fouls, say). Only OK rows hold a place. */
export type EntryStatus = 'OK' | 'DNS' | 'DNF' | 'DQ' | 'NM';

/** One row of a ranked field: an individual, or a team with several persons. */
export interface RankedEntry {
  readonly entryId: string;
  readonly personIds: readonly string[];
  /**
   * Place on the result sheet, ranked over the whole field with guests; tied rows share a place.
   * null = not ranked. Awards go by the place the board counts instead (see awardPlaces).
   */
  readonly place: number | null;
  /** Decimal string (score, standardised score); null = no valid total. */
  readonly total: string | null;
  readonly status: EntryStatus;
  /** 特邀/表演: ranked on the sheet but out of competition: holds no award place and wins nothing. */
  readonly guest?: boolean;
  /**
   * The persons who finished, when the entry's members finish apart (a hiking team: some drop
   * out, the team still has a time). Absent: every member shares the entry's result.
   */
  readonly finishers?: readonly string[];
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
  /** A completion award: goes to the entry's finishers only (RankedEntry.finishers), not every member. */
  readonly finishersOnly?: true;
}

/** Only official status OK rows with a total can ever be awarded; guests and DNS/DNF/DQ never. */
export function isAwardable(entry: RankedEntry): boolean {
  return !entry.guest && entry.status === 'OK' && entry.total !== null && entry.total !== '';
}
