import type { DataSource } from 'typeorm';

/**
 * Runs a `DELETE … LIMIT ?` until it deletes fewer rows than `batch` (or `keepGoing` says stop),
 * each statement its own short transaction: pruning a month of rows never holds locks, or grows
 * the undo log, the way one large delete would. `sql` ends in `LIMIT ?`; returns the rows deleted.
 */
export async function deleteInBatches(
  ds: DataSource,
  sql: string,
  params: unknown[],
  batch: number,
  keepGoing: () => boolean = () => true,
): Promise<number> {
  let total = 0;
  for (;;) {
    const res = (await ds.query(sql, [...params, batch])) as { affectedRows: number };
    total += res.affectedRows;
    if (res.affectedRows < batch || !keepGoing()) return total;
  }
}
