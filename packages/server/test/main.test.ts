/**
 * The server as a process: configured by the environment, it migrates its
 * database (SQLite, or PostgreSQL when NARIZ_TEST_PG_URL gives one), creates
 * the first admin, answers, takes a batch, and on SIGTERM finishes and exits
 * 0 with the batch stored; killed with SIGKILL in the middle of an ingest,
 * it loses no acknowledged batch and duplicates none when the client resends
 * everything after the restart; a bad configuration exits 2 with the reason.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { concatSorties, sortieId, sortieShape, type Sortie } from '@nariz/core';
import { parseSortieCsv } from '@nariz/formats';
import { PostgresStore, SqliteStore } from '@nariz/store';
import { waitForBanner } from '../src/index.js';
import { call, signIn, type Credentials } from './harness.js';
import { assertSameColumns } from './columns.js';

const MAIN = fileURLToPath(new URL('../src/main.js', import.meta.url));

const ONE_TIME = 'first-start-password';
const CHOSEN = 'the admin chose this one';

interface Running {
  readonly base: string;
  readonly stdout: () => string;
  readonly exited: Promise<number | null>;
  kill(signal: NodeJS.Signals): void;
}

async function startProcess(env: Record<string, string>): Promise<Running> {
  const child = spawn(process.execPath, [MAIN], { env: { ...process.env, NARIZ_PORT: '0', NARIZ_LOG_LEVEL: 'warn', NARIZ_INITIAL_ADMIN_PASSWORD: ONE_TIME, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  try {
    const base = await waitForBanner(child);
    return { base, exited, stdout: () => out, kill: (sig) => child.kill(sig) };
  } catch (err) {
    child.kill('SIGKILL');
    throw err;
  }
}

/** The first admin's session, after changing the one-time password (or signing in with the chosen one on a later start). */
async function adminSession(base: string): Promise<Credentials> {
  const first = await call(base, 'POST', '/api/session', { username: 'admin', password: ONE_TIME });
  if (first.status === 401) return signIn(base, 'admin', CHOSEN);
  const s = await signIn(base, 'admin', ONE_TIME);
  assert.equal((await call(base, 'PUT', '/api/session/password', { current_password: ONE_TIME, new_password: CHOSEN }, { auth: s })).status, 204);
  return s;
}

/** Starts the server process, takes a two-sample batch for a new sortie, stops it with SIGTERM; returns the sortie id. */
async function serveOnce(env: Record<string, string>): Promise<string> {
  const id = `proc-${randomBytes(4).toString('hex')}`;
  const p = await startProcess(env);
  try {
    assert.match(p.stdout(), /First admin: admin \/ \(the password in NARIZ_INITIAL_ADMIN_PASSWORD\)/);
    assert.equal((await fetch(`${p.base}/ready`)).status, 200);
    const auth = await adminSession(p.base);
    assert.equal((await call(p.base, 'POST', '/api/sorties', { name: 'p', id }, { auth })).status, 201);
    const csv = 'time,lat,lon,alt_agl_m,wind_u_mps,wind_v_mps,acetone_ppb\n1700000000,52.1,5.1,15,3,0,12.5\n1700000001,52.1,5.1,15,3,0,13.5\n';
    assert.equal((await call(p.base, 'PUT', `/api/sorties/${id}/batches/b1`, csv, { type: 'text/csv', auth })).status, 201);
  } finally {
    p.kill('SIGTERM');
  }
  assert.equal(await p.exited, 0);
  return id;
}

const pgUrl = process.env['NARIZ_TEST_PG_URL'];

test('on PostgreSQL (NARIZ_DATABASE_URL) the server process serves and keeps its data', { skip: pgUrl === undefined ? 'NARIZ_TEST_PG_URL is not set' : false }, async () => {
  // A schema of its own, so that this start creates its first admin.
  const schema = `main_test_${randomBytes(4).toString('hex')}`;
  try {
    // The data directory still holds the audit checkpoint key (and videos): a temporary one, not ./nariz-data.
    const dataDir = mkdtempSync(join(tmpdir(), 'nariz-main-pg-'));
    const id = await serveOnce({ NARIZ_DATABASE_URL: pgUrl!, NARIZ_DATABASE_SCHEMA: schema, NARIZ_DATA_DIR: dataDir }).finally(() => rmSync(dataDir, { recursive: true, force: true }));
    const store = new PostgresStore({ connectionString: pgUrl!, schema });
    await store.migrate();
    assert.equal((await store.getSortie(sortieId(id)))?.sampleCount, 2);
    await store.close();
  } finally {
    const c = new pg.Client({ connectionString: pgUrl! });
    await c.connect();
    await c.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await c.end();
  }
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

/** Batch k of the kill test: 200 rows of a drone log, times continuing from the batch before. */
function killBatch(k: number): string {
  const rows = ['time,lat,lon,alt_agl_m,wind_u_mps,wind_v_mps,acetone_ppb,hcl_ppb'];
  for (let i = 0; i < 200; i++) {
    const n = k * 200 + i;
    rows.push(`${1_700_000_000 + n * 0.5},${(52.09 + n * 1e-6).toFixed(7)},${(5.12 + ((n * 37) % 1000) * 1e-6).toFixed(7)},20,3.1,-0.4,${(10 + ((n * 7919) % 97) / 10).toFixed(2)},${(2 + ((n * 104729) % 89) / 100).toFixed(3)}`);
  }
  return `${rows.join('\n')}\n`;
}

test('SIGKILL during HTTP ingest: after a restart every acknowledged batch is there, and resending everything duplicates nothing', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'nariz-kill-'));
  const total = 60;
  try {
    const a = await startProcess({ NARIZ_DATA_DIR: dir });
    const auth = await adminSession(a.base);
    const id = 'killed-in-flight';
    assert.equal((await call(a.base, 'POST', '/api/sorties', { name: 'kill -9', id }, { auth })).status, 201);
    // Two senders in parallel, as a ground station with retries might; the kill lands while both have requests in flight.
    const acked = new Map<number, number>();
    let next = 0;
    let killed = false;
    const sender = async (): Promise<void> => {
      while (!killed && next < total) {
        const k = next++;
        try {
          const r = await call(a.base, 'PUT', `/api/sorties/${id}/batches/k${k}`, killBatch(k), { type: 'text/csv', auth });
          if (r.status === 201) acked.set(k, (r.json as { first_sample: number }).first_sample);
        } catch {
          return; // the connection died with the server
        }
        if (acked.size === 25 && !killed) {
          killed = true;
          a.kill('SIGKILL');
        }
      }
    };
    await Promise.all([sender(), sender()]);
    assert.equal(await a.exited, null, 'killed by a signal');
    assert.ok(acked.size >= 25, `${acked.size} batches acknowledged before the kill`);

    const b = await startProcess({ NARIZ_DATA_DIR: dir });
    try {
      const auth2 = await adminSession(b.base);
      // Everything acknowledged survived, at the place it was acknowledged.
      const before = (await call(b.base, 'GET', `/api/sorties/${id}`, undefined, { auth: auth2 })).json as { sample_count: number };
      assert.ok(before.sample_count >= acked.size * 200, `${before.sample_count} samples stored, ${acked.size * 200} acknowledged`);
      // The client resends every batch: acknowledged ones come back as duplicates with their first acknowledgement.
      for (let k = 0; k < total; k++) {
        const r = await call(b.base, 'PUT', `/api/sorties/${id}/batches/k${k}`, killBatch(k), { type: 'text/csv', auth: auth2 });
        assert.ok(r.status === 200 || r.status === 201, `batch ${k}: ${r.status} ${JSON.stringify(r.json)}`);
        if (acked.has(k)) {
          assert.equal(r.status, 200, `batch ${k} was acknowledged before the kill`);
          assert.equal((r.json as { first_sample: number }).first_sample, acked.get(k));
        }
      }
      const after = (await call(b.base, 'GET', `/api/sorties/${id}`, undefined, { auth: auth2 })).json as { sample_count: number; batch_count: number };
      assert.equal(after.sample_count, total * 200, 'every sample once');
      assert.equal(after.batch_count, total);
    } finally {
      b.kill('SIGTERM');
      assert.equal(await b.exited, 0);
    }
    // Read back from the file: each batch's rows exactly once, at its acknowledged place.
    const store = new SqliteStore({ path: join(dir, 'nariz.db') });
    await store.migrate();
    const stored = await store.readSamples(sortieId('killed-in-flight'));
    const batches: Sortie[] = [];
    const firsts: Array<[number, number]> = [];
    for (let k = 0; k < total; k++) batches.push(parseSortieCsv(killBatch(k)).sortie);
    const starts = new Map<number, number>();
    // Order batches by where they were stored (sorted time makes that checkable): samples are in arrival order.
    for (let k = 0; k < total; k++) {
      const t0 = batches[k]!.timeS[0]!;
      const at = stored.timeS.indexOf(t0);
      assert.ok(at >= 0 && at % 200 === 0, `batch ${k} starts at a batch boundary (${at})`);
      starts.set(k, at);
      firsts.push([at, k]);
    }
    firsts.sort((x, y) => x[0] - y[0]);
    assertSameColumns(stored, concatSorties(firsts.map(([, k]) => batches[k]!), sortieShape(batches[0]!)));
    for (const [k, first] of acked) assert.equal(starts.get(k), first);
    await store.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
