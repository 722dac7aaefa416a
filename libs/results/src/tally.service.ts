import { insertRows, inTransaction } from '@app/database';
import { ScoringService, tallyItem } from '@app/scoring';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';

/** One result row as stored: the breakdown as its JSON text. */
interface ResultRow {
  roundId: number;
  entryId: number;
  place: number | null;
  total: string | null;
  status: string;
  breakdown: string;
}

const RESULT_COLUMNS = ['item_id', 'round_id', 'entry_id', 'place', 'total', 'status', 'breakdown', 'score_version'];

export interface TallyOutcome {
  itemId: number;
  ran: boolean;
  version: number;
  entries: number;
}

@Injectable()
export class TallyService {
  private readonly logger = new Logger(TallyService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly scoring: ScoringService,
  ) {}

  /**
   * Re-ranks one item. Tallies of one item take turns on the item's tally row;
   * a job whose version is already reflected returns at once, so a burst of
   * jobs does the work once. The new results replace the old ones in the same
   * transaction: a crash mid-tally leaves the previous results whole.
   */
  async tally(itemId: number, version: number): Promise<TallyOutcome> {
    return inTransaction(this.dataSource, async (m) => {
      await m.query('INSERT IGNORE INTO item_tallies (item_id, tallied_version, runs) VALUES (?, 0, 0)', [itemId]);
      const [state] = await m.query('SELECT tallied_version AS talliedVersion FROM item_tallies WHERE item_id = ? FOR UPDATE', [itemId]);
      if (Number(state.talliedVersion) >= version) return { itemId, ran: false, version: Number(state.talliedVersion), entries: 0 };

      // An item run in rounds is ranked round by round; each round is its own results list.
      const rounds: { id: number }[] = await m.query('SELECT id FROM item_rounds WHERE item_id = ? ORDER BY seq', [itemId]);
      const rows: ResultRow[] = [];
      let scoreVersion = version;
      for (const roundId of rounds.length ? rounds.map((r) => Number(r.id)) : [0]) {
        const data = await this.scoring.itemMarks(m, itemId, { roundId });
        if (!data) return { itemId, ran: false, version, entries: 0 };
        scoreVersion = data.version;
        for (const r of tallyItem(data)) {
          rows.push({ roundId, entryId: r.entryId, place: r.place, total: r.total, status: r.status, breakdown: JSON.stringify(r.breakdown ?? null) });
        }
      }

      await this.replaceResults(m, itemId, scoreVersion, rows);
      await m.query('UPDATE item_tallies SET tallied_version = ?, runs = runs + 1, tallied_at = NOW(3) WHERE item_id = ?', [scoreVersion, itemId]);
      this.logger.log(`tallied item ${itemId} at score version ${scoreVersion}: ${rows.length} results`);
      return { itemId, ran: true, version: scoreVersion, entries: rows.length };
    });
  }

  /**
   * Makes the item's stored results exactly `rows`, all at `version`, writing only the rows that
   * differ: after one mark changes, the entry and those it passed move and every other row stays
   * (rewriting a thousand breakdowns cost most of such a tally). Runs under the item's tally lock.
   */
  private async replaceResults(m: EntityManager, itemId: number, version: number, rows: ResultRow[]): Promise<void> {
    const key = (r: { roundId: number; entryId: number }) => `${r.roundId}:${r.entryId}`;
    // CAST: the JSON text as stored, not parsed by the driver, to compare with the new text.
    const stored: (ResultRow & { id: number })[] = await m.query(
      'SELECT id, round_id AS roundId, entry_id AS entryId, place, total, status, CAST(breakdown AS CHAR) AS breakdown FROM item_results WHERE item_id = ?',
      [itemId],
    );
    const before = new Map(stored.map((r) => [key({ roundId: Number(r.roundId), entryId: Number(r.entryId) }), r]));
    const changed = rows.filter((r) => {
      const old = before.get(key(r));
      before.delete(key(r));
      return !old || old.place !== r.place || old.total !== r.total || old.status !== r.status || old.breakdown !== r.breakdown;
    });
    if (before.size) await m.query('DELETE FROM item_results WHERE id IN (?)', [[...before.values()].map((r) => r.id)]);
    if (stored.length > before.size) await m.query('UPDATE item_results SET score_version = ? WHERE item_id = ?', [version, itemId]);
    await insertRows(
      m,
      'item_results',
      RESULT_COLUMNS,
      changed.map((r) => [itemId, r.roundId, r.entryId, r.place, r.total, r.status, r.breakdown, version]),
      { updateOnDuplicate: ['place', 'total', 'status', 'breakdown', 'score_version'] },
    );
  }
}
