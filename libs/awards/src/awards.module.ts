import { EventsModule } from '@app/events';
import { IdentityModule } from '@app/identity';
import { Module } from '@nestjs/common';
import { AwardGrantsService } from './award-grants.service';
import { AwardRecordsService } from './award-records.service';
import { AwardRulesService } from './award-rules.service';

const SERVICES = [AwardRulesService, AwardGrantsService, AwardRecordsService];

@Module({
  imports: [IdentityModule, EventsModule],
  providers: SERVICES,
  exports: SERVICES,
})
export class AwardsModule {}
