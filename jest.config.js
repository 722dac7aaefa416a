// Two projects: co-located unit specs (pure logic) and the architecture checks (test/architecture),
// and e2e suites against the real API, worker, MySQL and Redis started by test/e2e/global-setup.ts.
const swc = ['@swc/jest', {
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    // As tsconfig.json: class fields are assigned, not defined, so an API built in a test behaves as the built one.
    transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
    target: 'es2022',
  },
  module: { type: 'commonjs' },
}];
// NestJS 12 and a few others ship ES modules only; Jest's CommonJS runtime needs them compiled
// (Node itself loads them natively).
const esmOnly = ['@nestjs', 'content-disposition', 'file-type', 'strtok3', 'token-types', '@tokenizer', 'uint8array-extras', '@borewit'];
const transform = { '^.+\\.ts$': swc, [`^.+/node_modules/(${esmOnly.join('|')})/.+\\.js$`]: swc };
const transformIgnorePatterns = [`/node_modules/(?!(${esmOnly.join('|')})/)`];
const moduleNameMapper = {
  '^@app/config$': '<rootDir>/config/index.ts',
  '^@app/composition$': '<rootDir>/composition/index.ts',
  '^@app/(.*)$': '<rootDir>/libs/$1/src/index.ts',
};
module.exports = {
  projects: [
    {
      displayName: 'unit',
      rootDir: __dirname,
      testMatch: ['<rootDir>/{apps,libs,config,composition,scripts}/**/*.spec.ts', '<rootDir>/test/architecture/**/*.spec.ts'],
      transform,
      transformIgnorePatterns,
      moduleNameMapper,
      testEnvironment: 'node',
    },
    {
      displayName: 'e2e',
      rootDir: __dirname,
      testMatch: ['<rootDir>/test/e2e/**/*.e2e-spec.ts'],
      transform,
      transformIgnorePatterns,
      moduleNameMapper,
      testEnvironment: 'node',
      globalSetup: '<rootDir>/test/e2e/global-setup.ts',
      globalTeardown: '<rootDir>/test/e2e/global-teardown.ts',
      setupFilesAfterEnv: ['<rootDir>/test/e2e/support/timeout.ts'],
    },
    {
      // The pages in Chromium (playwright-core) against the built API and worker on a database of their own.
      displayName: 'browser',
      rootDir: __dirname,
      testMatch: ['<rootDir>/test/browser/**/*.browser-spec.ts'],
      transform,
      transformIgnorePatterns,
      moduleNameMapper,
      testEnvironment: 'node',
      globalSetup: '<rootDir>/test/browser/global-setup.ts',
      globalTeardown: '<rootDir>/test/browser/global-teardown.ts',
    },
  ],
};
