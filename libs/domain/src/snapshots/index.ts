export * from './snapshot-diff.js';
