import { openDatabase } from './support/stack';
import { inTransaction } from '@app/database';
import type { DataSource, EntityManager } from 'typeorm';

/**
 * Sessions start in READ COMMITTED (the registration rush relies on it and asks
 * for it without a statement); every other transaction still gets REPEATABLE
 * READ. Checked by behaviour, since MariaDB's innodb_trx reports a reused
 * transaction object's old level.
 */
describe('database sessions: isolation levels', () => {
  let ds: DataSource;

  beforeAll(async () => {
    ds = await openDatabase();
    await ds.query('CREATE TABLE IF NOT EXISTS isolation_probe (id INT PRIMARY KEY, v INT NOT NULL)');
    await ds.query('REPLACE INTO isolation_probe VALUES (1, 0)');
  });

  afterAll(async () => {
    await ds?.query('DROP TABLE IF EXISTS isolation_probe');
    await ds?.destroy();
  });

  /** Reads twice with a commit by another connection in between: the same value means a snapshot (REPEATABLE READ). */
  const seesOthersCommit = async (m: EntityManager): Promise<boolean> => {
    const [before] = await m.query('SELECT v FROM isolation_probe WHERE id = 1');
    await ds.query('UPDATE isolation_probe SET v = v + 1 WHERE id = 1');
    const [after] = await m.query('SELECT v FROM isolation_probe WHERE id = 1');
    return before.v !== after.v;
  };

  it('runs every session in UTC, so NOW() and column defaults match the dates the app writes, whatever the server zone', async () => {
    const sessions = await Promise.all(Array.from({ length: 3 }, () => inTransaction(ds, (m) => m.query('SELECT @@session.time_zone AS tz'))));
    expect(sessions.map(([row]) => row.tz)).toEqual(['+00:00', '+00:00', '+00:00']);
  });

  it('runs a transaction that asks for READ COMMITTED in it, also right after a REPEATABLE READ one', async () => {
    expect(await inTransaction(ds, seesOthersCommit)).toBe(false);
    expect(await inTransaction(ds, seesOthersCommit, 1, 'READ COMMITTED')).toBe(true);
    expect(await inTransaction(ds, seesOthersCommit)).toBe(false);
    expect(await inTransaction(ds, seesOthersCommit, 1, 'READ COMMITTED')).toBe(true);
  });
});
