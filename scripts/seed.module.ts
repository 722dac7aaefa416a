import { ConfigModule } from '@app/config';
import { DatabaseModule } from '@app/composition';
import { EventsModule } from '@app/events';
import { HikingModule } from '@app/hiking';
import { IdentityModule } from '@app/identity';
import { JobFairModule } from '@app/job-fair';
import { MatchesModule } from '@app/matches';
import { RedisModule } from '@app/queue';
import { RegistrationModule } from '@app/registration';
import { ScoringModule } from '@app/scoring';
import { Module } from '@nestjs/common';

/** The contexts the seed drives, through the same services the API uses. */
@Module({ imports: [ConfigModule, DatabaseModule, RedisModule, IdentityModule, EventsModule, RegistrationModule, ScoringModule, HikingModule, JobFairModule, MatchesModule] })
export class SeedModule {}
