export * from './check-in-shape.js';
export * from './field-rules.js';
export * from './link-shape.js';
export * from './node-shape.js';
export * from './unit-shape.js';
export * from './okr-cycle-shape.js';
