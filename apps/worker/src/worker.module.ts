import { AwardsModule } from '@app/awards';
import { HikingModule } from '@app/hiking';
import { logBase, logsArePretty, prettyLogger } from '@app/common';
import { AppConfig, ConfigModule } from '@app/config';
import { DatabaseModule } from '@app/composition';
import { QUEUES, RedisModule, workerRedisOptions } from '@app/queue';
import { MatchesModule } from '@app/matches';
import { NotificationsModule } from '@app/notifications';
import { RegistrationModule } from '@app/registration';
import { ResultsModule } from '@app/results';
import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { AwardsProcessor } from './awards.processor';
import { HikingProcessor } from './hiking.processor';
import { NOTIFY_PROCESSORS } from './notify.processors';
import { OutboxRelayService } from './outbox-relay.service';
import { RegistrationProcessor } from './registration.processor';
import { RetentionService } from './retention.service';
import { TallyProcessor } from './tally.processor';

export const PROCESSORS = [TallyProcessor, RegistrationProcessor, ...NOTIFY_PROCESSORS, AwardsProcessor, HikingProcessor];

@Module({
  imports: [
    ConfigModule,
    LoggerModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => {
        const options = { level: config.LOG_LEVEL, base: logBase('worker') };
        return { pinoHttp: logsArePretty(config.LOG_FORMAT) ? prettyLogger('worker', options) : options };
      },
    }),
    DatabaseModule,
    RedisModule,
    BullModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({ connection: workerRedisOptions(config), prefix: config.QUEUE_PREFIX }),
    }),
    BullModule.registerQueue(...Object.values(QUEUES).map((name) => ({ name }))),
    ResultsModule,
    RegistrationModule,
    NotificationsModule,
    AwardsModule,
    HikingModule,
    MatchesModule,
  ],
  providers: [...PROCESSORS, OutboxRelayService, RetentionService],
})
export class WorkerModule {}
