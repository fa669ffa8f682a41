export * from './library.js';
export * from './demo-library.js';
export * from './classify.js';
