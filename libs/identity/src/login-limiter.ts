import { AppConfig } from '@app/config';
import { InjectRedis } from '@app/queue';
import { Injectable } from '@nestjs/common';
import type Redis from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { loginDelayMs } from './domain/login-name';
import { IdentityError, IdentityErrorCode } from './identity-error';

/**
 * Three limits on failed logins, in Redis so every API process shares them (each process falls back
 * to counting in memory while Redis is down):
 * - one account from one address: locked after LOGIN_MAX_ATTEMPTS failures in a row, the guessing
 *   stops there;
 * - one account from anywhere: failures only slow each attempt down, so nobody can lock the owner out;
 * - one address: a limit high enough for an enterprise's thousands of workers behind one NAT.
 * An attempt is counted before its password is checked, so parallel guesses cannot slip past.
 */
@Injectable()
export class LoginLimiter {
  private readonly pair: RateLimiterRedis;
  private readonly address: RateLimiterRedis;
  private readonly account: RateLimiterRedis;

  constructor(
    @InjectRedis() redis: Redis,
    private readonly config: AppConfig,
  ) {
    const window = config.LOGIN_WINDOW_S;
    const limiter = (name: string, points: number, blockDuration: number) =>
      new RateLimiterRedis({
        storeClient: redis,
        rejectIfRedisNotReady: true,
        keyPrefix: `${config.QUEUE_PREFIX}:login:${name}`,
        points,
        duration: window,
        blockDuration,
        insuranceLimiter: new RateLimiterMemory({ points, duration: window, blockDuration }),
      });
    this.pair = limiter('pair', config.LOGIN_MAX_ATTEMPTS, window);
    this.address = limiter('address', config.LOGIN_MAX_FAILURES_PER_ADDRESS, window);
    this.account = limiter('account', Number.MAX_SAFE_INTEGER, 0);
  }

  /** Counts the attempt; throws 429 when this account from this address, or this address, is locked; else waits the account's delay. */
  async attempt(account: string, address: string): Promise<void> {
    await this.take(this.pair, `${account}|${address}`);
    await this.take(this.address, address);
    const failures = (await this.account.get(account).catch(() => null))?.consumedPoints ?? 0;
    const delay = loginDelayMs(failures, this.config.LOGIN_FREE_FAILURES, this.config.LOGIN_MAX_DELAY_MS);
    if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
  }

  async failed(account: string): Promise<void> {
    await this.account.consume(account).catch(() => undefined);
  }

  /** A success clears the pair's count and gives the address its attempt back; the account's delay runs out on its own. */
  async succeeded(account: string, address: string): Promise<void> {
    await Promise.all([this.pair.delete(`${account}|${address}`), this.address.reward(address)]).catch(() => undefined);
  }

  private async take(limiter: RateLimiterRedis, key: string): Promise<void> {
    try {
      await limiter.consume(key);
    } catch (res) {
      if (!(res instanceof RateLimiterRes)) throw res;
      const wait = Math.max(1, Math.ceil(res.msBeforeNext / 1000));
      throw new IdentityError('rate_limited', IdentityErrorCode.TooManyAttempts, `登录失败次数过多，请 ${wait} 秒后再试`, [
        { field: 'username', code: IdentityErrorCode.TooManyAttempts, message: `请 ${wait} 秒后再试`, retryAfterSeconds: wait },
      ]);
    }
  }
}
