/** Shared plain-data shapes of one competition item's ranked results. */

/** NM: no valid mark; INCOMPLETE: not enough marks yet. Only OK rows place, score and set records. */
export type ResultStatus = 'OK' | 'DNS' | 'DNF' | 'DQ' | 'NM' | 'INCOMPLETE';

/** Whether a bigger mark (distance, score) or a smaller one (time) is better. */
export type MarkDirection = 'higher' | 'lower';

export interface ItemResultRow {
  readonly entryId: string;
  readonly delegationId: string;
  /** Place as ranked by the judges over the whole field, guests included; null = not placed. */
  readonly place: number | null;
  readonly status: ResultStatus;
  /** Guests (特邀/表演) compete but score nothing and win nothing. */
  readonly guest: boolean;
  /** Decimal string in the item's unit (seconds, metres, points). */
  readonly mark?: string | null;
}

export interface ItemResults {
  readonly itemId: string;
  /** Relay and team items use the relay placing-points table. */
  readonly isRelay: boolean;
  readonly rows: readonly ItemResultRow[];
}
