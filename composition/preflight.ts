import { type AppConfig, ConfigError } from '@app/config';
import { isConnectionError, ServiceUnreachableError } from '@app/common';
import { piiKeyFingerprint, piiKeyMismatch, readInstance, type RunQuery } from '@app/database';
import Redis from 'ioredis';
import { type Connection, createConnection } from 'mysql2/promise';

/**
 * Checks MySQL and Redis before the app starts, so an outage reads as one line naming the service,
 * and that the database was set up with the configured PII_KEY.
 */
export async function assertReachable(config: AppConfig): Promise<void> {
  let conn: Connection;
  try {
    conn = await createConnection({
      ...config.dbEndpoint,
      user: config.DB_USER,
      password: config.DB_PASSWORD,
      database: config.DB_NAME,
      connectTimeout: 3000,
    });
  } catch (err) {
    if (isConnectionError(err)) throw new ServiceUnreachableError('MySQL', config.dbAddress, err);
    if ((err as { errno?: number }).errno === 1049) {
      throw new ConfigError(`database "${config.DB_NAME}" does not exist on ${config.dbAddress}; create it and apply migrations with: npm run migration:run`);
    }
    throw err;
  }
  try {
    await assertPiiKey((sql, params) => conn.query(sql, params).then(([rows]) => rows), config);
  } finally {
    await conn.end();
  }
  const redis = new Redis({ host: config.REDIS_HOST, port: config.REDIS_PORT, lazyConnect: true, connectTimeout: 3000, retryStrategy: () => null });
  let socketError: unknown;
  redis.on('error', (err) => (socketError ??= err)); // the socket's own error (ECONNREFUSED…), not ioredis' "Connection is closed"
  try {
    await redis.connect();
    await redis.ping();
  } catch (err) {
    throw new ServiceUnreachableError('Redis', config.redisAddress, socketError ?? err);
  } finally {
    redis.disconnect();
  }
}

/**
 * Personal data encrypted under one PII_KEY is unreadable under another and its keyed hashes stop
 * matching, so a process with another key would write what nobody can read back. The database keeps
 * the key's fingerprint, recorded by the first start.
 */
async function assertPiiKey(query: RunQuery, config: AppConfig): Promise<void> {
  const mine = piiKeyFingerprint(config.PII_KEY);
  let row = await readInstance(query);
  if (row && row.piiKeyFingerprint === null) {
    // The API and the worker may start together: the first to record its key wins, the other compares.
    await query('UPDATE platform_instance SET pii_key_fingerprint = ? WHERE pii_key_fingerprint IS NULL', [mine]);
    row = await readInstance(query);
  }
  if (!row) throw new ConfigError(`database "${config.DB_NAME}" has no platform_instance table; apply migrations with: npm run migration:run`);
  if (row.piiKeyFingerprint !== mine) throw new ConfigError(piiKeyMismatch(`database "${config.DB_NAME}"`));
}
