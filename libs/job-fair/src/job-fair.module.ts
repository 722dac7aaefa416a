import { EventsModule } from '@app/events';
import { IdentityModule } from '@app/identity';
import { RegistrationModule } from '@app/registration';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ApplicationsService } from './applications.service';
import { EmployersService } from './employers.service';
import { FairFigures } from './fair-figures';
import { InterviewSlotsService } from './interview-slots.service';
import { JOB_FAIR_ENTITIES } from './job-fair-entities';
import { PositionsService } from './positions.service';
import { SeekersService } from './seekers.service';

@Module({
  imports: [TypeOrmModule.forFeature(JOB_FAIR_ENTITIES), IdentityModule, EventsModule, RegistrationModule],
  providers: [EmployersService, PositionsService, SeekersService, ApplicationsService, FairFigures, InterviewSlotsService],
  exports: [EmployersService, PositionsService, SeekersService, ApplicationsService, FairFigures, InterviewSlotsService],
})
export class JobFairModule {}
