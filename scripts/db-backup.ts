import { createWriteStream, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { createGzip } from 'node:zlib';
import { type AppConfig, loadConfig } from '@app/config';
import { runTool } from './db-tools';

/** `20260501-083000`: the Beijing date and time a backup was taken, for its file name. */
function beijingStamp(at = new Date()): string {
  const iso = new Date(at.getTime() + 8 * 3600_000).toISOString();
  return `${iso.slice(0, 10).replaceAll('-', '')}-${iso.slice(11, 19).replaceAll(':', '')}`;
}

/**
 * `npm run db:backup [-- FILE]`: a consistent dump of the configured database (one snapshot of every
 * table, taken without locking the apps out: --single-transaction), with routines and triggers, to
 * FILE or to backups/<database>-<Beijing date-time>.sql.gz. Gzipped when the name ends in .gz. The
 * dump is written beside its final name and renamed once complete, so a file with that name is
 * never a cut-off dump. PII_KEY and JWT_SECRET are not in it: keep them apart from the backups.
 */
export async function backup(config: AppConfig, target?: string): Promise<{ file: string; bytes: number }> {
  const file = resolve(target ?? join('backups', `${config.DB_NAME}-${beijingStamp()}.sql.gz`));
  mkdirSync(dirname(file), { recursive: true });
  const partial = `${file}.partial`;
  const args = [
    '--single-transaction',
    '--routines',
    '--triggers',
    // Encrypted personal data is binary: as hex it survives any client character set.
    '--hex-blob',
    '--no-tablespaces',
    ...(config.DB_TYPE === 'mysql' ? ['--set-gtid-purged=OFF'] : []),
    config.DB_NAME,
  ];
  try {
    await runTool(config, 'dump', args, { output: [...(file.endsWith('.gz') ? [createGzip()] : []), createWriteStream(partial)] });
    renameSync(partial, file);
  } catch (err) {
    rmSync(partial, { force: true });
    throw err;
  }
  return { file, bytes: statSync(file).size };
}

if (require.main === module) {
  const args = process.argv.slice(2);
  Promise.resolve()
    .then(() => {
      if (args.length > 1 || args[0]?.startsWith('-')) throw new Error('usage: npm run db:backup [-- FILE]');
      return backup(loadConfig(), args[0]);
    })
    .then(({ file, bytes }) => console.log(`backed up to ${file} (${bytes < 1 << 20 ? `${Math.ceil(bytes / 1024)} KB` : `${(bytes / (1 << 20)).toFixed(1)} MB`})`))
    .catch((err) => {
      console.error(`db:backup: ${err instanceof Error ? err.message : err}`);
      process.exit(1);
    });
}
