export * from './results.service';
export * from './tally.service';
export * from './results.module';
export { ItemResult } from './item-result.entity';
export { ItemTally } from './item-tally.entity';

import { ItemResult } from './item-result.entity';
import { ItemTally } from './item-tally.entity';
export const RESULTS_ENTITIES = [ItemResult, ItemTally];
export * from './domain';
