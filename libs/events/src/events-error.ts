import { type DetailsInput, DomainError, type ErrorKind } from '@app/common';

export enum EventsErrorCode {
  EventNotFound = 'EVENTS_EVENT_NOT_FOUND',
  ItemNotFound = 'EVENTS_ITEM_NOT_FOUND',
  ItemNameTaken = 'EVENTS_ITEM_NAME_TAKEN',
  BadTransition = 'EVENTS_BAD_STATUS_TRANSITION',
  DatesInverted = 'EVENTS_DATES_INVERTED',
}

export class EventsError extends DomainError {
  constructor(kind: ErrorKind, code: EventsErrorCode, message: string, details?: DetailsInput) {
    super(kind, code, message, details);
  }
}
