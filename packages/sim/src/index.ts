export * from './scenario.js';
export * from './survey.js';
export * from './wind.js';
export * from './sensor.js';
export * from './simulate.js';
export { deriveSeed, streamRng } from './streams.js';
