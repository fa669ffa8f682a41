export { buildApp, type AppOptions } from './app.js';
export { loadConfig, loadProcessConfig, parseConfigFile, DEFAULT_CONFIG_FILE, type ServerConfig } from './config.js';
export { bannerLine, waitForBanner } from './banner.js';
