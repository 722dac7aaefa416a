import { inTransaction } from '@app/database';
import { ScoringService } from '@app/scoring';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { tallyItem } from './tally-item';

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

      const data = await this.scoring.itemMarks(m, itemId);
      if (!data) return { itemId, ran: false, version, entries: 0 };
      const results = tallyItem(data);

      await m.query('DELETE FROM item_results WHERE item_id = ?', [itemId]);
      if (results.length) {
        await m.query(
          'INSERT INTO item_results (item_id, entry_id, place, total, status, breakdown, score_version) VALUES ?',
          [results.map((r) => [itemId, r.entryId, r.place, r.total, r.status, JSON.stringify(r.breakdown ?? null), data.version])],
        );
      }
      await m.query('UPDATE item_tallies SET tallied_version = ?, runs = runs + 1, tallied_at = NOW(3) WHERE item_id = ?', [
        data.version,
        itemId,
      ]);
      this.logger.log(`tallied item ${itemId} at score version ${data.version}: ${results.length} entries`);
      return { itemId, ran: true, version: data.version, entries: results.length };
    });
  }
}
