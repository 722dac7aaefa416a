export * from './result';
export * from './types';
export * from './fraction';
export * from './scoring-places';
export * from './placing-points';
export * from './medal-table';
export * from './records';
export * from './publication';
