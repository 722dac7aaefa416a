import { createReadStream, existsSync, openSync, readSync, closeSync } from 'node:fs';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { type AppConfig, loadConfig } from '@app/config';
import { ensureDatabase, piiKeyFingerprint, piiKeyMismatch, readInstance, renewInstance, type RunQuery } from '@app/database';
import { type Connection, createConnection } from 'mysql2/promise';
import { runTool } from './db-tools';

export class RestoreRefused extends Error {}

/** The dump's bytes as SQL text, gunzipped when the file is gzip (by its magic bytes, whatever its name). */
function sqlStream(file: string): Readable[] {
  const head = Buffer.alloc(2);
  const fd = openSync(file, 'r');
  const n = readSync(fd, head, 0, 2, 0);
  closeSync(fd);
  const gzip = n === 2 && head[0] === 0x1f && head[1] === 0x8b;
  return gzip ? [createReadStream(file), createGunzip()] : [createReadStream(file)];
}

/**
 * The PII key fingerprint the backup's database recorded, read from the dump itself before anything
 * is loaded: null when it recorded none (never started), undefined when the dump has no
 * platform_instance row at all (taken before the table existed).
 */
async function dumpFingerprint(file: string): Promise<string | null | undefined> {
  const streams = sqlStream(file);
  const text = streams.reduce((a, b) => a.pipe(b as never));
  const lines = createInterface({ input: text, crlfDelay: Infinity });
  try {
    // mariadb-dump puts the values on the lines after the INSERT, older dumps on the same line.
    let insert: string | undefined;
    for await (const line of lines) {
      if (insert === undefined && !line.startsWith('INSERT INTO `platform_instance`')) continue;
      insert = (insert ?? '') + line;
      const m = insert.match(/VALUES\s*\('[^']*',(NULL|'([0-9a-f]{64})')/);
      if (m) return m[2] ?? null;
      if (insert.length > 4096) break;
    }
    if (insert !== undefined) throw new RestoreRefused(`cannot read the platform_instance row of ${file}`);
    return undefined;
  } finally {
    lines.close();
    streams.forEach((s) => s.destroy());
  }
}

const tablesOf = async (conn: Connection, db: string): Promise<string[]> =>
  ((await conn.query('SELECT table_name AS name FROM information_schema.tables WHERE table_schema = ?', [db]))[0] as { name: string }[]).map((r) => r.name);

/** Drops every table of a database that was empty before the restore began, so a failed load leaves it as it found it. */
async function emptyAgain(conn: Connection, db: string): Promise<void> {
  const tables = await tablesOf(conn, db);
  await conn.query('SET FOREIGN_KEY_CHECKS = 0');
  for (const t of tables) await conn.query(`DROP TABLE IF EXISTS \`${db}\`.\`${t.replace(/`/g, '')}\``);
  await conn.query('SET FOREIGN_KEY_CHECKS = 1');
}

/**
 * `npm run db:restore -- FILE [--force]`: loads a backup made by db:backup into the configured
 * database, which must be empty (created if missing) unless --force. Refused before anything is
 * written when the backup's database was set up with another PII_KEY: its personal data would be
 * unreadable. After loading, the database gets a new instance id, so its jobs never meet the ids
 * Redis keeps from before the backup was restored.
 */
export async function restore(config: AppConfig, file: string, opts: { force?: boolean } = {}): Promise<{ tables: number; instance: string | null; note?: string }> {
  if (!existsSync(file)) throw new RestoreRefused(`no such file: ${file}`);
  const recorded = await dumpFingerprint(file);
  const mine = piiKeyFingerprint(config.PII_KEY);
  if (recorded && recorded !== mine) throw new RestoreRefused(piiKeyMismatch(`the database in ${file}`));

  const conn = await createConnection({ ...config.dbEndpoint, user: config.DB_USER, password: config.DB_PASSWORD });
  try {
    const [found] = (await conn.query('SELECT 1 FROM information_schema.schemata WHERE schema_name = ?', [config.DB_NAME])) as [unknown[], unknown];
    const created = !found.length;
    if (created) await ensureDatabase(config);
    await conn.query(`USE \`${config.DB_NAME.replace(/`/g, '')}\``);
    const existing = await tablesOf(conn, config.DB_NAME);
    if (existing.length && !opts.force) {
      throw new RestoreRefused(`database "${config.DB_NAME}" already has ${existing.length} tables; restore into a new database (set DB_NAME), or add --force to load over them`);
    }
    const wasEmpty = !existing.length;
    try {
      await runTool(config, 'client', [config.DB_NAME], { input: sqlStream(file) });
      const query: RunQuery = (sql, params) => conn.query(sql, params).then(([rows]) => rows);
      const row = await readInstance(query);
      if (row?.piiKeyFingerprint && row.piiKeyFingerprint !== mine) throw new RestoreRefused(piiKeyMismatch(`the database in ${file}`));
      const instance = row ? await renewInstance(query) : null;
      const tables = (await tablesOf(conn, config.DB_NAME)).length;
      if (!row) return { tables, instance, note: 'the backup predates platform_instance: run npm run migration:run before starting' };
      return { tables, instance, note: recorded === null ? 'the backup recorded no PII key: the first start records PII_KEY' : undefined };
    } catch (err) {
      if (created) await conn.query(`DROP DATABASE \`${config.DB_NAME.replace(/`/g, '')}\``);
      else if (wasEmpty) await emptyAgain(conn, config.DB_NAME);
      throw err;
    }
  } finally {
    await conn.end();
  }
}

if (require.main === module) {
  const args = process.argv.slice(2);
  const force = args.includes('--force');
  const files = args.filter((a) => a !== '--force');
  Promise.resolve()
    .then(() => {
      if (files.length !== 1 || files[0].startsWith('-')) throw new RestoreRefused('usage: npm run db:restore -- FILE [--force]');
      const config = loadConfig();
      return restore(config, files[0], { force }).then((r) => ({ ...r, config }));
    })
    .then(({ tables, instance, note, config }) => {
      console.log(`restored ${files[0]} into database "${config.DB_NAME}" (${tables} tables)${instance ? `; new instance id ${instance}` : ''}`);
      if (note) console.log(note);
      console.log(`next: npm run migration:run, then start the API and the worker with DB_NAME=${config.DB_NAME}`);
    })
    .catch((err) => {
      console.error(`db:restore: ${err instanceof Error ? err.message : err}`);
      process.exit(1);
    });
}
