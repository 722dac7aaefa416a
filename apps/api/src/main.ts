import 'reflect-metadata';
import { ConfigError, loadConfig } from '@app/config';
import { closeOnSignals, ServiceUnreachableError } from '@app/common';
import { VersioningType } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomUUID } from 'node:crypto';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module';
import { assertReachable } from '@app/config/preflight';
import { setupOpenApi } from './http/openapi';
import { mountQueueBoard } from './http/queue-board';
import { acceptSpreadsheets } from './http/raw-body';
import { validationPipe } from './http/validation';

const REQUEST_ID = /^[\w.:-]{1,128}$/;

async function bootstrap(): Promise<void> {
  const config = loadConfig();
  await assertReachable(config);

  const adapter = new FastifyAdapter({
    bodyLimit: 10 * 1024 * 1024,
    trustProxy: true,
    // Keep the caller's request id when it is sane, else make one; the logger reads it from the header.
    genReqId: (req: { headers: Record<string, string | string[] | undefined> }) => {
      const given = req.headers['x-request-id'];
      const id = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
      req.headers['x-request-id'] = id;
      return id;
    },
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule, adapter, { bufferLogs: true });
  app.useLogger(app.get(Logger));
  app.getHttpAdapter().getInstance().addHook('onSend', async (req, reply) => {
    void reply.header('x-request-id', req.id);
  });
  app.setGlobalPrefix('api', { exclude: ['health'] });
  app.enableVersioning({ type: VersioningType.URI, defaultVersion: '1' });
  app.useGlobalPipes(validationPipe());
  acceptSpreadsheets(app);
  setupOpenApi(app);
  await mountQueueBoard(app);

  await app.listen({ port: config.HTTP_PORT, host: config.HTTP_HOST });
  closeOnSignals(app, app.get(Logger));
  app.get(Logger).log(`API listening on http://${config.HTTP_HOST}:${config.HTTP_PORT} (docs at /docs)`, 'Bootstrap');
}

bootstrap().catch((err: unknown) => {
  if (err instanceof ConfigError || err instanceof ServiceUnreachableError) {
    console.error(`api: ${err.message}`);
  } else {
    console.error('api: failed to start', err);
  }
  process.exit(1);
});
