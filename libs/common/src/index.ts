export * from './domain-error';
export * from './service-unreachable';
export * from './result';
export * from './close-on-signals';
export * from './local-time';
export * from './log-output';
export * from './gate';
export * from './batcher';
