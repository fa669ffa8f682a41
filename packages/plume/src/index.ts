export * from './sigma.js';
export * from './gaussian.js';
