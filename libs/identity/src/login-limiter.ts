import { AppConfig } from '@app/config';
import { InjectRedis } from '@app/queue';
import { Injectable, Logger } from '@nestjs/common';
import type Redis from 'ioredis';

/**
 * Counts failed logins per username in a fixed window, in Redis so every API
 * process sees the same count. Per username, not per address: on registration
 * morning thousands of workers share one enterprise address.
 */
@Injectable()
export class LoginLimiter {
  private readonly logger = new Logger(LoginLimiter.name);

  constructor(
    @InjectRedis() private readonly redis: Redis,
    private readonly config: AppConfig,
  ) {}

  /** Seconds until the next attempt is allowed, or 0 when it is allowed now. */
  async retryAfter(username: string): Promise<number> {
    try {
      const key = this.key(username);
      const [count, ttl] = await Promise.all([this.redis.get(key), this.redis.ttl(key)]);
      return Number(count ?? 0) >= this.config.LOGIN_MAX_ATTEMPTS ? Math.max(ttl, 1) : 0;
    } catch (err) {
      // Failing open keeps login available during a Redis outage; the password check still applies.
      this.logger.warn(`login limiter unavailable: ${(err as Error).message}`);
      return 0;
    }
  }

  async recordFailure(username: string): Promise<void> {
    const key = this.key(username);
    await this.redis
      .multi()
      .incr(key)
      .expire(key, this.config.LOGIN_WINDOW_S, 'NX')
      .exec()
      .catch(() => undefined);
  }

  async reset(username: string): Promise<void> {
    await this.redis.del(this.key(username)).catch(() => undefined);
  }

  private key(username: string): string {
    return `${this.config.QUEUE_PREFIX}:login-failures:${username.toLowerCase()}`;
  }
}
