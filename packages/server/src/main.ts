/**
 * Starts the Nariz server: SQLite store in NARIZ_DATA_DIR, or PostgreSQL at
 * NARIZ_DATABASE_URL (migrated at start-up), HTTP on NARIZ_HOST:NARIZ_PORT (config.ts). SIGINT and SIGTERM
 * close it gracefully: requests in flight finish (so every batch that was
 * acknowledged is committed) before the database is closed.
 */
import { mkdirSync } from 'node:fs';
import { NarizError } from '@nariz/core';
import { PostgresStore, SqliteStore, sqlitePath, type Store } from '@nariz/store';
import { buildApp } from './app.js';
import { bannerLine } from './banner.js';
import { loadProcessConfig } from './config.js';

async function main(): Promise<void> {
  const cfg = loadProcessConfig(process.env);
  let store: Store;
  if (cfg.databaseUrl !== undefined) {
    store = new PostgresStore({ connectionString: cfg.databaseUrl });
  } else {
    mkdirSync(cfg.dataDir, { recursive: true });
    store = new SqliteStore({ path: sqlitePath(cfg.dataDir) });
  }
  const migrated = await store.migrate();
  const app = await buildApp({ store, logger: { level: cfg.logLevel } });
  if (migrated.applied.length > 0) app.log.info({ migrations: migrated.applied }, `database at schema version ${migrated.to}`);
  let closing = false;
  const shutdown = (signal: string): void => {
    if (closing) return;
    closing = true;
    app.log.info(`${signal}: closing`);
    app
      .close()
      .then(() => store.close())
      .then(() => process.exit(0))
      .catch((err: unknown) => {
        app.log.error({ err }, 'shutdown failed');
        process.exit(1);
      });
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  const address = await app.listen({ port: cfg.port, host: cfg.host });
  // A banner whatever the log level: people and scripts look for it.
  process.stdout.write(bannerLine(address, cfg.databaseUrl !== undefined ? 'PostgreSQL' : `SQLite in ${cfg.dataDir}`));
}

main().catch((err: unknown) => {
  if (err instanceof NarizError) {
    process.stderr.write(`nariz server: ${err.code}: ${err.message}\n`);
    process.exit(2);
  }
  process.stderr.write(`nariz server: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(70);
});
