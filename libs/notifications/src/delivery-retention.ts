import { deleteInBatches } from '@app/database';
import type { DataSource } from 'typeorm';

/**
 * Deletes records of external deliveries sent more than `days` ago, in batches. Pending and failed
 * ones stay whatever their age (an admin may still retry a failed one), and so does every inbox
 * message: the inbox keeps what people read.
 */
export function pruneDeliveries(ds: DataSource, days: number, batch: number, keepGoing?: () => boolean): Promise<number> {
  return deleteInBatches(
    ds,
    {
      select: "SELECT id FROM notification_deliveries WHERE status = 'sent' AND sent_at < NOW(3) - INTERVAL ? DAY LIMIT ?",
      params: [days],
      delete: 'DELETE FROM notification_deliveries WHERE id IN (?)',
    },
    batch,
    keepGoing,
  );
}
