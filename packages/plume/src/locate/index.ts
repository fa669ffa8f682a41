export * from './locate-sortie.js';
export * from './geojson.js';
