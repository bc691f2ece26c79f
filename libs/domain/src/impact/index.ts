export * from './impact.js';
