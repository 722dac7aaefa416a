import type { AppConfig } from '@app/config';
import mysql2 from 'mysql2';
import type { DataSourceOptions, MixedList, EntitySchema } from 'typeorm';
import { SESSION_ISOLATION } from './transaction';

/**
 * mysql2 whose pools start every session in READ COMMITTED. The registration rush runs in it
 * (no gap locks, no lock kept on a full quota row), and a transaction that asks for its
 * session's level sends one statement fewer. Every session also runs in UTC: NOW() and the
 * CURRENT_TIMESTAMP defaults then write the same zone as the dates the app writes (mysql2's
 * `timezone: 'Z'`), also on a server whose system zone is Asia/Shanghai, as many in China are;
 * Beijing time is for what people read, never for what is stored. A connection that cannot be
 * set is dropped; the queries run before any the pool hands the connection out for.
 */
const driver = {
  ...mysql2,
  createPool(options: mysql2.PoolOptions) {
    const pool = mysql2.createPool(options);
    pool.on('connection', (connection) => {
      connection.query(`SET SESSION TRANSACTION ISOLATION LEVEL ${SESSION_ISOLATION}`, (err) => err && connection.destroy());
      connection.query("SET SESSION time_zone = '+00:00'", (err) => err && connection.destroy());
    });
    return pool;
  },
};

/** Options shared by the apps, the migration command and the tests: utf8mb4, UTC, never synchronize. */
export function dataSourceOptions(
  config: AppConfig,
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: MixedList<Function | string | EntitySchema>,
  migrations: MixedList<Function | string> = [],
): DataSourceOptions {
  return {
    type: config.DB_TYPE,
    driver,
    host: config.DB_HOST,
    port: config.DB_PORT,
    ...(config.DB_SOCKET && { socketPath: config.DB_SOCKET }),
    username: config.DB_USER,
    password: config.DB_PASSWORD,
    database: config.DB_NAME,
    charset: 'utf8mb4_unicode_ci',
    timezone: 'Z',
    // DATE columns are calendar days (birth dates, event days): as strings they cannot shift with a time zone.
    dateStrings: ['DATE'],
    poolSize: config.DB_POOL_SIZE,
    entities,
    migrations,
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    logging: ['error', 'warn'],
    supportBigNumbers: true,
    bigNumberStrings: false,
    // mysql2's default captures a stack trace before every query: a tenth of the API's CPU under a registration rush.
    trace: false,
  };
}
