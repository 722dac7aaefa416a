import Decimal from 'decimal.js';
import { ResultsDomainError } from './result';
import type { MarkDirection, ResultStatus } from './types';

/**
 * BROKEN: strictly better than the record.
 * EQUALLED: exactly the record — reported separately and NOT a new record:
 *   the existing mark stands and the athlete is credited with equalling it,
 *   as World Athletics lists equalled records ("=WR") apart from new ones
 *   (World Athletics Competition Rules, Book C1.1, Rule 31 "World Records";
 *   the exact paragraph was not checked against the edition in force).
 * NOT_BROKEN: worse than the record.
 * NO_RECORD: there is no such record yet (nothing to break).
 * ESTABLISHED: there was no record and the caller asked that the best valid
 *   mark becomes the first one (a new event's 首创纪录).
 */
export type RecordOutcome = 'BROKEN' | 'EQUALLED' | 'NOT_BROKEN' | 'NO_RECORD' | 'ESTABLISHED';

export interface RecordCheckInput {
  readonly mark: string;
  readonly direction: MarkDirection;
  /** Decimal strings in the same unit as the mark; null/undefined = none exists. */
  readonly meetRecord?: string | null;
  readonly allTimeRecord?: string | null;
}

export interface RecordCheck {
  readonly meet: RecordOutcome;
  readonly allTime: RecordOutcome;
}

function parseMark(value: string, what: string): Decimal {
  let d: Decimal;
  try {
    d = new Decimal(value);
  } catch {
    throw new ResultsDomainError('INVALID_MARK', `${what}不是有效的成绩：${String(value)}`);
  }
  if (!d.isFinite()) throw new ResultsDomainError('INVALID_MARK', `${what}不是有效的成绩：${String(value)}`);
  return d;
}

/** Positive when `a` is better than `b` in this direction, 0 when equal. */
export function compareMarks(a: string, b: string, direction: MarkDirection): number {
  const c = parseMark(a, '成绩').comparedTo(parseMark(b, '成绩'));
  return direction === 'higher' ? c : -c;
}

function outcome(mark: string, record: string | null | undefined, direction: MarkDirection, establish: boolean): RecordOutcome {
  if (record === null || record === undefined) return establish ? 'ESTABLISHED' : 'NO_RECORD';
  parseMark(record, '纪录');
  const c = compareMarks(mark, record, direction);
  return c > 0 ? 'BROKEN' : c === 0 ? 'EQUALLED' : 'NOT_BROKEN';
}

/**
 * Which records one mark breaks. Strictly better only: "12.50" against a
 * record of "12.50" is EQUALLED, not BROKEN. Marks are compared as exact
 * decimals, so "12.5" equals "12.50"; rounding the mark to the precision the
 * rules require (e.g. 1/100 s, TR 19) is the caller's job.
 */
export function checkRecords(input: RecordCheckInput): RecordCheck {
  return {
    meet: outcome(input.mark, input.meetRecord, input.direction, false),
    allTime: outcome(input.mark, input.allTimeRecord, input.direction, false),
  };
}

export interface RecordCandidateRow {
  readonly entryId: string;
  readonly status: ResultStatus;
  readonly mark: string | null;
  readonly guest?: boolean;
}

export interface RecheckInput {
  readonly direction: MarkDirection;
  readonly rows: readonly RecordCandidateRow[];
  readonly meetRecord?: string | null;
  readonly allTimeRecord?: string | null;
  /** When a record is missing, the best valid mark establishes it. Default false. */
  readonly establishWhenMissing?: boolean;
  /** Guests' marks count for records. Default false: guests are outside the competition. */
  readonly guestsCanSetRecords?: boolean;
}

export interface RowRecordFlags {
  readonly entryId: string;
  readonly meet: RecordOutcome;
  readonly allTime: RecordOutcome;
}

export interface RecheckResult {
  /** One entry per row that could hold a record (status OK, a mark, not an excluded guest). */
  readonly rows: RowRecordFlags[];
  /** The meet / all-time record after this item: the new mark when broken or established, else unchanged. */
  readonly meetRecord: string | null;
  readonly allTimeRecord: string | null;
  /** The item's best valid mark, null when none. */
  readonly bestMark: string | null;
}

/**
 * Recomputes record flags for an item from its (corrected) results, e.g.
 * after a protest moves a DQ or fixes a mark. Only the item's best valid mark
 * can set a record: each record is compared once, against the record as it
 * stood before the item, so a second-best mark that also beat the old record
 * is NOT_BROKEN (it never was the record). Rows tied on the best mark share
 * the outcome: both BROKEN (joint holders of the new record) or both
 * EQUALLED. Rows are returned sorted by entryId so the output is stable.
 */
export function recheckItemRecords(input: RecheckInput): RecheckResult {
  const establish = input.establishWhenMissing ?? false;
  const candidates = input.rows.filter(
    (r) => r.status === 'OK' && r.mark !== null && r.mark !== '' && (input.guestsCanSetRecords || !r.guest),
  ) as (RecordCandidateRow & { mark: string })[];
  let best: string | null = null;
  for (const r of candidates) if (best === null || compareMarks(r.mark, best, input.direction) > 0) best = r.mark;

  const rows = candidates
    .map((r) => {
      const isBest = best !== null && compareMarks(r.mark, best, input.direction) === 0;
      const flag = (record: string | null | undefined): RecordOutcome => {
        const o = outcome(r.mark, record, input.direction, establish);
        if (isBest) return o;
        // A non-best mark that equals the old record was beaten in this very
        // item, so it equals nothing that still stands.
        return o === 'NO_RECORD' || o === 'ESTABLISHED' ? 'NO_RECORD' : 'NOT_BROKEN';
      };
      return { entryId: r.entryId, meet: flag(input.meetRecord), allTime: flag(input.allTimeRecord) };
    })
    .sort((a, b) => (a.entryId < b.entryId ? -1 : a.entryId > b.entryId ? 1 : 0));

  const after = (record: string | null | undefined): string | null => {
    if (best === null) return record ?? null;
    const o = outcome(best, record, input.direction, establish);
    return o === 'BROKEN' || o === 'ESTABLISHED' ? best : (record ?? null);
  };
  return { rows, meetRecord: after(input.meetRecord), allTimeRecord: after(input.allTimeRecord), bestMark: best };
}
