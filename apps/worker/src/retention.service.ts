import { AppConfig } from '@app/config';
import { pruneDeliveries } from '@app/notifications';
import { pruneOutbox } from '@app/queue';
import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { isRelayProcess } from './outbox-relay.service';

const BATCH = 1000;

/**
 * Prunes dispatched outbox rows and the records of sent deliveries once they are older than their
 * retention, on a timer in the relay process: it needs only MySQL, so the outbox is kept in check
 * while Redis is down too, and a deployment runs it once whatever its number of worker processes.
 */
@Injectable()
export class RetentionService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Retention');
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopped = false;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (isRelayProcess()) this.schedule(0);
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  /** One pass; a shutdown stops it between batches. */
  async pruneOnce(): Promise<{ outbox: number; deliveries: number }> {
    const keepGoing = () => !this.stopped;
    const outbox = await pruneOutbox(this.dataSource, this.config.OUTBOX_RETENTION_DAYS, BATCH, keepGoing);
    const deliveries = this.stopped ? 0 : await pruneDeliveries(this.dataSource, this.config.DELIVERY_RETENTION_DAYS, BATCH, keepGoing);
    return { outbox, deliveries };
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.tick().finally(() => (this.running = undefined));
    }, delayMs);
  }

  private async tick(): Promise<void> {
    try {
      const { outbox, deliveries } = await this.pruneOnce();
      if (outbox || deliveries) this.logger.log(`pruned ${outbox} dispatched outbox rows and ${deliveries} sent delivery records`);
    } catch (err) {
      this.logger.warn(`retention pass failed, will try again: ${(err as Error).message}`);
    }
    this.schedule(this.config.RETENTION_EVERY_S * 1000);
  }
}
