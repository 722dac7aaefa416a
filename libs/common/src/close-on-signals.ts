import type { INestApplicationContext, LoggerService } from '@nestjs/common';

/**
 * Graceful shutdown: on SIGTERM or SIGINT, close the app (every shutdown hook:
 * HTTP server, relay, BullMQ workers, connections), and only then say so and exit.
 */
export function closeOnSignals(app: INestApplicationContext, logger: LoggerService): void {
  // Once: a second signal while closing (SIGINT from the terminal to every process of the group,
  // then SIGTERM from a supervising process) must not start a second close or kill the first.
  let closing = false;
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.on(signal, () => {
      if (closing) return;
      closing = true;
      app
        .close()
        .then(() => {
          logger.log(`stopped cleanly on ${signal}`, 'Shutdown');
          process.exit(0);
        })
        .catch((err: unknown) => {
          logger.error(`shutdown failed: ${(err as Error).message}`, 'Shutdown');
          process.exit(1);
        });
    });
  }
}

/** Tells the process that started this one (npm start, over IPC) that it is serving; nothing when there is no such channel. */
export function announceReady(): void {
  process.send?.({ ready: true });
}
