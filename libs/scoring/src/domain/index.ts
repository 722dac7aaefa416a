// Public API of the pure scoring domain: plain functions over plain data,
// no framework, no I/O. Decimals travel as strings.
export * from './decimal';
export * from './errors';
export * from './types';
export * from './mark-range';
export * from './ranking';
export * from './judge-panel';
export * from './marking-scheme';
export * from './time';
export * from './timed';
export * from './measured';
export * from './vertical-jump';
export * from './points-penalty';
export * from './scheme';
export * from './judge-deviation';
export * from './qualification';
export * from './examples';
export * from './sheet-cells';
