import { AppConfig } from '@app/config';
import { Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';

/**
 * Structured JSON logs (pino). Every line written while serving a request
 * carries its request id, the one the client sent in X-Request-Id or the one
 * we made (see main.ts). Credentials never reach the log.
 */
@Module({
  imports: [
    LoggerModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        pinoHttp: {
          level: config.LOG_LEVEL,
          genReqId: (req) => String(req.headers['x-request-id']),
          customProps: () => ({ app: 'api' }),
          redact: { paths: ['req.headers.authorization', 'req.headers.cookie', 'req.body.password'], censor: '[redacted]' },
          serializers: {
            req: (req: { id: string; method: string; url: string }) => ({ id: req.id, method: req.method, url: req.url }),
          },
          autoLogging: { ignore: (req) => req.url === '/health' },
        },
      }),
    }),
  ],
})
export class LoggingModule {}
