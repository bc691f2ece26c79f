/** Unit tests of the framework-free domain: plain TypeScript through SWC, nothing else. */
module.exports = {
  displayName: 'domain',
  testEnvironment: 'node',
  roots: ['<rootDir>/src'],
  // fast-check properties run from a logged seed; FC_SEED=<n> replays one (tools/jest/fast-check-seed.cjs).
  setupFilesAfterEnv: ['<rootDir>/../../tools/jest/fast-check-seed.cjs'],
  transform: {
    '^.+\\.ts$': [
      '@swc/jest',
      { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' } },
    ],
  },
  // Sources import siblings as './x.js' (Node ESM); jest resolves the .ts file.
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
};
