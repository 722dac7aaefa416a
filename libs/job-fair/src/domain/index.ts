export * from './job-fair-error';
export * from './credit-code';
export * from './salary';
export * from './headcount';
export * from './screening';
export * from './pipeline';
export * from './figures';
export * from './search-tokens';
