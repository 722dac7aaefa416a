export * from './data-source-options';
export * from './ensure-database';
export * from './transaction';
export { MIGRATIONS } from './migrations';
