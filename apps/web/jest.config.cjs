/** Web unit and component tests: jsdom, React through SWC, CSS imports stubbed. */
module.exports = {
  displayName: 'web',
  testEnvironment: 'jsdom',
  roots: ['<rootDir>/src'],
  setupFilesAfterEnv: ['<rootDir>/src/test/setup.ts'],
  transform: {
    '^.+\\.(t|j|mj)sx?$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript', tsx: true },
          transform: { react: { runtime: 'automatic' } },
          target: 'es2022',
        },
        module: { type: 'commonjs' },
      },
    ],
  },
  transformIgnorePatterns: ['/node_modules/(?!(@xyflow|d3-hierarchy)/)'],
  moduleNameMapper: {
    '\\.(css)$': '<rootDir>/src/test/style-stub.cjs',
    // The layout worker runs in-thread under jest (src/test/createLayoutWorker.stub.ts explains why).
    '^\\./createLayoutWorker$': '<rootDir>/src/test/createLayoutWorker.stub.ts',
    '^@throughline/domain$': '<rootDir>/../../libs/domain/src/index.ts',
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
};
