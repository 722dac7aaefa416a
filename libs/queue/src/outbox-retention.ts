import { deleteInBatches } from '@app/database';
import type { DataSource } from 'typeorm';

/**
 * Deletes outbox rows dispatched more than `days` ago, in batches. A row not yet dispatched stays
 * however old it is: it is a job that has not reached Redis. The index on (dispatched_at, id) finds
 * the old rows without reading the others.
 */
export function pruneOutbox(ds: DataSource, days: number, batch: number, keepGoing?: () => boolean): Promise<number> {
  return deleteInBatches(
    ds,
    {
      select: 'SELECT id FROM outbox WHERE dispatched_at IS NOT NULL AND dispatched_at < NOW(3) - INTERVAL ? DAY ORDER BY dispatched_at LIMIT ?',
      params: [days],
      delete: 'DELETE FROM outbox WHERE id IN (?)',
    },
    batch,
    keepGoing,
  );
}
