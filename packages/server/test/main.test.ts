/**
 * The server as a process: configured by the environment, it migrates its
 * database (SQLite, or PostgreSQL when NARIZ_TEST_PG_URL gives one), answers,
 * takes a batch, and on SIGTERM finishes and exits 0 with the batch stored;
 * a bad configuration exits 2 with the reason.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sortieId } from '@nariz/core';
import { PostgresStore, SqliteStore } from '@nariz/store';
import { waitForBanner } from '../src/index.js';

const MAIN = fileURLToPath(new URL('../src/main.js', import.meta.url));

/** Starts the server process, takes a two-sample batch for a new sortie, stops it with SIGTERM; returns the sortie id. */
async function serveOnce(env: Record<string, string>): Promise<string> {
  const id = `proc-${randomBytes(4).toString('hex')}`;
  const child = spawn(process.execPath, [MAIN], { env: { ...process.env, NARIZ_PORT: '0', NARIZ_LOG_LEVEL: 'info', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const base = await waitForBanner(child);
  assert.equal((await fetch(`${base}/ready`)).status, 200);
  assert.equal((await fetch(`${base}/api/sorties`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: 'p', id }) })).status, 201);
  const csv = 'time,lat,lon,alt_agl_m,wind_u_mps,wind_v_mps,acetone_ppb\n1700000000,52.1,5.1,15,3,0,12.5\n1700000001,52.1,5.1,15,3,0,13.5\n';
  assert.equal((await fetch(`${base}/api/sorties/${id}/batches/b1`, { method: 'PUT', headers: { 'content-type': 'text/csv' }, body: csv })).status, 201);
  child.kill('SIGTERM');
  assert.equal(await exited, 0);
  return id;
}

const pgUrl = process.env['NARIZ_TEST_PG_URL'];

test('on PostgreSQL (NARIZ_DATABASE_URL) the server process serves and keeps its data', { skip: pgUrl === undefined ? 'NARIZ_TEST_PG_URL is not set' : false }, async () => {
  const id = await serveOnce({ NARIZ_DATABASE_URL: pgUrl! });
  const store = new PostgresStore({ connectionString: pgUrl! });
  await store.migrate();
  assert.equal((await store.getSortie(sortieId(id)))?.sampleCount, 2);
  await store.close();
});

test('the server process starts, serves, and shuts down gracefully on SIGTERM with its data on disk', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'nariz-main-'));
  try {
    const id = await serveOnce({ NARIZ_DATA_DIR: dir });
    const store = new SqliteStore({ path: join(dir, 'nariz.db') });
    await store.migrate();
    assert.equal((await store.getSortie(sortieId(id)))?.sampleCount, 2);
    await store.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a bad configuration stops the server with exit code 2 and the reason', () => {
  const r = spawnSync(process.execPath, [MAIN], { env: { ...process.env, NARIZ_PORT: 'eighty' }, encoding: 'utf8' });
  assert.equal(r.status, 2);
  assert.match(r.stderr, /NARIZ_USAGE: NARIZ_PORT must be a port number/);
  const db = spawnSync(process.execPath, [MAIN], { env: { ...process.env, NARIZ_PORT: '0', NARIZ_DATABASE_URL: 'mysql://x@y/z' }, encoding: 'utf8' });
  assert.equal(db.status, 2);
  assert.match(db.stderr, /NARIZ_DATABASE_URL must be a postgres:\/\/ URL/);
});
