export { buildApp, type AppOptions } from './app.js';
export { loadConfig, type ServerConfig } from './config.js';
