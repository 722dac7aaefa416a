export * from './entry.entity';
export * from './registration-error';
export * from './registration.service';
export * from './registration.module';

import { Entry } from './entry.entity';
export const REGISTRATION_ENTITIES = [Entry];
export * from './domain';
