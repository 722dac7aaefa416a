import type { AppConfig } from '@app/config';
import type { RedisOptions } from 'bullmq';

/** Connection for BullMQ workers: they must wait out an outage, so requests never give up. */
export function workerRedisOptions(config: AppConfig): RedisOptions {
  return { host: config.REDIS_HOST, port: config.REDIS_PORT, db: config.REDIS_DB, maxRetriesPerRequest: null };
}

/** Connection for producers and health checks: fail fast while Redis is down, the outbox keeps the work. */
export function producerRedisOptions(config: AppConfig): RedisOptions {
  return {
    host: config.REDIS_HOST,
    port: config.REDIS_PORT,
    db: config.REDIS_DB,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    connectTimeout: 2000,
    retryStrategy: (times) => Math.min(times * 200, 2000),
  };
}
