import { Batcher } from '@app/common';
import { AppConfig } from '@app/config';
import { InjectRedis } from '@app/queue';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type Redis from 'ioredis';
import type { EntityManager, Repository } from 'typeorm';
import type { Role, RoleClaim } from './roles';
import { User } from './user.entity';

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
  /**
   * Lookups that arrive while one runs share the next: under a login rush every request asks for
   * a different user, and one MGET, one read and one pipelined write serve them all.
   */
  private readonly lookups = new Batcher<number, Standing | null>((userIds) => this.lookUp(userIds), 200);

  constructor(
    @InjectRedis() private readonly redis: Redis,
    @InjectRepository(User) private readonly users: Repository<User>,
    private readonly config: AppConfig,
  ) {}

  standing(userId: number): Promise<Standing | null> {
    return this.lookups.add(0, userId);
  }

  private async lookUp(userIds: number[]): Promise<(Standing | null)[]> {
    const caching = this.config.SESSION_CACHE_S > 0;
    const cached = caching ? await this.redis.mget(userIds.map((id) => this.key(id))).catch(() => userIds.map(() => null)) : userIds.map(() => null);
    const missing = [...new Set(userIds.filter((_, i) => !cached[i]))];
    const read = missing.length ? await this.read(missing) : new Map<number, Standing>();
    if (caching && read.size) {
      const writes = this.redis.pipeline();
      for (const [id, standing] of read) writes.set(this.key(id), JSON.stringify(standing), 'EX', this.config.SESSION_CACHE_S);
      await writes.exec().catch(() => undefined);
    }
    return userIds.map((id, i) => (cached[i] ? (JSON.parse(cached[i]) as Standing) : (read.get(id) ?? null)));
  }

  /** Users with their roles, one statement for them all; plain SQL, as the hottest read of the API. */
  private async read(userIds: number[]): Promise<Map<number, Standing>> {
    const rows: { id: number; username: string; version: number; disabled: number; role: Role | null; orgId: number | null; path: string | null }[] = await this.users.query(
      `SELECT u.id, u.username, u.token_version AS version, u.disabled_at IS NOT NULL AS disabled, ra.role, ra.organisation_id AS orgId, o.path
         FROM users u LEFT JOIN (role_assignments ra JOIN organisations o ON o.id = ra.organisation_id) ON ra.user_id = u.id
        WHERE u.id IN (?) ORDER BY u.id, ra.id`,
      [userIds],
    );
    const standings = new Map<number, Standing>();
    for (const r of rows) {
      const id = Number(r.id);
      const standing = standings.get(id) ?? { username: r.username, version: Number(r.version), disabled: Boolean(Number(r.disabled)), roles: [] };
      if (r.role) standing.roles.push({ role: r.role, orgId: Number(r.orgId), path: r.path! });
      standings.set(id, standing);
    }
    return standings;
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
