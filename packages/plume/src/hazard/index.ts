export * from './tiers.js';
export * from './footprint.js';
export * from './rings.js';
export * from './envelope.js';
export * from './zones.js';
export * from './geojson.js';
