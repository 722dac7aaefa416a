import { EventsModule } from '@app/events';
import { IdentityModule } from '@app/identity';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { EmployersService } from './employers.service';
import { JOB_FAIR_ENTITIES } from './job-fair-entities';
import { PositionsService } from './positions.service';

@Module({
  imports: [TypeOrmModule.forFeature(JOB_FAIR_ENTITIES), IdentityModule, EventsModule],
  providers: [EmployersService, PositionsService],
  exports: [EmployersService, PositionsService],
})
export class JobFairModule {}
