import { insertRows, inTransaction } from '@app/database';
import { ScoringService, tallyItem } from '@app/scoring';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';

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
      const rows: unknown[][] = [];
      let scoreVersion = version;
      for (const roundId of rounds.length ? rounds.map((r) => Number(r.id)) : [0]) {
        const data = await this.scoring.itemMarks(m, itemId, { roundId });
        if (!data) return { itemId, ran: false, version, entries: 0 };
        scoreVersion = data.version;
        for (const r of tallyItem(data)) {
          rows.push([itemId, roundId, r.entryId, r.place, r.total, r.status, JSON.stringify(r.breakdown ?? null), data.version]);
        }
      }

      await m.query('DELETE FROM item_results WHERE item_id = ?', [itemId]);
      await insertRows(m, 'item_results', RESULT_COLUMNS, rows);
      await m.query('UPDATE item_tallies SET tallied_version = ?, runs = runs + 1, tallied_at = NOW(3) WHERE item_id = ?', [scoreVersion, itemId]);
      this.logger.log(`tallied item ${itemId} at score version ${scoreVersion}: ${rows.length} results`);
      return { itemId, ran: true, version: scoreVersion, entries: rows.length };
    });
  }
}
