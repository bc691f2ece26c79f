export * from './cells.js';
export * from './interchange-diff.js';
export * from './sheet-document.js';
export * from './sheet-kinds.js';
