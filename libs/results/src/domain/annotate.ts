import { recheckItemRecords } from './records';
import { computeScoringPlaces } from './scoring-places';
import type { MarkDirection, ResultStatus } from './types';

export interface RankedRow {
  readonly entryId: number;
  readonly place: number | null;
  readonly total: string | null;
  readonly status: string;
}

export interface ResultContext {
  readonly guests: ReadonlySet<number>;
  readonly direction: MarkDirection;
  /** The records as they stood before the meet; null = none. */
  readonly meetRecord: string | null;
  readonly allTimeRecord: string | null;
}

export type RecordFlag = 'BROKEN' | 'EQUALLED' | null;

export interface Annotations {
  readonly scoringPlace: number | null;
  readonly meetRecord: RecordFlag;
  readonly allTimeRecord: RecordFlag;
}

const flag = (o: string): RecordFlag => (o === 'BROKEN' || o === 'EQUALLED' ? o : null);

/**
 * What one ranked round adds for standings and records, per entry: the place
 * among those who score (guests and non-OK rows skipped, ties kept) and
 * whether the mark breaks or equals a record. Re-run on every tally, so a
 * corrected result re-checks its record.
 */
export function annotateResults(rows: readonly RankedRow[], ctx: ResultContext): Map<number, Annotations> {
  const asRow = (r: RankedRow) => ({
    entryId: String(r.entryId),
    delegationId: '',
    place: r.place,
    status: r.status as ResultStatus,
    guest: ctx.guests.has(r.entryId),
    mark: r.total,
  });
  const asRows = rows.map(asRow);
  const places = computeScoringPlaces(asRows);
  const hasRecord = ctx.meetRecord !== null || ctx.allTimeRecord !== null;
  const records = hasRecord
    ? new Map(
        recheckItemRecords({ direction: ctx.direction, rows: asRows, meetRecord: ctx.meetRecord, allTimeRecord: ctx.allTimeRecord }).rows.map(
          (r) => [Number(r.entryId), r],
        ),
      )
    : undefined;
  return new Map(
    rows.map((r, i) => {
      const rec = records?.get(r.entryId);
      return [r.entryId, { scoringPlace: places[i].scoringPlace, meetRecord: rec ? flag(rec.meet) : null, allTimeRecord: rec ? flag(rec.allTime) : null }];
    }),
  );
}
