export * from './event.entity';
export * from './event-item.entity';
export * from './events-error';
export * from './events.service';
export * from './item-catalog';
export * from './events.module';

import { EventItem } from './event-item.entity';
import { Event } from './event.entity';
export const EVENTS_ENTITIES = [Event, EventItem];
