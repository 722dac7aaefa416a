import type { AppConfig } from '@app/config';
import { isConnectionError, ServiceUnreachableError } from '@app/common';
import Redis from 'ioredis';
import { createConnection } from 'mysql2/promise';

/** Checks MySQL and Redis before the app starts, so an outage reads as one line naming the service. */
export async function assertReachable(config: AppConfig): Promise<void> {
  try {
    const conn = await createConnection({
      ...config.dbEndpoint,
      user: config.DB_USER,
      password: config.DB_PASSWORD,
      database: config.DB_NAME,
      connectTimeout: 3000,
    });
    await conn.end();
  } catch (err) {
    if (isConnectionError(err)) throw new ServiceUnreachableError('MySQL', config.dbAddress, err);
    if ((err as { errno?: number }).errno === 1049) {
      throw new Error(`database "${config.DB_NAME}" does not exist on ${config.dbAddress}; create it and apply migrations with: npm run migration:run`);
    }
    throw err;
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
