import { openDatabase } from './support/stack';
import { testEnv } from './support/test-env';
import { inTransaction, inTransactionClosing, streamRows } from '@app/database';
import type { DataSource, EntityManager } from 'typeorm';

/**
 * Sessions start in READ COMMITTED (the registration rush relies on it and asks
 * for it without a statement); every other transaction still gets REPEATABLE
 * READ. Checked by behaviour, since MariaDB's innodb_trx reports a reused
 * transaction object's old level.
 */
describe('database sessions', () => {
  let ds: DataSource;

  beforeAll(async () => {
    ds = await openDatabase();
    await ds.query('CREATE TABLE IF NOT EXISTS isolation_probe (id INT PRIMARY KEY, v INT NOT NULL)');
    await ds.query('REPLACE INTO isolation_probe VALUES (1, 0)');
    await ds.query('CREATE TABLE IF NOT EXISTS closing_probe (id INT PRIMARY KEY, note VARCHAR(20) NOT NULL)');
    await ds.query('DELETE FROM closing_probe');
  });

  afterAll(async () => {
    await ds?.query('DROP TABLE IF EXISTS isolation_probe, closing_probe');
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

  describe('a transaction that ends with its writes', () => {
    const notes = async () => (await ds.query('SELECT id, note FROM closing_probe ORDER BY id')).map((r: { id: number; note: string }) => `${r.id}:${r.note}`);

    it('commits the work and its closing statements together, in their order, and answers with the value', async () => {
      const value = await inTransactionClosing(ds, async (m) => {
        await m.query("INSERT INTO closing_probe VALUES (1, '报名')");
        return {
          value: '已提交',
          closing: [
            ["INSERT INTO closing_probe VALUES (?, ?)", [2, '录取']],
            ['UPDATE closing_probe SET note = CONCAT(note, ?) WHERE id = ?', ['·已审', 1]],
          ],
        };
      });
      expect(value).toBe('已提交');
      expect(await notes()).toEqual(['1:报名·已审', '2:录取']);
    });

    it('leaves nothing of the transaction when a closing statement fails, and its connection goes back clean', async () => {
      const failed = await inTransactionClosing(ds, async (m) => {
        await m.query("INSERT INTO closing_probe VALUES (3, '工作中')");
        return {
          value: null,
          closing: [
            ["INSERT INTO closing_probe VALUES (4, '收尾')", []],
            ["INSERT INTO closing_probe VALUES (1, '重复')", []],
          ],
        };
      }).catch((err: { errno?: number; driverError?: { errno?: number } }) => err.driverError?.errno ?? err.errno);
      expect(failed).toBe(1062);
      expect(await notes()).toEqual(['1:报名·已审', '2:录取']);
      // a connection handed back with the transaction open would commit it at its next START
      for (let i = 0; i < 12; i++) await inTransactionClosing(ds, async () => ({ value: i, closing: [] }));
      expect(await notes()).toEqual(['1:报名·已审', '2:录取']);
    });
  });

  describe('rows streamed as the server sends them', () => {
    const READ = "SELECT seq, CONCAT('第', seq, '号') AS label FROM seq_1_to_100000 ORDER BY seq";

    it('yields every row of a large read once, in its order, with its Chinese text', async () => {
      let n = 0;
      let inOrder = true;
      let last = '';
      for await (const row of streamRows<{ seq: number; label: string }>(ds, READ)) {
        inOrder &&= Number(row.seq) === ++n;
        last = row.label;
      }
      expect([n, inOrder, last]).toEqual([100000, true, '第100000号']);
    });

    it('gives its connection back when the reader stops early, and the next read there gets its own rows', async () => {
      const one = await openDatabase({ ...testEnv(), DB_POOL_SIZE: '1' });
      try {
        for (let round = 0; round < 3; round++) {
          let n = 0;
          for await (const row of streamRows<{ seq: number }>(one, READ)) if (Number(row.seq) !== ++n || n === 10) break;
          expect(n).toBe(10);
          expect(await one.query('SELECT ? AS round', [round])).toEqual([{ round }]);
        }
      } finally {
        await one.destroy();
      }
    });
  });
});
