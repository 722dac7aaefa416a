import { AppConfig } from '@app/config';
import { InjectRedis } from '@app/queue';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type Redis from 'ioredis';
import type { EntityManager, Repository } from 'typeorm';
import type { RoleClaim } from './roles';
import { User } from './user.entity';
import { UserClaims } from './user-claims';

/** What a token's holder may do right now: read on every request, never taken from the token itself. */
export interface Standing {
  username: string;
  version: number;
  disabled: boolean;
  roles: RoleClaim[];
}

/**
 * The current standing of each user, cached in Redis for at most SESSION_CACHE_S so every API
 * process sees a revocation within seconds. When Redis cannot answer, the database does: the
 * check is never skipped.
 */
@Injectable()
export class SessionsService {
  constructor(
    @InjectRedis() private readonly redis: Redis,
    @InjectRepository(User) private readonly users: Repository<User>,
    private readonly claims: UserClaims,
    private readonly config: AppConfig,
  ) {}

  async standing(userId: number): Promise<Standing | null> {
    const key = this.key(userId);
    const cached = this.config.SESSION_CACHE_S > 0 ? await this.redis.get(key).catch(() => null) : null;
    if (cached) return JSON.parse(cached) as Standing;
    const user = await this.users.findOne({ where: { id: userId }, select: { id: true, username: true, tokenVersion: true, disabledAt: true } });
    if (!user) return null;
    const standing: Standing = { username: user.username, version: user.tokenVersion, disabled: !!user.disabledAt, roles: await this.claims.of(userId) };
    if (this.config.SESSION_CACHE_S > 0) await this.redis.set(key, JSON.stringify(standing), 'EX', this.config.SESSION_CACHE_S).catch(() => undefined);
    return standing;
  }

  /** Ends every token issued so far; call inside the transaction that changes the user's access, then `forget` after commit. */
  async bump(m: EntityManager, userId: number): Promise<void> {
    await m.increment(User, { id: userId }, 'tokenVersion', 1);
  }

  /** Drops the cached standing so this change shows at once; if Redis is down the cache entry expires on its own within seconds. */
  async forget(userId: number): Promise<void> {
    await this.redis.del(this.key(userId)).catch(() => undefined);
  }

  private key(userId: number): string {
    return `${this.config.QUEUE_PREFIX}:standing:${userId}`;
  }
}
