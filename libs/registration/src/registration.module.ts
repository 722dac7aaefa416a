import { EventsModule } from '@app/events';
import { IdentityModule } from '@app/identity';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CheckInService } from './check-in.service';
import { EntryDirectory } from './entry-directory';
import { EntryNotices } from './entry-notices';
import { EntryViews } from './entry-views';
import { EntryWorkflowService } from './entry-workflow.service';
import { Entry } from './entry.entity';
import { PersonProfile } from './person-profile.entity';
import { PiiCipher } from './pii-cipher';
import { ProfileDirectory } from './profile-directory';
import { ProfilesService } from './profiles.service';
import { RegistrationContext } from './registration-context';
import { RegistrationSettingsService } from './registration-settings.service';
import { RegistrationService } from './registration.service';
import { RosterReader } from './roster-reader';
import { RosterService } from './roster.service';

const SERVICES = [RegistrationService, EntryWorkflowService, ProfilesService, CheckInService, RegistrationSettingsService, RosterService, RosterReader];

@Module({
  imports: [TypeOrmModule.forFeature([Entry, PersonProfile]), IdentityModule, EventsModule],
  providers: [...SERVICES, EntryDirectory, ProfileDirectory, EntryViews, EntryNotices, RegistrationContext, PiiCipher],
  exports: [...SERVICES, EntryDirectory, ProfileDirectory, PiiCipher],
})
export class RegistrationModule {}
