import cluster from 'node:cluster';
import { AppConfig } from '@app/config';
import { JobQueues, OutboxRelay } from '@app/queue';
import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';

/** The one worker process that runs the outbox relay and the retention timer: the first of several, or the only one. */
export const isRelayProcess = (): boolean => !cluster.isWorker || cluster.worker?.id === 1;

/**
 * Runs the outbox relay inside the worker for as long as it lives: in the first of several worker
 * processes only. Relays side by side split a burst of rows for one item between them (each sees
 * the rows the other has not locked, the newest alone, and dispatches it at once), so a burst of
 * corrections would be tallied about twice as often as with one relay.
 */
@Injectable()
export class OutboxRelayService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly relay: OutboxRelay;

  constructor(@InjectDataSource() dataSource: DataSource, queues: JobQueues, config: AppConfig) {
    this.relay = new OutboxRelay(dataSource, queues, config, new Logger('OutboxRelay'));
  }

  onApplicationBootstrap(): void {
    if (isRelayProcess()) this.relay.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.relay.stop();
  }
}
