export * from './locate-sortie.js';
export * from './geojson.js';
export * from './locate-json.js';
export * from './lab-hazards.js';
