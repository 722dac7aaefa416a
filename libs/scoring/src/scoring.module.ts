import { RoundDirectory } from './round-directory';
import { EventsModule } from '@app/events';
import { IdentityModule } from '@app/identity';
import { RegistrationModule } from '@app/registration';
import { Module } from '@nestjs/common';
import { RoundsService } from './rounds.service';
import { MarkChangesService } from './mark-changes';
import { ScoreSheetsService } from './score-sheets.service';
import { SheetAccess } from './sheet-access';
import { SheetSubmissionService } from './sheet-submission.service';
import { SheetViews } from './sheet-views';
import { ScoringService } from './scoring.service';
import { JudgeAssignments } from './judge-assignments';

const SERVICES = [ScoringService, ScoreSheetsService, SheetViews, SheetSubmissionService, MarkChangesService, RoundsService, RoundDirectory, JudgeAssignments];

@Module({
  imports: [IdentityModule, EventsModule, RegistrationModule],
  providers: [...SERVICES, SheetAccess],
  exports: SERVICES,
})
export class ScoringModule {}
