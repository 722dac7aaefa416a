export * from './types';
export * from './matches-error';
export * from './tennis-score';
