export * from './types';
export * from './matches-error';
export * from './tennis-score';
export * from './best-of';
export * from './lot';
export * from './seeding';
export * from './places';
export * from './round-robin';
