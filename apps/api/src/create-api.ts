import { type AppConfig } from '@app/config';
import { type DynamicModule, type INestApplication, Module, type Type, VersioningType } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomUUID } from 'node:crypto';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module';
import { applyBodyLimits } from './http/body-limits';
import { setupOpenApi } from './http/openapi';
import { mountQueueBoard } from './http/queue-board';
import { applySecurityHeaders } from './http/security-headers';
import { acceptSpreadsheets } from './http/raw-body';
import { validationPipe } from './http/validation';
import { mountWebPages } from './http/web-pages';

const REQUEST_ID = /^[\w.:-]{1,128}$/;

export interface CreateApiOptions {
  /** Modules mounted beside AppModule; tests use it to prove that generated route tests see a new route. */
  extraModules?: Array<Type | DynamicModule>;
}

/** The API as it serves: adapter, prefix, versioning, pipes, parsers and docs, ready for `listen`. */
export async function createApi(config: AppConfig, options: CreateApiOptions = {}): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    // The largest any route takes; each route's own limit is set by applyBodyLimits.
    bodyLimit: 64 * 1024 * 1024,
    trustProxy: config.trustedProxies,
    // Keep the caller's request id when it is sane, else make one; the logger reads it from the header.
    genReqId: (req: { headers: Record<string, string | string[] | undefined> }) => {
      const given = req.headers['x-request-id'];
      const id = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
      req.headers['x-request-id'] = id;
      return id;
    },
  });
  const root = options.extraModules?.length ? rootWith(options.extraModules) : AppModule;
  // abortOnError off: a failed start throws to the caller (main exits, a test fails) instead of exiting the process under it.
  const app = await NestFactory.create<NestFastifyApplication>(root, adapter, { bufferLogs: true, abortOnError: false });
  app.useLogger(app.get(Logger));
  app.getHttpAdapter().getInstance().addHook('onSend', async (req, reply) => {
    void reply.header('x-request-id', req.id);
  });
  applyRouting(app);
  // Before any route is added, so that every answer carries the headers.
  await applySecurityHeaders(app, config.cspImgOrigins);
  app.useGlobalPipes(validationPipe());
  applyBodyLimits(app);
  acceptSpreadsheets(app);
  setupOpenApi(app);
  await mountQueueBoard(app);
  // The web pages (built into dist/web) from the same origin, so the CSP's 'self' covers them.
  await mountWebPages(app);
  return app;
}

/** Every route under /api/v1, except the health check load balancers call at /health. */
export function applyRouting(app: INestApplication): void {
  app.setGlobalPrefix('api', { exclude: ['health'] });
  app.enableVersioning({ type: VersioningType.URI, defaultVersion: '1' });
}

function rootWith(extra: Array<Type | DynamicModule>): Type {
  @Module({ imports: [AppModule, ...extra] })
  class ApiWithExtras {}
  return ApiWithExtras;
}
