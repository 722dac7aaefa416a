import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { JOB_FAIR_ENTITIES } from './job-fair-entities';

@Module({
  imports: [TypeOrmModule.forFeature(JOB_FAIR_ENTITIES)],
})
export class JobFairModule {}
