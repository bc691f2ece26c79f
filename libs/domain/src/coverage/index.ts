export * from './coverage.js';
export * from './rollup.js';
