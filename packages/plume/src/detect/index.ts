export * from './background.js';
export * from './events.js';
export * from './excess.js';
export * from './sortie.js';
export * from './encounters.js';
