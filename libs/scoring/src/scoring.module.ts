import { RoundDirectory } from './round-directory';
import { EventsModule } from '@app/events';
import { IdentityModule } from '@app/identity';
import { Module } from '@nestjs/common';
import { RoundsService } from './rounds.service';
import { ScoreSheetsService } from './score-sheets.service';
import { ScoringService } from './scoring.service';

@Module({
  imports: [IdentityModule, EventsModule],
  providers: [ScoringService, ScoreSheetsService, RoundsService, RoundDirectory],
  exports: [ScoringService, ScoreSheetsService, RoundsService, RoundDirectory],
})
export class ScoringModule {}
