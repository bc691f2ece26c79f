export * from './raid.js';
