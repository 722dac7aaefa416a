import type { EntityManager } from 'typeorm';

/** Placeholders one statement may carry (the protocol counts them in 16 bits). */
const MAX_PLACEHOLDERS = 65_535;
const MAX_ROWS = 512;

/**
 * Inserts rows with prepared multi-row INSERTs on the manager's own connection, so inside its
 * transaction. Values travel as they are: a text INSERT escapes every quote of a long JSON
 * value in JavaScript and has the server unescape it again, which cost more than the insert
 * itself for tally results. Statements take 2^k rows (512, 256, … 1): a connection prepares
 * at most ten statements per table and column list, whatever the row counts. With
 * `updateOnDuplicate`, a row whose unique key exists updates those columns instead; with
 * `keepExisting`, it is left as it is (unlike INSERT IGNORE, other errors still fail).
 */
export async function insertRows(
  manager: EntityManager,
  table: string,
  columns: readonly string[],
  rows: readonly unknown[][],
  opts: { updateOnDuplicate?: readonly string[]; keepExisting?: boolean } = {},
): Promise<void> {
  if (!rows.length) return;
  // TypeORM runs a transaction on one mysql2 pool connection; connect() hands back that connection.
  if (!manager.queryRunner) throw new Error('insertRows needs the manager of a transaction');
  const connection = await manager.queryRunner.connect();
  const head = `INSERT INTO ${table} (${columns.join(', ')}) VALUES `;
  const tuple = `(${columns.map(() => '?').join(', ')})`;
  const tail = opts.updateOnDuplicate?.length
    ? ` ON DUPLICATE KEY UPDATE ${opts.updateOnDuplicate.map((c) => `${c} = VALUES(${c})`).join(', ')}`
    : opts.keepExisting
      ? ` ON DUPLICATE KEY UPDATE ${columns[0]} = ${columns[0]}`
      : '';
  let size = MAX_ROWS;
  while (size > 1 && size * columns.length > MAX_PLACEHOLDERS) size /= 2;
  for (let at = 0; at < rows.length; ) {
    while (size > rows.length - at) size /= 2;
    const sql = head + Array.from({ length: size }, () => tuple).join(', ') + tail;
    await connection.promise().execute(sql, rows.slice(at, at + size).flat());
    at += size;
  }
}
