import { AppConfig } from '@app/config';
import { InjectRedis, listenOn } from '@app/queue';
import { Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import type Redis from 'ioredis';
import { filter, type Observable, Subject } from 'rxjs';

/** Something an event's live board shows has changed: an item was tallied (itemId 0: the board was frozen or unfrozen). */
export interface LiveUpdate {
  eventId: number;
  itemId: number;
  scoreVersion: number;
}

/**
 * Tallies announce new results on one Redis channel; every API process listens
 * and hands each event's updates to that event's live streams. Redis pub/sub
 * keeps nothing for a listener that was away, which is why a stream starts
 * with the whole board: a client that reconnects misses nothing that matters.
 */
@Injectable()
export class LiveResults implements OnModuleDestroy {
  private readonly logger = new Logger(LiveResults.name);
  private readonly channel: string;
  private readonly updates = new Subject<LiveUpdate>();
  private subscriber?: Redis;

  constructor(
    @InjectRedis() private readonly redis: Redis,
    private readonly config: AppConfig,
  ) {
    this.channel = `${config.QUEUE_PREFIX}:results`;
  }

  /** Never fails the caller: results are committed already; a lost announcement only delays the live view. */
  async announce(update: LiveUpdate): Promise<void> {
    try {
      await this.redis.publish(this.channel, JSON.stringify(update));
    } catch (err) {
      this.logger.warn(`could not announce results of item ${update.itemId}: ${(err as Error).message}`);
    }
  }

  of(eventId: number): Observable<LiveUpdate> {
    this.listen();
    return this.updates.pipe(filter((u) => u.eventId === eventId));
  }

  onModuleDestroy(): void {
    this.subscriber?.disconnect();
  }

  private listen(): void {
    this.subscriber ??= listenOn(this.config, this.channel, {
      message: (message) => this.updates.next(JSON.parse(message) as LiveUpdate),
      warn: (text) => this.logger.warn(`live results listener: ${text}`),
    });
  }
}
