import { loadConfig } from '@app/config';
import { createDataSource } from '@app/composition';
import { ensureDatabase } from '@app/database';

/** Creates the database if missing and applies every pending migration. */
export async function migrate(config = loadConfig()): Promise<string[]> {
  await ensureDatabase(config);
  const ds = createDataSource(config);
  await ds.initialize();
  try {
    const applied = await ds.runMigrations({ transaction: 'each' });
    return applied.map((m) => m.name);
  } finally {
    await ds.destroy();
  }
}

if (require.main === module) {
  migrate()
    .then((names) => console.log(names.length ? `applied migrations: ${names.join(', ')}` : 'database is up to date'))
    .catch((err) => {
      console.error(`migrate: ${err instanceof Error ? err.message : err}`);
      process.exit(1);
    });
}
