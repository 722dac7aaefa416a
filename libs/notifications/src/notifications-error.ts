import { type DetailsInput, DomainError, type ErrorKind } from '@app/common';

export enum NotificationsErrorCode {
  TemplateInvalid = 'NOTIFY_TEMPLATE_INVALID',
  TriggerUnknown = 'NOTIFY_TRIGGER_UNKNOWN',
  LocaleUnknown = 'NOTIFY_LOCALE_UNKNOWN',
  SettingsInvalid = 'NOTIFY_SETTINGS_INVALID',
  DeliveryNotFound = 'NOTIFY_DELIVERY_NOT_FOUND',
  DeliveryNotFailed = 'NOTIFY_DELIVERY_NOT_FAILED',
}

export class NotificationsError extends DomainError {
  constructor(kind: ErrorKind, code: NotificationsErrorCode, message: string, details?: DetailsInput) {
    super(kind, code, message, details);
  }
}
