import { Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';

/**
 * Says, as the last word of an app, that its shutdown hooks ran: connections
 * closed, the relay and the workers stopped. Nest then re-raises the signal.
 */
@Injectable()
export class ShutdownLog implements OnApplicationShutdown {
  private readonly logger = new Logger('Shutdown');

  onApplicationShutdown(signal?: string): void {
    this.logger.log(`stopped cleanly${signal ? ` on ${signal}` : ''}`);
  }
}
