import { EventsModule } from '@app/events';
import { IdentityModule } from '@app/identity';
import { RegistrationModule } from '@app/registration';
import { ResultsModule } from '@app/results';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MatchDirectory } from './match-directory.service';
import { MatchResultsService } from './match-results.service';
import { MatchStandings } from './match-standings';
import { MATCHES_ENTITIES } from './matches-entities';
import { MatchesService } from './matches.service';
import { SwissService } from './swiss.service';

@Module({
  imports: [TypeOrmModule.forFeature(MATCHES_ENTITIES), EventsModule, IdentityModule, RegistrationModule, ResultsModule],
  providers: [MatchDirectory, MatchesService, MatchResultsService, MatchStandings, SwissService],
  exports: [MatchDirectory, MatchesService, MatchResultsService, MatchStandings, SwissService],
})
export class MatchesModule {}
