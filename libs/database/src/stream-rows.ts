import type { DataSource } from 'typeorm';

/**
 * The rows of one read as the server sends them, on a connection of the pool's held until the
 * last row: a read of hundreds of thousands of rows (a night's scans for a download) then never
 * sits in memory whole. The driver pauses the connection while the caller is busy with a row.
 * Leaving the loop early discards the rest of the rows before the connection is used again.
 */
export async function* streamRows<T>(dataSource: DataSource, sql: string, params: unknown[] = []): AsyncGenerator<T> {
  const runner = dataSource.createQueryRunner();
  try {
    for await (const row of await runner.stream(sql, params)) yield row as T;
  } finally {
    await runner.release();
  }
}
