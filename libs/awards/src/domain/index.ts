export * from './awards-error';
export * from './types';
export * from './award-places';
export { parseYuan, formatYuan } from './money';
export * from './rank-awards';
export * from './band-allocation';
export * from './threshold-awards';
export * from './allocate-awards';
export * from './prize-ledger';
