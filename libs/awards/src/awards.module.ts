import { EventsModule } from '@app/events';
import { IdentityModule } from '@app/identity';
import { RegistrationModule } from '@app/registration';
import { ResultsModule } from '@app/results';
import { ScoringModule } from '@app/scoring';
import { Module } from '@nestjs/common';
import { AwardGrantsService } from './award-grants.service';
import { AwardRecordsService } from './award-records.service';
import { AwardRulesService } from './award-rules.service';
import { PrizeLedgerService } from './prize-ledger.service';
import { RecognitionsService } from './recognitions.service';
import { RecordAccess } from './record-access';
import { RecordChangesService } from './record-changes.service';
import { AwardRecordReader } from './record-reader';

const SERVICES = [AwardRulesService, AwardGrantsService, AwardRecordsService, RecognitionsService, RecordChangesService, PrizeLedgerService];

@Module({
  imports: [IdentityModule, EventsModule, RegistrationModule, ScoringModule, ResultsModule],
  providers: [...SERVICES, AwardRecordReader, RecordAccess],
  exports: SERVICES,
})
export class AwardsModule {}
