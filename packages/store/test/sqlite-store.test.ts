/**
 * The SQLite adapter: the store contract on a real database file, plus what
 * only a file shows — samples survive a reopen, a process killed with
 * SIGKILL mid-ingest loses no acknowledged batch and duplicates none, and a
 * database from a newer Nariz is refused untouched.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { concatSorties, sliceSortie, sortieId, sortieShape } from '@nariz/core';
import { accessPredicate } from '@nariz/security';
import { leadId, MIGRATIONS, releaseId, SCHEMA_VERSION, SqliteStore } from '../src/index.js';
import { marking, POLICY } from './random-markings.js';
import { assertSameSamples, storeContract } from './store-contract.js';
import { makeBatch } from './batches.js';

const dirs: string[] = [];
function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'nariz-store-'));
  dirs.push(d);
  return d;
}
process.on('exit', () => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

storeContract('sqlite', async () => {
  const s = new SqliteStore({ path: join(tempDir(), 'nariz.db') });
  const report = await s.migrate();
  assert.equal(report.from, 0);
  assert.equal(report.to, SCHEMA_VERSION);
  assert.equal(report.applied.length, SCHEMA_VERSION);
  return s;
});

test('sqlite store: samples survive closing and reopening the file', async () => {
  const path = join(tempDir(), 'reopen.db');
  const a = new SqliteStore({ path, now: () => new Date('2026-11-27T10:00:00Z') });
  await a.migrate();
  const id = sortieId('keep');
  await a.createSortie({ id, name: 'keep', simulated: true });
  const batches = [makeBatch({ count: 500, seed: 1 }), makeBatch({ count: 250, seed: 2 })];
  for (const [k, b] of batches.entries()) await a.appendBatch(id, `k${k}`, b);
  await a.close();
  const b = new SqliteStore({ path });
  assert.deepEqual((await b.migrate()).applied, []);
  const rec = (await b.getSortie(id))!;
  assert.equal(rec.createdAt, '2026-11-27T10:00:00.000Z');
  assert.equal(rec.sampleCount, 750);
  assertSameSamples(await b.readSamples(id), concatSorties(batches, sortieShape(batches[0]!)));
  await b.close();
});

test('sqlite store: a database of schema version 1 with sorties is upgraded in place and keeps them', async () => {
  const path = join(tempDir(), 'v1.db');
  const raw = new Database(path);
  raw.exec('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
  raw.exec(MIGRATIONS[0]!.sqlite);
  raw.prepare('INSERT INTO schema_migrations VALUES (1, ?, ?)').run(MIGRATIONS[0]!.name, '2026-11-01T00:00:00Z');
  raw.prepare("INSERT INTO sorties (id, name, simulated, created_at) VALUES ('old', 'before v2', 1, '2026-11-01T00:00:00Z')").run();
  raw.close();
  const s = new SqliteStore({ path });
  const report = await s.migrate();
  assert.equal(report.from, 1);
  assert.deepEqual(report.applied, MIGRATIONS.slice(1).map((m) => `${m.version} ${m.name}`));
  assert.equal((await s.getSortie(sortieId('old')))?.name, 'before v2');
  const job = await s.jobs.createJob({ id: 'j', kind: 'locate', sortieId: sortieId('old'), options: {}, createdBy: undefined });
  assert.equal(job.state, 'queued');
  await s.close();
});

test('sqlite store: a database of schema version 3 (audit log, plans) is upgraded in place to videos and keeps what it held', async () => {
  const path = join(tempDir(), 'v3.db');
  const raw = new Database(path);
  raw.pragma('foreign_keys = ON');
  raw.exec('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
  for (const m of MIGRATIONS.filter((x) => x.version <= 3)) {
    raw.exec(m.sqlite);
    raw.prepare('INSERT INTO schema_migrations VALUES (?, ?, ?)').run(m.version, m.name, '2026-11-01T00:00:00Z');
  }
  raw.prepare("INSERT INTO sorties (id, name, simulated, created_at) VALUES ('old', 'before v4', 0, '2026-11-01T00:00:00Z')").run();
  raw.prepare("INSERT INTO flight_plans (id, name, plan, created_by, created_at, updated_at) VALUES ('p', 'plan', '{}', 'ana', '2026-11-01T00:00:00Z', '2026-11-01T00:00:00Z')").run();
  raw.close();
  const s = new SqliteStore({ path });
  const report = await s.migrate();
  assert.equal(report.from, 3);
  assert.deepEqual(report.applied, MIGRATIONS.filter((m) => m.version > 3).map((m) => `${m.version} ${m.name}`));
  assert.equal((await s.getSortie(sortieId('old')))?.name, 'before v4');
  assert.equal((await s.flight.getPlan('p'))?.name, 'plan');
  const v = await s.videos.createVideo({ id: 'v', name: 'first.ts', byteSize: 10, sha256: '00', createdBy: 'ana', originalPath: 'v/original.ts' });
  assert.equal(v.status, 'uploaded');
  await s.close();
});

test('sqlite store: a database of schema version 4 is upgraded in place to markings (its users keep TS, the own country, the task force); releases and lead events then refuse UPDATE and DELETE', async () => {
  const path = join(tempDir(), 'v4.db');
  const raw = new Database(path);
  raw.pragma('foreign_keys = ON');
  raw.exec('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
  for (const m of MIGRATIONS.filter((x) => x.version <= 4)) {
    raw.exec(m.sqlite);
    raw.prepare('INSERT INTO schema_migrations VALUES (?, ?, ?)').run(m.version, m.name, '2026-11-01T00:00:00Z');
  }
  raw.prepare("INSERT INTO users (username, role, password_hash, must_change_password, disabled, created_at) VALUES ('ana', 'analyst', 'h', 0, 0, '2026-11-01T00:00:00Z')").run();
  raw.prepare("INSERT INTO videos (id, name, byte_size, sha256, status, created_by, created_at, updated_at, original_path) VALUES ('v', 'v.ts', 1, '00', 'ready', 'ana', '2026-11-01T00:00:00Z', '2026-11-01T00:00:00Z', 'v/original.ts')").run();
  raw.close();
  const s = new SqliteStore({ path });
  const report = await s.migrate();
  assert.equal(report.from, 4);
  assert.deepEqual(report.applied, MIGRATIONS.filter((m) => m.version > 4).map((m) => `${m.version} ${m.name}`));
  const ana = (await s.accounts.getUser('ana'))!;
  assert.deepEqual([ana.clearance, ana.nationality, ana.organisation, ana.accesses, ana.role], ['TS', undefined, 'task force', [], 'analyst']);
  assert.equal((await s.videos.getVideo('v'))?.status, 'ready');
  const id = leadId('l1');
  const at = '2026-11-27T10:00:00.000Z';
  await s.leads.createLead({
    id, title: 'farm', summary: '', lang: 'en', lat: 19.4, lon: -99.1, ci95M: 30, labProbability: 0.8, source: undefined, detectedAt: undefined, marking: marking('S', ['MEX']), createdBy: 'ana', at,
  });
  await s.leads.transition(id, { from: 'candidate', to: 'confirmed', actor: 'ana', at, note: '', details: {} });
  await s.releases.createRelease({
    id: releaseId('r1'), leadId: id, partnerCountry: 'MEX', partnerUnit: 'SEMAR', language: 'es', createdBy: 'ana', createdAt: at, banner: 'SECRET//REL TO USA, MEX',
    marking: marking('S', ['MEX']), packageJson: '{}', sha256: '44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a', html: { en: 'a', es: 'b' }, fromStatus: 'confirmed', note: '',
  });
  await s.close();
  const db = new Database(path);
  assert.throws(() => db.prepare("UPDATE releases SET banner = 'UNCLASSIFIED'").run(), /releases are immutable/);
  assert.throws(() => db.prepare('DELETE FROM releases').run(), /releases are immutable/);
  assert.throws(() => db.prepare("UPDATE lead_events SET note = 'rewritten'").run(), /append-only/);
  assert.throws(() => db.prepare('DELETE FROM lead_events').run(), /append-only/);
  db.close();
  const again = new SqliteStore({ path });
  assert.equal((await again.releases.getRelease(releaseId('r1'), accessPredicate({ username: 'ana', clearance: 'TS', nationality: 'USA', organisation: 'task force', roles: [] }, POLICY)))?.banner, 'SECRET//REL TO USA, MEX');
  await again.close();
});

test('sqlite store: a database from a newer Nariz is refused and left as it was', async () => {
  const path = join(tempDir(), 'newer.db');
  const a = new SqliteStore({ path });
  await a.migrate();
  await a.close();
  const raw = new Database(path);
  raw.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(SCHEMA_VERSION + 1, 'from the future', '2030-01-01T00:00:00Z');
  raw.close();
  const b = new SqliteStore({ path });
  await assert.rejects(b.migrate(), (err: unknown) => err instanceof Error && 'code' in err && err.code === 'NARIZ_STORE_VERSION' && /newer Nariz/.test(err.message));
  await b.close();
  const check = new Database(path, { readonly: true });
  assert.equal((check.prepare('SELECT max(version) AS v FROM schema_migrations').get() as { v: number }).v, SCHEMA_VERSION + 1);
  check.close();
});

test('sqlite store: SIGKILL during ingest loses no acknowledged batch and duplicates none', async () => {
  const path = join(tempDir(), 'kill.db');
  const writer = fileURLToPath(new URL('./ingest-writer.js', import.meta.url));
  const child = spawn(process.execPath, [writer, path], { stdio: ['ignore', 'pipe', 'inherit'] });
  const acked: Array<{ batchId: string; firstSample: number; count: number }> = [];
  let buf = '';
  await new Promise<void>((resolve, reject) => {
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      buf += chunk;
      for (let nl = buf.indexOf('\n'); nl >= 0; nl = buf.indexOf('\n')) {
        const line = buf.slice(0, nl);
        buf = buf.slice(nl + 1);
        acked.push(JSON.parse(line) as { batchId: string; firstSample: number; count: number });
        // Kill it mid-stream, while it is writing the next batch.
        if (acked.length === 40) child.kill('SIGKILL');
      }
    });
    child.on('exit', (code, signal) => (signal === 'SIGKILL' ? resolve() : reject(new Error(`writer exited with ${code ?? signal} before it was killed`))));
    child.on('error', reject);
  });
  assert.ok(acked.length >= 40);
  const s = new SqliteStore({ path });
  await s.migrate();
  const id = sortieId('live');
  const rec = (await s.getSortie(id))!;
  assert.ok(rec.batchCount >= acked.length, `${rec.batchCount} batches stored, ${acked.length} acknowledged`);
  // Every acknowledged batch is there, where it was acknowledged, with its samples.
  const all = await s.readSamples(id);
  const expected = acked.map((a, k) => makeBatch({ count: a.count, seed: 1000 + k, t0: 1.7e9 + 100 * k }));
  for (const [k, a] of acked.entries()) {
    const again = await s.appendBatch(id, a.batchId, expected[k]!);
    assert.deepEqual(again, { sortieId: id, batchId: a.batchId, firstSample: a.firstSample, count: a.count, duplicate: true }, `batch ${a.batchId}`);
  }
  assert.equal(all.count, rec.sampleCount);
  const n = acked.reduce((x, a) => x + a.count, 0);
  assertSameSamples(sliceSortie(all, 0, n), concatSorties(expected, sortieShape(expected[0]!)), 'acknowledged samples');
  assert.equal((await s.getSortie(id))!.sampleCount, rec.sampleCount, 'resending changed nothing');
  await s.close();
});
