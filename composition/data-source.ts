import { type AppConfig, loadConfig } from '@app/config';
import { dataSourceOptions, ensureDatabase, MIGRATIONS, recreateDatabase } from '@app/database';
import { DataSource } from 'typeorm';
import { ENTITIES } from './entities';

/** The data source of the migration command, the seed and the tests. */
export function createDataSource(config: AppConfig = loadConfig()): DataSource {
  return new DataSource(dataSourceOptions(config, ENTITIES, MIGRATIONS));
}

/**
 * An empty database at the committed migrations, for scratch and test use:
 * created if missing, dropped and recreated, migrated. The caller destroys it.
 */
export async function freshMigratedDataSource(config: AppConfig): Promise<DataSource> {
  await ensureDatabase(config);
  const ds = createDataSource(config);
  await ds.initialize();
  try {
    await recreateDatabase(ds, config.DB_NAME);
    await ds.runMigrations();
    return ds;
  } catch (err) {
    await ds.destroy();
    throw err;
  }
}
