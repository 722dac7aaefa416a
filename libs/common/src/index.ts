export * from './domain-error';
export * from './service-unreachable';
