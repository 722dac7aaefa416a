import 'reflect-metadata';
import { ConfigError, loadConfig } from '@app/config';
import { assertReachable } from '@app/config/preflight';
import { closeOnSignals, ServiceUnreachableError } from '@app/common';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { missingHandlers } from './handler-check';
import { PROCESSORS, WorkerModule } from './worker.module';

async function bootstrap(): Promise<void> {
  const config = loadConfig();
  await assertReachable(config);
  const app = await NestFactory.createApplicationContext(WorkerModule, { bufferLogs: true });
  app.useLogger(app.get(Logger));
  const problems = missingHandlers(PROCESSORS.map((p) => app.get(p)));
  if (problems.length) {
    await app.close();
    throw new Error(`worker refuses to start: ${problems.join('; ')}`);
  }
  await app.init();
  closeOnSignals(app, app.get(Logger));
  app.get(Logger).log(`worker started (concurrency ${config.WORKER_CONCURRENCY}, queues prefix "${config.QUEUE_PREFIX}")`, 'Bootstrap');
}

bootstrap().catch((err: unknown) => {
  const known = err instanceof ConfigError || err instanceof ServiceUnreachableError;
  console.error(`worker: ${known ? (err as Error).message : err}`);
  process.exit(1);
});
