import { EventsModule } from '@app/events';
import { IdentityModule } from '@app/identity';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Entry } from './entry.entity';
import { RegistrationService } from './registration.service';

@Module({
  imports: [TypeOrmModule.forFeature([Entry]), IdentityModule, EventsModule],
  providers: [RegistrationService],
  exports: [RegistrationService],
})
export class RegistrationModule {}
