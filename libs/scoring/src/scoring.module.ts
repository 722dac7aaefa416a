import { EventsModule } from '@app/events';
import { IdentityModule } from '@app/identity';
import { Module } from '@nestjs/common';
import { ScoringService } from './scoring.service';

@Module({
  imports: [IdentityModule, EventsModule],
  providers: [ScoringService],
  exports: [ScoringService],
})
export class ScoringModule {}
