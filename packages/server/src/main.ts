/**
 * Starts the Nariz server: SQLite store in NARIZ_DATA_DIR, or PostgreSQL at
 * NARIZ_DATABASE_URL (migrated at start-up), HTTP on NARIZ_HOST:NARIZ_PORT (config.ts). SIGINT and SIGTERM
 * close it gracefully: requests in flight finish (so every batch that was
 * acknowledged is committed) before the database is closed.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { NarizError } from '@nariz/core';
import { readSensorMapFile } from '@nariz/formats';
import { PostgresStore, SqliteStore, sqlitePath, type Store } from '@nariz/store';
import { buildApp } from './app.js';
import { ensureFirstAdmin } from './auth/first-admin.js';
import { bannerLine } from './banner.js';
import { loadProcessConfig } from './config.js';
import { seedDemo, seedDemoVideo } from './demo/seed-demo.js';
import { seedDemoNetwork } from './demo/seed-demo-network.js';

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  for (const a of args) if (a !== '--demo') throw new NarizError('NARIZ_USAGE', `unknown argument "${a}"; the server takes --demo (seed the demo region) and reads the rest from NARIZ_* variables or nariz.config.json`);
  const cfg = loadProcessConfig(args.includes('--demo') ? { ...process.env, NARIZ_DEMO: 'true' } : process.env);
  let store: Store;
  if (cfg.databaseUrl !== undefined) {
    store = new PostgresStore({ connectionString: cfg.databaseUrl, ...(cfg.databaseSchema !== undefined ? { schema: cfg.databaseSchema } : {}) });
  } else {
    mkdirSync(cfg.dataDir, { recursive: true });
    store = new SqliteStore({ path: sqlitePath(cfg.dataDir) });
  }
  const migrated = await store.migrate();
  const app = await buildApp({
    store, logger: { level: cfg.logLevel }, secureCookies: cfg.secureCookies, webRoot: cfg.webRoot, demo: cfg.demo,
    videoDir: cfg.videoDir ?? join(cfg.dataDir, 'video'), ...(cfg.ffmpeg !== undefined ? { ffmpegPath: cfg.ffmpeg } : {}), ...(cfg.videoMaxBytes !== undefined ? { videoMaxBytes: cfg.videoMaxBytes } : {}),
    audit: { ...cfg.audit, keyDir: cfg.dataDir },
    ownCountry: cfg.ownCountry, ...(cfg.chromium !== undefined ? { chromiumPath: cfg.chromium } : {}),
    translation: cfg.translation, ...(cfg.tak !== undefined ? { tak: cfg.tak } : {}),
    ...(cfg.basemapPmtiles !== undefined ? { pmtilesPath: cfg.basemapPmtiles } : {}),
    ...(cfg.liveAuthority !== undefined ? { liveAuthorityId: cfg.liveAuthority } : {}),
    ...(cfg.mavlinkUdpPort !== undefined
      ? { mavlink: { port: cfg.mavlinkUdpPort, host: cfg.host, ...(cfg.mavlinkSensorMap !== undefined ? { sensorMap: readSensorMapFile(cfg.mavlinkSensorMap) } : {}) } }
      : {}),
  });
  if (migrated.applied.length > 0) app.log.info({ migrations: migrated.applied }, `database at schema version ${migrated.to}`);
  if (!cfg.secureCookies) app.log.warn('session cookies are not marked Secure (secureCookies false): serve Nariz over HTTPS beyond this machine');
  const admin = await ensureFirstAdmin(store, cfg.initialAdminPassword);
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
  if (cfg.demo) {
    const seeded = await seedDemo(app.platform);
    if (seeded.length > 0) process.stdout.write(`Seeded the demo region (SIMULATED data): ${seeded.join(', ')}; localisation jobs queued\n`);
    const net = await seedDemoNetwork(app.platform);
    if (net.entities > 0) app.log.info(net, 'demo counter-network seeded (SIMULATED)');
    // Rendered in the background: the server answers meanwhile, and the video appears live when it is in.
    void seedDemoVideo(app.platform, (line) => app.log.info(line)).then((v) => v !== undefined && app.log.info({ video: v.id }, 'demo video seeded'), (err: unknown) => app.log.warn({ err }, 'demo video not seeded'));
  }
  // A banner whatever the log level: people and scripts look for it.
  if (admin !== undefined) {
    process.stdout.write(
      `First admin: ${admin.username} / ${cfg.initialAdminPassword !== undefined ? '(the password in NARIZ_INITIAL_ADMIN_PASSWORD)' : admin.password}\n` +
        '  a one-time password: you will be asked to choose your own at first sign-in; it is not shown again.\n',
    );
  }
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
