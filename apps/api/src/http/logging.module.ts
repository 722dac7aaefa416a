import { logBase, logsArePretty, prettyLogger } from '@app/common';
import { AppConfig } from '@app/config';
import { Module } from '@nestjs/common';
import { LoggerModule, type Params } from 'nestjs-pino';
import type { Options } from 'pino-http';

/**
 * Structured JSON logs (pino), or short lines when a person watches the terminal (LOG_FORMAT).
 * Every line written while serving a request carries its request id, the one the client sent in
 * X-Request-Id or the one we made (see create-api.ts). Credentials never reach the log.
 */
@Module({
  imports: [
    LoggerModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig): Params => {
        const pinoHttp: Options = {
          level: config.LOG_LEVEL,
          genReqId: (req) => String(req.headers['x-request-id']),
          base: logBase('api'),
          redact: { paths: ['req.headers.authorization', 'req.headers.cookie', 'req.body.password'], censor: '[redacted]' },
          serializers: {
            req: (req: { id: string; method: string; url: string }) => ({ id: req.id, method: req.method, url: req.url }),
          },
          // Middie strips the path it mounted a middleware at from req.url while it runs (/health
          // reads '/'); originalUrl is the request's own.
          autoLogging: { ignore: (req) => ((req as { originalUrl?: string }).originalUrl ?? req.url) === '/health' },
        };
        return { pinoHttp: logsArePretty(config.LOG_FORMAT) ? prettyLogger('api', pinoHttp) : pinoHttp };
      },
    }),
  ],
})
export class LoggingModule {}
