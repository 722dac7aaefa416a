export * from './types';
export * from './hiking-error';
export * from './status';
export * from './cutoffs';
export * from './scans';
export * from './pace';
export * from './teams';
export * from './splits';
