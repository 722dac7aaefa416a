import { EventsModule } from '@app/events';
import { ScoringModule } from '@app/scoring';
import { Module } from '@nestjs/common';
import { ResultsService } from './results.service';
import { TallyService } from './tally.service';

@Module({
  imports: [EventsModule, ScoringModule],
  providers: [ResultsService, TallyService],
  exports: [ResultsService, TallyService],
})
export class ResultsModule {}
