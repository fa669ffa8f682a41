export * from './errors.js';
export * from './ids.js';
export * from './geo.js';
export * from './met.js';
export * from './units.js';
export * from './chemicals.js';
export * from './random.js';
export * from './sortie.js';
