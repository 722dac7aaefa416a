// The level above every lib: what wires the contexts together. The apps' modules, the scripts and the
// test support import it; no lib and nothing in config/ may (see .dependency-cruiser.cjs).
export * from './entities';
export * from './data-source';
export * from './database.module';
export * from './preflight';
