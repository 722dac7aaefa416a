import { AppConfig } from '@app/config';
import { dataSourceOptions } from '@app/database';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ENTITIES } from './entities';

/** TypeORM for the apps: every entity, no migrations run at boot (the start command runs them first). */
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({ ...dataSourceOptions(config, ENTITIES), retryAttempts: 0 }),
    }),
  ],
})
export class DatabaseModule {}
