import { loadConfig } from '@app/config';
import { freshMigratedDataSource } from '@app/composition';
import { PASSWORD_HASH_OPTIONS } from '@app/identity';
import * as argon2 from 'argon2';
import { ensureLocalServices } from './local-services';

/**
 * For the e2e tests: makes sure MySQL and Redis run, then drops and recreates
 * the configured database (its name must end in _test or _outage), applies the
 * committed migrations and adds a city federation with one admin. Runs as its
 * own process so the test runner never loads the app's modules itself.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  if (!/_(test|outage)(_[a-z0-9]+)?$/.test(config.DB_NAME)) throw new Error(`refusing to reset "${config.DB_NAME}": not a test database`);
  const [username, password] = [process.env.TEST_ADMIN_USERNAME, process.env.TEST_ADMIN_PASSWORD];
  if (!username || !password) throw new Error('set TEST_ADMIN_USERNAME and TEST_ADMIN_PASSWORD');
  await ensureLocalServices(config);
  const ds = await freshMigratedDataSource(config);
  try {
    await ds.query("INSERT INTO organisations (id, name, kind, parent_id, path) VALUES (1, '杭州市总工会', 'city', NULL, '/1/')");
    const res = await ds.query('INSERT INTO users (username, password_hash, real_name) VALUES (?, ?, ?)', [
      username,
      await argon2.hash(password, PASSWORD_HASH_OPTIONS),
      '测试管理员',
    ]);
    await ds.query("INSERT INTO role_assignments (user_id, organisation_id, role) VALUES (?, 1, 'admin')", [res.insertId]);
  } finally {
    await ds.destroy();
  }
}

main().catch((err) => {
  console.error(`test-database: ${err instanceof Error ? err.message : err}`);
  process.exit(1);
});
