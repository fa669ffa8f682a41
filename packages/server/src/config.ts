/**
 * Server configuration from the environment, parsed once at start-up:
 *   NARIZ_PORT       TCP port (default 8080)
 *   NARIZ_HOST       address to bind (default 127.0.0.1; 0.0.0.0 to serve a network)
 *   NARIZ_DATA_DIR   where the SQLite database lives (default ./nariz-data)
 *   NARIZ_DATABASE_URL  postgres://... to use PostgreSQL + PostGIS instead
 *                    (the PostGIS extension must exist in that database)
 *   NARIZ_LOG_LEVEL  pino level (default info)
 */
import { NarizError } from '@nariz/core';
import { DEFAULT_DATA_DIR } from '@nariz/store';

export interface ServerConfig {
  readonly port: number;
  readonly host: string;
  readonly dataDir: string;
  /** Set when the store is PostgreSQL. */
  readonly databaseUrl: string | undefined;
  readonly logLevel: string;
}

const LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

export function loadConfig(env: Readonly<Record<string, string | undefined>>): ServerConfig {
  const portText = env['NARIZ_PORT'] ?? '8080';
  const port = Number(portText);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new NarizError('NARIZ_USAGE', `NARIZ_PORT must be a port number 0..65535, got "${portText}"`);
  const logLevel = env['NARIZ_LOG_LEVEL'] ?? 'info';
  if (!LEVELS.includes(logLevel)) throw new NarizError('NARIZ_USAGE', `NARIZ_LOG_LEVEL must be one of ${LEVELS.join(', ')}, got "${logLevel}"`);
  const databaseUrl = env['NARIZ_DATABASE_URL'];
  if (databaseUrl !== undefined && !/^postgres(ql)?:\/\//.test(databaseUrl)) throw new NarizError('NARIZ_USAGE', 'NARIZ_DATABASE_URL must be a postgres:// URL (leave it unset for the embedded SQLite database)');
  return { port, host: env['NARIZ_HOST'] ?? '127.0.0.1', dataDir: env['NARIZ_DATA_DIR'] ?? DEFAULT_DATA_DIR, databaseUrl, logLevel };
}
