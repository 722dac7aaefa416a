import { jsonColumn, type SqlRunner, uniqueIds } from '@app/database';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { PublicationStatus } from './domain';

/** An entry's result in a round as the tally left it. */
export interface ResultFacts {
  entryId: number;
  /** Shared by tied entries ("1, 2, 2, 4"); null when unplaced. */
  place: number | null;
  /** Exact decimal text, e.g. "86.50"; null when unscored. */
  total: string | null;
  /** OK, DNS, DNF, DQ, NM, or INCOMPLETE when the scheme could not score the entry. */
  status: string;
  /** The members (user ids) who finished, when the ranking source tells them apart (see ExternalStanding); null: every member. */
  finishers: number[] | null;
}

/**
 * Results' read port: where an item's results stand (publication, tally) and its result rows, as
 * plain rows. Awards and other contexts ask here; they never read `result_publications`,
 * `item_tallies` or `item_results`. Pass the caller's transaction to read in its snapshot.
 */
@Injectable()
export class ResultDirectory {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * The item's publication state (no row: provisional). With `lock`, the publication row stays
   * locked to the end of the caller's transaction: a publication step on the item (reopening, say)
   * waits for the caller, and the caller for it. Locking needs the caller's transaction as `sql`.
   */
  async publicationStatus(itemId: number, sql: SqlRunner = this.dataSource, options: { lock?: boolean } = {}): Promise<PublicationStatus> {
    const [row] = await sql.query(`SELECT status FROM result_publications WHERE item_id = ?${options.lock ? ' FOR UPDATE' : ''}`, [itemId]);
    return (row?.status as PublicationStatus | undefined) ?? 'PROVISIONAL';
  }

  /** The score version each item's results reflect (0: never tallied). Compare with scoring's score version. */
  async talliedVersions(itemIds: Iterable<number>, sql: SqlRunner = this.dataSource): Promise<Map<number, number>> {
    const wanted = uniqueIds(itemIds);
    const versions = new Map<number, number>(wanted.map((id) => [id, 0]));
    if (!wanted.length) return versions;
    const rows: { itemId: number; version: number }[] = await sql.query('SELECT item_id AS itemId, tallied_version AS version FROM item_tallies WHERE item_id IN (?)', [wanted]);
    for (const r of rows) versions.set(Number(r.itemId), Number(r.version));
    return versions;
  }

  /** Every entry's result in a round of an item (round 0: an item without rounds), by entry id. */
  async resultsOf(itemId: number, roundId: number, sql: SqlRunner = this.dataSource): Promise<ResultFacts[]> {
    const rows: (Omit<ResultFacts, 'finishers'> & { breakdown: unknown })[] = await sql.query(
      'SELECT entry_id AS entryId, place, total, status, breakdown FROM item_results WHERE item_id = ? AND round_id = ? ORDER BY entry_id',
      [itemId, roundId],
    );
    return rows.map((r) => ({ entryId: Number(r.entryId), place: r.place === null ? null : Number(r.place), total: r.total, status: r.status, finishers: finishersOf(r.breakdown) }));
  }
}

/** The finishers a ranking source kept with an entry's result, if it told them apart. */
function finishersOf(breakdown: unknown): number[] | null {
  const value = jsonColumn<unknown>(breakdown as string);
  const list = value && typeof value === 'object' ? (value as { finishers?: unknown }).finishers : undefined;
  return Array.isArray(list) ? list.map(Number) : null;
}
