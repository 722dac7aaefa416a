import { EventsModule } from '@app/events';
import { HikingModule } from '@app/hiking';
import { IdentityModule } from '@app/identity';
import { JobFairModule } from '@app/job-fair';
import { Module } from '@nestjs/common';
import { AwardListsService } from './award-lists.service';
import { PersonRecordService } from './person-record.service';
import { StatisticsService } from './statistics.service';

const SERVICES = [StatisticsService, PersonRecordService, AwardListsService];

@Module({
  imports: [IdentityModule, EventsModule, HikingModule, JobFairModule],
  providers: SERVICES,
  exports: SERVICES,
})
export class ReportingModule {}
