import { AppConfig } from '@app/config';
import { OutboxRelay } from '@app/queue';
import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';

/** Runs the outbox relay inside the worker for as long as it lives. */
@Injectable()
export class OutboxRelayService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly relay: OutboxRelay;

  constructor(@InjectDataSource() dataSource: DataSource, config: AppConfig) {
    this.relay = new OutboxRelay(dataSource, config, new Logger('OutboxRelay'));
  }

  onApplicationBootstrap(): void {
    this.relay.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.relay.stop();
  }
}
