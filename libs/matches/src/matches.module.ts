import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MATCHES_ENTITIES } from './matches-entities';

@Module({
  imports: [TypeOrmModule.forFeature(MATCHES_ENTITIES)],
  providers: [],
  exports: [],
})
export class MatchesModule {}
