/**
 * `nariz backup` and `nariz restore` as a person runs them: a backup taken
 * while the database is open is complete, restore refuses to overwrite
 * without --force, refuses what is not a Nariz database, and brings the
 * database back exactly as it was backed up.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRng, sortieId, type Sortie } from '@nariz/core';
import { SqliteStore, sqlitePath } from '@nariz/store';
import { nariz } from './run-cli.js';

function batch(n: number, seed: number): Sortie {
  const rng = createRng(seed);
  const f = (): Float64Array => Float64Array.from({ length: n }, () => rng.uniform(0, 1));
  return {
    count: n, timeS: Float64Array.from({ length: n }, (_, i) => 1.7e9 + i), lat: f(), lon: f(), altAglM: f(), windU: f(), windV: f(),
    stability: new Uint8Array(n).fill(3), tempC: f(), pressureHpa: f(),
    species: [{ key: 'acetone', chemical: 'ACETONE', molarMassGmol: 58.08, unit: 'ppb', kgM3: f() }],
  };
}

test('backup while the database is open, then restore it over later changes', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'nariz-backup-'));
  try {
    const data = join(dir, 'data');
    mkdirSync(data);
    const store = new SqliteStore({ path: sqlitePath(data) });
    await store.migrate();
    await store.createSortie({ id: sortieId('kept'), name: 'kept', simulated: true });
    await store.appendBatch(sortieId('kept'), 'b0', batch(1000, 1));
    // The store stays open (as a running server's would) while the backup runs.
    const out = join(dir, 'backup.db');
    const b = nariz('backup', '--data-dir', data, '--out', out);
    assert.equal(b.code, 0, b.stderr);
    assert.match(b.stdout, /1 sortie\(s\)/);
    assert.equal(nariz('backup', '--data-dir', data, '--out', out).code, 2, 'an existing backup file is not overwritten');
    await store.createSortie({ id: sortieId('later'), name: 'later', simulated: false });
    await store.close();

    const refused = nariz('restore', '--data-dir', data, '--from', out);
    assert.equal(refused.code, 2);
    assert.match(refused.stderr, /--force/);
    const junk = join(dir, 'junk.db');
    writeFileSync(junk, 'not a database at all, just text'.repeat(200));
    const bad = nariz('restore', '--data-dir', data, '--from', junk, '--force');
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /NARIZ_(STORE_CORRUPT|IO)/);

    const r = nariz('restore', '--data-dir', data, '--from', out, '--force');
    assert.equal(r.code, 0, r.stderr);
    const back = new SqliteStore({ path: sqlitePath(data) });
    await back.migrate();
    assert.deepEqual((await back.listSorties()).map((s) => s.id), ['kept']);
    const samples = await back.readSamples(sortieId('kept'));
    assert.equal(samples.count, 1000);
    assert.deepEqual(samples.species[0]!.kgM3, batch(1000, 1).species[0]!.kgM3);
    await back.close();
    assert.equal(nariz('backup', '--data-dir', join(dir, 'nowhere'), '--out', join(dir, 'x.db')).code, 2);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
