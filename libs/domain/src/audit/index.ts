// The audit's computations (the vocabulary and response shapes are in audit-types.ts).
export * from './audit-graph.js';
export { findingId, plural, type AuditContext, type AuditRule } from './finding.js';
export * from './graph-index.js';
export * from './rules/index.js';
export * from './run-audit.js';
export * from './waivers.js';
