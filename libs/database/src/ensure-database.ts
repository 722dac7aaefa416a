import type { AppConfig } from '@app/config';
import { isConnectionError, ServiceUnreachableError } from '@app/common';
import { createConnection } from 'mysql2/promise';

/** Creates the database (utf8mb4) if it does not exist, so a fresh machine needs no manual step. */
export async function ensureDatabase(config: AppConfig): Promise<void> {
  let conn;
  try {
    conn = await createConnection({
      ...config.dbEndpoint,
      user: config.DB_USER,
      password: config.DB_PASSWORD,
      connectTimeout: 5000,
    });
  } catch (err) {
    if (isConnectionError(err)) throw new ServiceUnreachableError('MySQL', config.dbAddress, err);
    throw err;
  }
  try {
    const name = config.DB_NAME.replace(/`/g, '');
    await conn.query(`CREATE DATABASE IF NOT EXISTS \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  } finally {
    await conn.end();
  }
}

/** Empties a scratch or test database by dropping and recreating it, and switches the data source to it. */
export async function recreateDatabase(ds: import('typeorm').DataSource, name: string): Promise<void> {
  const quoted = `\`${name.replace(/`/g, '')}\``;
  await ds.query(`DROP DATABASE ${quoted}`);
  await ds.query(`CREATE DATABASE ${quoted} CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  await ds.query(`USE ${quoted}`);
}
