export * from './kinds.js';
export * from './links.js';
