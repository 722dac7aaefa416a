export * from './job-contract';
export * from './enqueue';
export * from './notify';
export * from './outbox-message.entity';
export * from './outbox-relay';
export * from './outbox-retention';
export * from './job-queues';
export * from './redis-options';
export * from './channel-listener';

import { OutboxMessage } from './outbox-message.entity';
export const QUEUE_ENTITIES = [OutboxMessage];
export * from './redis.module';
