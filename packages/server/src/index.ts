export { buildApp, type AppOptions } from './app.js';
export { loadConfig, loadProcessConfig, parseConfigFile, DEFAULT_CONFIG_FILE, DEFAULT_WEB_ROOT, type ServerConfig } from './config.js';
export type { Platform } from './platform.js';
export { LoginThrottle } from './auth/throttle.js';
export { ROLES, type Role } from './auth/roles.js';
export { bannerLine, waitForBanner } from './banner.js';
