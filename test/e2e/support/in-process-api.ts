import { loadConfig } from '@app/config';
import type { DynamicModule, Type } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createApi } from '../../../apps/api/src/create-api';
import { testEnv } from './test-env';

export interface InProcessApi {
  app: NestFastifyApplication;
  baseUrl: string;
  close: () => Promise<void>;
}

/**
 * The API built the way main.ts builds it, inside the test process, so a test can read Nest's route
 * table and mount modules of its own. It shares the suites' database and queues with the worker the
 * global setup started, and listens on a port of its own.
 */
export async function startInProcessApi(extraModules: Array<Type | DynamicModule> = []): Promise<InProcessApi> {
  const env = testEnv({ HTTP_PORT: '0', LOG_LEVEL: process.env.E2E_INPROCESS_LOG ?? 'silent' });
  const config = loadConfig({ ...process.env, ...env });
  Object.assign(process.env, env);
  const app = await createApi(config, { extraModules });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.getHttpServer().address() as { port: number };
  return { app, baseUrl: `http://127.0.0.1:${address.port}`, close: () => app.close() };
}
