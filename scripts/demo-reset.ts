import { loadConfig } from '@app/config';
import { freshMigratedDataSource } from '@app/composition';
import { ensureLocalServices } from './local-services';
import { forgetQueuedWork } from './queue-keys';
import { runSeed } from './seed';
import { credentialLines } from './start-banner';

/**
 * `npm run demo:reset`: the demo from scratch, e.g. to get its passwords again or to seed it with
 * DEMO_PASSWORD for the guided tour. Drops the database DB_NAME with everything in it, forgets its
 * queued work, applies the migrations and seeds the demo. Refused in production. A running
 * `npm start` should be stopped first and started again after.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  if (config.NODE_ENV === 'production') throw new Error('demo:reset drops the database; it is refused in production');
  await ensureLocalServices(config);
  const ds = await freshMigratedDataSource(config);
  await ds.destroy();
  const keys = await forgetQueuedWork(config);
  console.log(`database ${config.DB_NAME}: dropped, created and migrated; ${keys} Redis keys under "${config.QUEUE_PREFIX}:" removed`);
  const credentials = await runSeed();
  if (!credentials) throw new Error('the database was not empty after the reset');
  console.log('演示数据已重建。以下账号密码只显示这一次 (demo seeded anew; passwords are shown only now):');
  console.log(credentialLines(credentials).join('\n'));
  console.log('Start the platform with `npm start`.');
}

main().catch((err) => {
  console.error(`demo:reset: ${err instanceof Error ? err.message : err}`);
  process.exit(1);
});
