export * from './audit/audit-types.js';
export * from './coverage-types.js';
export * from './graph.js';
export * from './interchange.js';
export * from './kinds.js';
export * from './links.js';
export * from './nodes.js';
