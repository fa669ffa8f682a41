export * from './sigma.js';
export * from './gaussian.js';
export * from './hazard/index.js';
export * from './ste/index.js';
export * from './numeric/normal.js';
