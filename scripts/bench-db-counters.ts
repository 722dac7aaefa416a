import type { AppConfig } from '@app/config';
import { dbConnection, rowsOf } from './bench-support';

/**
 * What one database account did, counted by MariaDB itself (USER_STATISTICS, `userstat`), and the
 * server's InnoDB row-lock wait: the API processes log in as an account of their own, so their
 * statements are told apart from the worker's, the bench's and anything else the server runs.
 * A batch ends with its writes and COMMIT in one compound statement (BEGIN NOT ATOMIC … END), which
 * MariaDB counts as one statement more than those inside it: round trips are the account's
 * statements less those run inside compound statements, which the server counts as Queries but not
 * as Questions (server-wide: during a run only the API sends compound statements).
 */
export interface DbCounters {
  statements: number;
  /** the account's statements less those run inside compound statements (server-wide) */
  roundTrips: number;
  commits: number;
  rowsRead: number;
  /** InnoDB's row-lock wait in ms, server-wide */
  rowLockMs: number;
  rowLockWaits: number;
}

/** An account for the API processes with every right on the bench's database; userstat switched on. */
export async function prepareAccount(config: AppConfig, user: string, password: string): Promise<void> {
  const conn = await dbConnection(config, null);
  try {
    for (const host of ['localhost', '127.0.0.1']) {
      await conn.query(`CREATE USER IF NOT EXISTS ?@? IDENTIFIED BY ?`, [user, host, password]);
      await conn.query(`GRANT ALL ON \`${config.DB_NAME}\`.* TO ?@?`, [user, host]);
    }
    await conn.query('SET GLOBAL userstat = 1');
  } finally {
    await conn.end();
  }
}

export async function readCounters(config: AppConfig, user: string): Promise<DbCounters> {
  const conn = await dbConnection(config, null);
  try {
    const [u] = await rowsOf<Record<string, number>>(
      conn,
      'SELECT SELECT_COMMANDS + UPDATE_COMMANDS + OTHER_COMMANDS AS statements, COMMIT_TRANSACTIONS AS commits, ROWS_READ AS rowsRead FROM information_schema.USER_STATISTICS WHERE USER = ?',
      [user],
    );
    const status = await rowsOf<{ name: string; value: string }>(
      conn,
      "SELECT VARIABLE_NAME AS name, VARIABLE_VALUE AS value FROM information_schema.GLOBAL_STATUS WHERE VARIABLE_NAME IN ('INNODB_ROW_LOCK_TIME', 'INNODB_ROW_LOCK_WAITS', 'QUERIES', 'QUESTIONS')",
    );
    const of = (name: string) => Number(status.find((s) => s.name.toUpperCase() === name)?.value ?? 0);
    return {
      statements: Number(u?.statements ?? 0),
      roundTrips: Number(u?.statements ?? 0) - (of('QUERIES') - of('QUESTIONS')),
      commits: Number(u?.commits ?? 0),
      rowsRead: Number(u?.rowsRead ?? 0),
      rowLockMs: of('INNODB_ROW_LOCK_TIME'),
      rowLockWaits: of('INNODB_ROW_LOCK_WAITS'),
    };
  } finally {
    await conn.end();
  }
}

/** Per accepted entry, from counters read before and after a run. */
export function perEntry(before: DbCounters, after: DbCounters, accepted: number) {
  const per = (k: keyof DbCounters, digits = 2) => Number(((after[k] - before[k]) / Math.max(1, accepted)).toFixed(digits));
  return {
    statements_per_entry: per('statements'),
    round_trips_per_entry: per('roundTrips'),
    commits_per_entry: per('commits', 3),
    row_lock_ms_per_entry: per('rowLockMs', 3),
    row_lock_waits_per_entry: per('rowLockWaits', 3),
  };
}
