import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { HIKING_ENTITIES } from './hiking-entities';

@Module({
  imports: [TypeOrmModule.forFeature(HIKING_ENTITIES)],
})
export class HikingModule {}
