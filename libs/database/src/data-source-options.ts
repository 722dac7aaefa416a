import type { AppConfig } from '@app/config';
import type { DataSourceOptions, MixedList, EntitySchema } from 'typeorm';

/** Options shared by the apps, the migration command and the tests: utf8mb4, UTC, never synchronize. */
export function dataSourceOptions(
  config: AppConfig,
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: MixedList<Function | string | EntitySchema>,
  migrations: MixedList<Function | string> = [],
): DataSourceOptions {
  return {
    type: config.DB_TYPE,
    host: config.DB_HOST,
    port: config.DB_PORT,
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
