import type { AppConfig } from '@app/config';
import { workerRedisOptions } from '@app/queue';
import Redis from 'ioredis';

/**
 * Forgets the queued work of a database that is gone: every Redis key under QUEUE_PREFIX (jobs, the
 * job ids kept to drop repeats, login counters). Job ids come from database ids
 * (`tally.item-1-v4`), so after the database starts over they would be taken for repeats of the old
 * jobs and silently dropped. Only this prefix is touched; other apps on the same Redis keep theirs.
 */
export async function forgetQueuedWork(config: AppConfig): Promise<number> {
  const redis = new Redis(workerRedisOptions(config));
  try {
    let removed = 0;
    for await (const keys of redis.scanStream({ match: `${config.QUEUE_PREFIX}:*`, count: 500 }) as AsyncIterable<string[]>) {
      if (keys.length) removed += await redis.unlink(...keys);
    }
    return removed;
  } finally {
    redis.disconnect();
  }
}
