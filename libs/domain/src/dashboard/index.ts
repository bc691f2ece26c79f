export * from './accountability.js';
export * from './annualise.js';
export * from './dashboard.js';
export * from './dashboard-types.js';
