import { AppConfig } from '@app/config';
import { InjectRedis, listenOn } from '@app/queue';
import { Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import type Redis from 'ioredis';
import { filter, type Observable, Subject } from 'rxjs';

/**
 * A route's board changed (scans committed, a cut-off fired, a drop): announced on one Redis
 * channel, so every API process's live boards hear it, as results' live boards do. Redis keeps
 * nothing for a listener that was away: a stream starts with the whole board.
 */
@Injectable()
export class BoardLive implements OnModuleDestroy {
  private readonly logger = new Logger(BoardLive.name);
  private readonly channel: string;
  private readonly updates = new Subject<number>();
  private subscriber?: Redis;

  constructor(
    @InjectRedis() private readonly redis: Redis,
    private readonly config: AppConfig,
  ) {
    this.channel = `${config.QUEUE_PREFIX}:hiking-board`;
  }

  /** Never fails the caller: the change is committed; a lost announcement only delays the live view. */
  async announce(routeIds: Iterable<number>): Promise<void> {
    for (const routeId of new Set(routeIds)) {
      await this.redis.publish(this.channel, String(routeId)).catch((err: Error) => this.logger.warn(`could not announce board of route ${routeId}: ${err.message}`));
    }
  }

  of(routeId: number): Observable<number> {
    this.listen();
    return this.updates.pipe(filter((id) => id === routeId));
  }

  onModuleDestroy(): void {
    this.subscriber?.disconnect();
  }

  private listen(): void {
    this.subscriber ??= listenOn(this.config, this.channel, {
      message: (message) => this.updates.next(Number(message)),
      warn: (text) => this.logger.warn(`live board listener: ${text}`),
    });
  }
}
