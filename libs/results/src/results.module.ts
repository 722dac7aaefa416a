import { EventsModule } from '@app/events';
import { IdentityModule } from '@app/identity';
import { RegistrationModule } from '@app/registration';
import { ScoringModule } from '@app/scoring';
import { Module } from '@nestjs/common';
import { BoardService } from './board.service';
import { LiveResults } from './live-results';
import { AppealsService } from './appeals.service';
import { PublicationLedger } from './publication-ledger';
import { PublicationNotices } from './publication-notices';
import { PublicationService } from './publication.service';
import { ResultDirectory } from './result-directory';
import { ResultsSettingsService } from './results-settings.service';
import { ResultsService } from './results.service';
import { StandingsService } from './standings.service';
import { TallyService } from './tally.service';

const SERVICES = [ResultsService, TallyService, ResultsSettingsService, StandingsService, PublicationService, AppealsService, BoardService, LiveResults];
import { StandingsSources } from './standings-sources';

@Module({
  imports: [IdentityModule, EventsModule, RegistrationModule, ScoringModule],
  providers: [...SERVICES, ResultDirectory, PublicationLedger, PublicationNotices, StandingsSources],
  exports: [...SERVICES, ResultDirectory, StandingsSources],
})
export class ResultsModule {}
