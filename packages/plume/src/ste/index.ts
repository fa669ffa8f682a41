export * from './problem.js';
export * from './kernel-table.js';
export * from './scan.js';
export * from './sparse-kernel.js';
export * from './linear-base.js';
export * from './grid-posterior.js';
export * from './estimate.js';
export * from './cull.js';
