import 'reflect-metadata';
import { ConfigError, loadConfig } from '@app/config';
import { announceReady, closeOnSignals, ServiceUnreachableError } from '@app/common';
import { Logger } from 'nestjs-pino';
import { assertReachable } from '@app/composition';
import { createApi } from './create-api';

async function bootstrap(): Promise<void> {
  const config = loadConfig();
  await assertReachable(config);
  const app = await createApi(config);
  await app.listen({ port: config.HTTP_PORT, host: config.HTTP_HOST });
  closeOnSignals(app, app.get(Logger));
  app.get(Logger).log(`API listening on http://${config.HTTP_HOST}:${config.HTTP_PORT} (docs at /docs)`, 'Bootstrap');
  announceReady();
}

bootstrap().catch((err: unknown) => {
  if (err instanceof ConfigError || err instanceof ServiceUnreachableError) {
    console.error(`api: ${err.message}`);
  } else {
    console.error('api: failed to start', err);
  }
  process.exit(1);
});
