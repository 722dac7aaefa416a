import type { DataSource, EntityManager } from 'typeorm';
import type { IsolationLevel } from 'typeorm/driver/types/IsolationLevel';

// ER_LOCK_DEADLOCK and ER_LOCK_WAIT_TIMEOUT: InnoDB rolled the whole transaction
// back, so running it again from the start is safe.
const RETRYABLE = new Set([1213, 1205]);

/** Every session's isolation level, set when the pool opens the connection. */
export const SESSION_ISOLATION: IsolationLevel = 'READ COMMITTED';

/**
 * Runs `work` in one transaction and retries it when InnoDB picks it as a
 * deadlock victim. Everything the work writes, including outbox rows, commits
 * or rolls back together.
 *
 * Sessions start in READ COMMITTED (see data-source-options), so asking for it
 * costs no statement; REPEATABLE READ, the default here, is set per transaction.
 */
export async function inTransaction<T>(
  dataSource: DataSource,
  work: (manager: EntityManager) => Promise<T>,
  attempts = 5,
  isolation: IsolationLevel = 'REPEATABLE READ',
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await (isolation === SESSION_ISOLATION ? dataSource.transaction(work) : dataSource.transaction(isolation, work));
    } catch (err) {
      const errno = (err as { errno?: number; driverError?: { errno?: number } }).driverError?.errno ?? (err as { errno?: number }).errno;
      if (attempt >= attempts || !errno || !RETRYABLE.has(errno)) throw err;
      await new Promise((r) => setTimeout(r, 5 * attempt + Math.random() * 20));
    }
  }
}

/** True when a write failed on a unique key, so callers can answer 409 instead of 500. */
export function isDuplicateKey(err: unknown): boolean {
  const e = err as { errno?: number; driverError?: { errno?: number } };
  return (e.driverError?.errno ?? e.errno) === 1062;
}
