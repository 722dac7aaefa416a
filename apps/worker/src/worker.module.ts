import { AppConfig, ConfigModule } from '@app/config';
import { DatabaseModule } from '@app/config/database.module';
import { QUEUES, RedisModule, workerRedisOptions } from '@app/queue';
import { ResultsModule } from '@app/results';
import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { OutboxRelayService } from './outbox-relay.service';
import { TallyProcessor } from './tally.processor';

export const PROCESSORS = [TallyProcessor];

@Module({
  imports: [
    ConfigModule,
    LoggerModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({ pinoHttp: { level: config.LOG_LEVEL, customProps: () => ({ app: 'worker' }) } }),
    }),
    DatabaseModule,
    RedisModule,
    BullModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({ connection: workerRedisOptions(config), prefix: config.QUEUE_PREFIX }),
    }),
    BullModule.registerQueue(...Object.values(QUEUES).map((name) => ({ name }))),
    ResultsModule,
  ],
  providers: [...PROCESSORS, OutboxRelayService],
})
export class WorkerModule {}
