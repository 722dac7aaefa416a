export * from './data-source-options';
export * from './ensure-database';
export * from './transaction';
export * from './json-column';
export * from './insert-rows';
export { MIGRATIONS } from './migrations';
export * from './delete-in-batches';
export * from './platform-instance';

import { PlatformInstance } from './platform-instance';
export const DATABASE_ENTITIES = [PlatformInstance];
export * from './sql-runner';
export * from './stream-rows';
