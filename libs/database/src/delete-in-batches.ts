import type { DataSource } from 'typeorm';

export interface BatchedDelete {
  /** Ids of the rows to delete, `LIMIT ?` last: a plain read, so it waits on no one's locks. */
  select: string;
  params: unknown[];
  /**
   * Deletes `id IN (?)` and nothing else: a further condition can lead the server to scan past the
   * ids and wait on a row it is not deleting. So only for rows that cannot leave the selection once
   * in it (dispatched outbox rows, sent deliveries).
   */
  delete: string;
}

/**
 * Finds up to `batch` rows, deletes them by primary key, and goes on until fewer are found (or
 * `keepGoing` says stop), each statement its own short transaction: pruning a month of rows never
 * holds locks or grows the undo log the way one large delete would, and the delete touches only the
 * rows found, never one another transaction holds (a pending row the outbox relay has locked, say).
 * Returns the rows deleted.
 */
export async function deleteInBatches(ds: DataSource, q: BatchedDelete, batch: number, keepGoing: () => boolean = () => true): Promise<number> {
  let total = 0;
  for (;;) {
    const ids = ((await ds.query(q.select, [...q.params, batch])) as { id: number | string }[]).map((r) => r.id);
    if (ids.length) total += ((await ds.query(q.delete, [ids])) as { affectedRows: number }).affectedRows;
    if (ids.length < batch || !keepGoing()) return total;
  }
}
