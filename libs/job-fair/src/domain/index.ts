export * from './job-fair-error';
export * from './credit-code';
