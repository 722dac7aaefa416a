import { Batcher } from '@app/common';
import { AppConfig } from '@app/config';
import { InjectRedis, listenOn } from '@app/queue';
import { Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
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
 * The current standing of each user, kept in each API process for at most SESSION_CACHE_S, so a
 * revoked token stops working within that many seconds everywhere. A change of a user's access is
 * announced on a Redis channel and every process drops that user's standing at once. While a
 * process is not listening (Redis away, reconnecting) it keeps nothing, and reads the database on
 * every request: the check is never skipped, and never served from a copy a missed announcement
 * could have made stale.
 */
@Injectable()
export class SessionsService implements OnModuleDestroy {
  private readonly logger = new Logger(SessionsService.name);
  /**
   * Lookups that arrive while one runs share the next: under a login rush every request asks for
   * a different user, and one read serves them all. An idle lookup starts on the event loop's next
   * turn, after every request already received has asked: a burst of requests is one read.
   */
  private readonly lookups = new Batcher<number, Standing | null>((userIds) => this.lookUp(userIds), 200, 'turn');
  /** By user, in the order they were read, so the expired ones are at the front. */
  private readonly kept = new Map<number, { standing: Standing; until: number }>();
  /**
   * Users read in this window of SESSION_CACHE_S and the one before: a standing is kept from a
   * user's second read on. Under a rush of people each asking once, keeping every standing would
   * only give the garbage collector thousands of objects to move; a person using the pages asks
   * again within seconds.
   */
  private seen = { now: new Set<number>(), before: new Set<number>(), since: Date.now() };
  private readonly channel: string;
  private subscriber?: Redis;
  /** Whether announcements reach this process now; nothing is kept while they may not. */
  private listening = false;
  /** Counts the changes heard: a read begun before one is not kept, since it may predate it. */
  private changes = 0;

  constructor(
    @InjectRedis() private readonly redis: Redis,
    @InjectRepository(User) private readonly users: Repository<User>,
    private readonly config: AppConfig,
  ) {
    this.channel = `${config.QUEUE_PREFIX}:standing-changed`;
  }

  standing(userId: number): Promise<Standing | null> {
    this.listen();
    const kept = this.kept.get(userId);
    if (kept && kept.until > Date.now()) return Promise.resolve(kept.standing);
    return this.lookups.add(0, userId);
  }

  /** Ends every token issued so far; call inside the transaction that changes the user's access, then `forget` after commit. */
  async bump(m: EntityManager, userId: number): Promise<void> {
    await m.increment(User, { id: userId }, 'tokenVersion', 1);
  }

  /** Drops the user's standing here and in every other process, so the change shows at once; unheard, it still shows within SESSION_CACHE_S. */
  async forget(userId: number): Promise<void> {
    this.drop(userId);
    await this.redis.publish(this.channel, String(userId)).catch((err: Error) => this.logger.warn(`could not announce a change of user ${userId}: ${err.message}`));
  }

  onModuleDestroy(): void {
    this.subscriber?.disconnect();
  }

  private async lookUp(userIds: number[]): Promise<(Standing | null)[]> {
    const changesBefore = this.changes;
    const read = await this.read([...new Set(userIds)]);
    if (this.config.SESSION_CACHE_S > 0 && this.listening && this.changes === changesBefore) this.keep(read);
    return userIds.map((id) => read.get(id) ?? null);
  }

  private keep(read: Map<number, Standing>): void {
    const now = Date.now();
    for (const [id, { until }] of this.kept) {
      if (until > now) break;
      this.kept.delete(id);
    }
    const window = this.config.SESSION_CACHE_S * 1000;
    if (now - this.seen.since >= window) this.seen = { now: new Set(), before: this.seen.now, since: now };
    for (const [id, standing] of read) {
      if (!this.seen.now.has(id) && !this.seen.before.has(id)) {
        this.seen.now.add(id);
        continue;
      }
      this.kept.delete(id);
      this.kept.set(id, { standing, until: now + window });
    }
  }

  private drop(userId?: number): void {
    this.changes++;
    if (userId === undefined) this.kept.clear();
    else this.kept.delete(userId);
  }

  private listen(): void {
    if (this.subscriber || this.config.SESSION_CACHE_S === 0) return;
    this.subscriber = listenOn(this.config, this.channel, {
      message: (message) => this.drop(Number(message)),
      warn: (text) => this.logger.warn(`standing changes listener: ${text}`),
      subscribed: () => (this.listening = true),
    });
    // Announcements made while the connection was down are lost: forget everything kept.
    this.subscriber.on('close', () => {
      this.listening = false;
      this.drop();
    });
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
}
