export * from './sigma.js';
export * from './gaussian.js';
export * from './hazard/index.js';
export * from './ste/index.js';
export * from './numeric/normal.js';
export * from './detect/index.js';
export * from './classify/index.js';
export * from './locate/index.js';
export { ScanPool, sharedScanPool, type ScanPoolOptions } from './parallel/scan-pool.js';
