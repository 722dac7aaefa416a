import { EventsModule } from '@app/events';
import { IdentityModule } from '@app/identity';
import { Module } from '@nestjs/common';
import { ScoreSheetsService } from './score-sheets.service';
import { ScoringService } from './scoring.service';

@Module({
  imports: [IdentityModule, EventsModule],
  providers: [ScoringService, ScoreSheetsService],
  exports: [ScoringService, ScoreSheetsService],
})
export class ScoringModule {}
