import { EventsModule } from '@app/events';
import { IdentityModule } from '@app/identity';
import { Module } from '@nestjs/common';
import { AwardGrantsService } from './award-grants.service';
import { AwardListsService } from './award-lists.service';
import { AwardRecordsService } from './award-records.service';
import { AwardRulesService } from './award-rules.service';
import { ReportsService } from './reports.service';

const SERVICES = [AwardRulesService, AwardGrantsService, AwardRecordsService, AwardListsService, ReportsService];

@Module({
  imports: [IdentityModule, EventsModule],
  providers: SERVICES,
  exports: SERVICES,
})
export class AwardsModule {}
