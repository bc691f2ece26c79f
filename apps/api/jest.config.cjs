/**
 * API tests: unit specs beside the code (src/**\/*.spec.ts) and e2e specs against a real
 * PostgreSQL (test/**\/*.e2e-spec.ts). NestJS 12 ships as ESM only, so SWC compiles our
 * TypeScript and those packages to CommonJS for jest.
 */
require('./test/resolve-ts-sources.cjs');

const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
    },
    module: { type: 'commonjs' },
  },
];

module.exports = {
  displayName: 'api',
  testEnvironment: 'node',
  rootDir: '.',
  roots: ['<rootDir>/src', '<rootDir>/test', '<rootDir>/../../migrations'],
  testMatch: ['**/*.spec.ts', '**/*.e2e-spec.ts'],
  transform: { '^.+\\.(t|j|mj)s$': swc },
  transformIgnorePatterns: [
    '/node_modules/(?!(@nestjs|file-type|strtok3|token-types|@tokenizer|uint8array-extras|fast-check|pure-rand|jose|otplib|@otplib|@noble|@scure)/)',
  ],
  moduleNameMapper: {
    '^@throughline/domain$': '<rootDir>/../../libs/domain/src/index.ts',
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  globalSetup: '<rootDir>/test/global-setup.ts',
  globalTeardown: '<rootDir>/test/global-teardown.ts',
  // fast-check properties run from a logged seed; FC_SEED=<n> replays one (tools/jest/fast-check-seed.cjs).
  setupFilesAfterEnv: ['<rootDir>/../../tools/jest/fast-check-seed.cjs'],
  testTimeout: 30000,
  maxWorkers: 2,
};
