import { type SqlRunner, uniqueIds } from '@app/database';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';

export interface RoundFacts {
  id: number;
  itemId: number;
  seq: number;
  /** Null for a final (or only) round: the round an item's places count in. A heat names how many go through. */
  final: boolean;
}

export interface LaneFacts {
  heat: number;
  lane: number;
  qualified: 'Q' | 'q' | null;
}

/**
 * Scoring's read port: an item's rounds, a round's line-up and whether an item is scored, in bulk.
 * Results and awards keep round ids in their own rows and ask here; they never read `item_rounds`,
 * `round_entries` or `item_scoring`. Round 0 stands for "no rounds". Pass the caller's transaction to
 * read in its snapshot.
 */
@Injectable()
export class RoundDirectory {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Each item's rounds in order (an item without rounds has an empty list). */
  async roundsOf(itemIds: Iterable<number>, sql: SqlRunner = this.dataSource): Promise<Map<number, RoundFacts[]>> {
    const wanted = uniqueIds(itemIds);
    const rounds = new Map<number, RoundFacts[]>(wanted.map((id) => [id, []]));
    if (!wanted.length) return rounds;
    const rows: { id: number; itemId: number; seq: number; final: number }[] = await sql.query(
      'SELECT id, item_id AS itemId, seq, qualification IS NULL AS final FROM item_rounds WHERE item_id IN (?) ORDER BY item_id, seq',
      [wanted],
    );
    for (const r of rows) rounds.get(Number(r.itemId))!.push({ id: Number(r.id), itemId: Number(r.itemId), seq: Number(r.seq), final: Number(r.final) === 1 });
    return rounds;
  }

  /** The round an item's results are final in: its last round, or 0 when it has none. */
  async lastRoundOf(itemIds: Iterable<number>, sql: SqlRunner = this.dataSource): Promise<Map<number, number>> {
    const rounds = await this.roundsOf(itemIds, sql);
    return new Map([...rounds].map(([itemId, list]) => [itemId, list.at(-1)?.id ?? 0]));
  }

  /** Heat, lane and qualification mark of entries in a round. */
  async lanes(roundId: number, entryIds?: number[], sql: SqlRunner = this.dataSource): Promise<Map<number, LaneFacts>> {
    if (!roundId || entryIds?.length === 0) return new Map();
    const rows: (LaneFacts & { entryId: number })[] = await sql.query(
      `SELECT entry_id AS entryId, heat, lane, qualified FROM round_entries WHERE round_id = ?${entryIds ? ' AND entry_id IN (?)' : ''}`,
      entryIds ? [roundId, entryIds] : [roundId],
    );
    return new Map(rows.map((r) => [Number(r.entryId), { heat: Number(r.heat), lane: Number(r.lane), qualified: r.qualified }]));
  }

  /** The items that have a scoring scheme set, with the version of their marks. */
  async scoreVersions(itemIds: Iterable<number>, sql: SqlRunner = this.dataSource): Promise<Map<number, number>> {
    const wanted = uniqueIds(itemIds);
    if (!wanted.length) return new Map();
    const rows: { itemId: number; version: number }[] = await sql.query('SELECT item_id AS itemId, score_version AS version FROM item_scoring WHERE item_id IN (?)', [wanted]);
    return new Map(rows.map((r) => [Number(r.itemId), Number(r.version)]));
  }
}
