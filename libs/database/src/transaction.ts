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
export function inTransaction<T>(
  dataSource: DataSource,
  work: (manager: EntityManager) => Promise<T>,
  attempts = 5,
  isolation: IsolationLevel = 'REPEATABLE READ',
): Promise<T> {
  return retried(attempts, () => (isolation === SESSION_ISOLATION ? dataSource.transaction(work) : dataSource.transaction(isolation, work)));
}

/** Runs `run` again, after a short random pause, while it fails as a deadlock victim or on a lock wait timeout. */
async function retried<T>(attempts: number, run: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
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

/** One SQL statement with its parameters. */
export type Statement = [sql: string, params: unknown[]];

/**
 * The statements a transaction ends with and its COMMIT, as one compound statement: sent in one
 * round trip, and a row they lock (a version every writer of an item bumps) is held only while
 * the server runs them, never while a busy process gets round to sending the next statement.
 * A failing statement stops the block before the COMMIT, with the transaction still open.
 */
export function closingBlock(statements: Statement[]): Statement {
  return [`BEGIN NOT ATOMIC\n${statements.map(([sql]) => `${sql};\n`).join('')}COMMIT;\nEND`, statements.flatMap(([, params]) => params)];
}

/**
 * Like inTransaction, for work that returns, besides its value, the statements to end with:
 * they go with the COMMIT in one compound statement where the server has them (MariaDB), else
 * one by one before it (MySQL, DB_TYPE mysql). Retried on a deadlock as inTransaction is; the
 * session's isolation (READ COMMITTED).
 */
export function inTransactionClosing<T>(dataSource: DataSource, work: (manager: EntityManager) => Promise<{ value: T; closing: Statement[] }>, attempts = 5): Promise<T> {
  // MariaDB runs compound statements outside stored programs (BEGIN NOT ATOMIC); MySQL does not
  const asBlock = dataSource.options.type === 'mariadb';
  return retried(attempts, async () => {
    const runner = dataSource.createQueryRunner();
    try {
      await runner.connect();
      await runner.startTransaction();
      const { value, closing } = await work(runner.manager);
      if (asBlock) {
        const [sql, params] = closingBlock(closing);
        await runner.query(sql, params);
        // the block committed: TypeORM is not to send a COMMIT or ROLLBACK of its own
        (runner as { isTransactionActive: boolean }).isTransactionActive = false;
      } else {
        for (const [sql, params] of closing) await runner.query(sql, params);
        await runner.commitTransaction();
      }
      return value;
    } catch (err) {
      if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
      throw err;
    } finally {
      await runner.release();
    }
  });
}
