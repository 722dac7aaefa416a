import { AppConfig } from '@app/config';
import { instanceId } from '@app/database';
import { Global, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import Redis, { type RedisOptions } from 'ioredis';
import { DataSource } from 'typeorm';
import { JobQueues } from './job-queues';
import { producerRedisOptions } from './redis-options';

export const REDIS = Symbol('REDIS');
export const InjectRedis = () => Inject(REDIS);

/** One shared fail-fast Redis client for rate limits, health checks and the like, and the process's job producers. */
@Global()
@Module({
  providers: [
    {
      provide: REDIS,
      inject: [AppConfig],
      useFactory: (config: AppConfig) => {
        const client = new Redis(producerRedisOptions(config) as RedisOptions);
        client.on('error', () => undefined); // surfaced by /health and by the callers' own errors
        return client;
      },
    },
    {
      provide: JobQueues,
      inject: [AppConfig, DataSource],
      useFactory: async (config: AppConfig, ds: DataSource) => new JobQueues(config, await instanceId((sql, params) => ds.query(sql, params))),
    },
  ],
  exports: [REDIS, JobQueues],
})
export class RedisModule implements OnApplicationShutdown {
  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    private readonly queues: JobQueues,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    await this.queues.close();
    this.redis.disconnect();
  }
}
