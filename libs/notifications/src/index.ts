export * from './domain';
export * from './notifications-error';
export * from './notifications.module';
export * from './templates.service';
export * from './inbox.service';
export * from './settings.service';
export * from './delivery.service';
export * from './deliveries-admin.service';
export * from './delivery-retention';
export * from './senders';
export { Notification, NotificationDelivery, NotificationSettings, NotificationTemplate } from './notification.entity';

import { Notification, NotificationDelivery, NotificationSettings, NotificationTemplate } from './notification.entity';
export const NOTIFICATIONS_ENTITIES = [Notification, NotificationDelivery, NotificationTemplate, NotificationSettings];
