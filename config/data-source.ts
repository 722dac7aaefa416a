import { dataSourceOptions, MIGRATIONS } from '@app/database';
import { DataSource } from 'typeorm';
import { type AppConfig, loadConfig } from './app-config';
import { ENTITIES } from './entities';

/** The data source of the migration command, the seed and the tests. */
export function createDataSource(config: AppConfig = loadConfig()): DataSource {
  return new DataSource(dataSourceOptions(config, ENTITIES, MIGRATIONS));
}
