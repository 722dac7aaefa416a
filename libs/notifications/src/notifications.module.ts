import { IdentityModule } from '@app/identity';
import { RegistrationModule } from '@app/registration';
import { Module } from '@nestjs/common';
import { DeliveriesAdminService } from './deliveries-admin.service';
import { DeliveryService } from './delivery.service';
import { InboxService } from './inbox.service';
import { ChannelSenders } from './senders';
import { NotificationSettingsService } from './settings.service';
import { TemplatesService } from './templates.service';

const SERVICES = [TemplatesService, InboxService, NotificationSettingsService, DeliveryService, DeliveriesAdminService, ChannelSenders];

@Module({
  imports: [IdentityModule, RegistrationModule],
  providers: SERVICES,
  exports: SERVICES,
})
export class NotificationsModule {}
