/**
 * The store contract suite: what every adapter must do, run against a real
 * database by each adapter's test file (`storeContract('sqlite', open)`).
 * `open` returns a fresh, empty, migrated store.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { concatSorties, sliceSortie, sortieColumns, sortieId, sortieShape, type Sortie } from '@nariz/core';
import { SCHEMA_VERSION, type Store } from '../src/index.js';
import { makeBatch } from './batches.js';
import { accountsContract } from './accounts-contract.js';
import { jobsContract } from './jobs-contract.js';
import { auditFlightContract } from './audit-flight-contract.js';
import { auditCheckpointsContract } from './audit-checkpoints-contract.js';
import { videoContract } from './video-contract.js';
import { leadsContract } from './leads-contract.js';
import { networkContract } from './network-contract.js';
import { glossaryContract } from './glossary-contract.js';

export function assertSameSamples(a: Sortie, b: Sortie, what = 'samples'): void {
  assert.equal(a.count, b.count, `${what}: count`);
  const ca = sortieColumns(a);
  const cb = sortieColumns(b);
  assert.deepEqual(ca.map(([n]) => n), cb.map(([n]) => n), `${what}: columns`);
  ca.forEach(([name, x], c) => {
    const y = cb[c]![1];
    for (let i = 0; i < a.count; i++) if (!Object.is(x[i], y[i])) assert.fail(`${what}: ${name}[${i}] ${x[i]} vs ${y[i]}`);
  });
}

function rejects(p: Promise<unknown>, code: string, re?: RegExp): Promise<void> {
  return assert.rejects(p, (err: unknown) => {
    assert.ok(err instanceof Error && 'code' in err, String(err));
    assert.equal(err.code, code, err.message);
    if (re !== undefined) assert.match(err.message, re);
    return true;
  });
}

export function storeContract(name: string, open: () => Promise<Store>): void {
  const withStore = (title: string, body: (s: Store) => Promise<void>): void => {
    test(`${name} store: ${title}`, async () => {
      const s = await open();
      try {
        await body(s);
      } finally {
        await s.close();
      }
    });
  };

  withStore('migrations are applied once and recorded', async (s) => {
    const again = await s.migrate();
    assert.deepEqual(again, { from: SCHEMA_VERSION, to: SCHEMA_VERSION, applied: [] });
    await s.ping();
  });

  withStore('sorties are created, listed, read and deleted; ids are unique', async (s) => {
    const a = await s.createSortie({ id: sortieId('a'), name: 'North ridge', simulated: true });
    assert.equal(a.name, 'North ridge');
    assert.equal(a.simulated, true);
    assert.equal(a.sampleCount, 0);
    assert.equal(a.shape, undefined);
    assert.equal(a.timeRangeS, undefined);
    assert.match(a.createdAt, /^\d{4}-\d\d-\d\dT/);
    await s.createSortie({ id: sortieId('b'), name: 'Harbour', simulated: false });
    const ids = (await s.listSorties()).map((r) => r.id);
    assert.equal(ids.length, 2);
    assert.deepEqual(new Set(ids), new Set(['a', 'b']));
    await rejects(s.createSortie({ id: sortieId('a'), name: 'again', simulated: false }), 'NARIZ_CONFLICT', /exists already/);
    assert.equal((await s.getSortie(sortieId('a')))?.name, 'North ridge', 'the conflict changed nothing');
    assert.equal(await s.deleteSortie(sortieId('a')), true);
    assert.equal(await s.deleteSortie(sortieId('a')), false);
    assert.equal(await s.getSortie(sortieId('a')), undefined);
    assert.deepEqual((await s.listSorties()).map((r) => r.id), ['b']);
  });

  withStore('batches append in order and read back exactly, whole or by range', async (s) => {
    const id = sortieId('s1');
    await s.createSortie({ id, name: 's1', simulated: true });
    const batches = [120, 1, 77, 300].map((count, k) => makeBatch({ count, seed: 10 + k, path: true, t0: 1.7e9 + 1000 * k }));
    let first = 0;
    for (const [k, b] of batches.entries()) {
      const ack = await s.appendBatch(id, `b${k}`, b);
      assert.deepEqual(ack, { sortieId: id, batchId: `b${k}`, firstSample: first, count: b.count, duplicate: false });
      first += b.count;
    }
    const all = concatSorties(batches, sortieShape(batches[0]!));
    assertSameSamples(await s.readSamples(id), all, 'whole sortie');
    for (const [from, to] of [[0, 1], [119, 122], [100, 400], [497, 498], [0, 498], [200, 200], [450, 10_000]] as const) {
      assertSameSamples(await s.readSamples(id, { from, to }), sliceSortie(all, from, Math.min(to, all.count)), `range ${from}..${to}`);
    }
    const rec = (await s.getSortie(id))!;
    assert.equal(rec.sampleCount, 498);
    assert.equal(rec.batchCount, 4);
    assert.deepEqual(rec.shape, sortieShape(batches[0]!));
    let tMin = Infinity;
    let tMax = -Infinity;
    let minLon = Infinity;
    let maxLat = -Infinity;
    for (let i = 0; i < all.count; i++) {
      tMin = Math.min(tMin, all.timeS[i]!);
      tMax = Math.max(tMax, all.timeS[i]!);
      minLon = Math.min(minLon, all.lon[i]!);
      maxLat = Math.max(maxLat, all.lat[i]!);
    }
    assert.deepEqual(rec.timeRangeS, [tMin, tMax]);
    assert.equal(rec.bbox?.[0], minLon);
    assert.equal(rec.bbox?.[3], maxLat);
  });

  withStore('a batch id sent again is acknowledged as before and stored once; reused for other samples it is a conflict', async (s) => {
    const id = sortieId('idem');
    await s.createSortie({ id, name: 'idem', simulated: false });
    const b0 = makeBatch({ count: 40, seed: 1 });
    const b1 = makeBatch({ count: 25, seed: 2 });
    const ack0 = await s.appendBatch(id, 'x', b0);
    await s.appendBatch(id, 'y', b1);
    const again = await s.appendBatch(id, 'x', b0);
    assert.deepEqual(again, { ...ack0, duplicate: true });
    await rejects(s.appendBatch(id, 'y', b0), 'NARIZ_CONFLICT', /different samples/);
    const rec = (await s.getSortie(id))!;
    assert.equal(rec.sampleCount, 65);
    assert.equal(rec.batchCount, 2);
    assertSameSamples(await s.readSamples(id), concatSorties([b0, b1], sortieShape(b0)));
  });

  withStore('a batch with other species or path columns is refused and nothing is stored', async (s) => {
    const id = sortieId('shape');
    await s.createSortie({ id, name: 'shape', simulated: false });
    await s.appendBatch(id, 'a', makeBatch({ count: 10, seed: 1, species: ['acetone', 'hcl'] }));
    await rejects(s.appendBatch(id, 'b', makeBatch({ count: 10, seed: 2, species: ['hcl', 'acetone'] })), 'NARIZ_BATCH_COLUMNS', /acetone, hcl/);
    await rejects(s.appendBatch(id, 'c', makeBatch({ count: 10, seed: 3, species: ['acetone', 'hcl'], path: true })), 'NARIZ_BATCH_COLUMNS', /path columns/);
    const rec = (await s.getSortie(id))!;
    assert.equal(rec.sampleCount, 10);
    assert.equal(rec.batchCount, 1);
    // The refused ids are free: a matching batch may use them.
    assert.equal((await s.appendBatch(id, 'b', makeBatch({ count: 5, seed: 4, species: ['acetone', 'hcl'] }))).firstSample, 10);
  });

  withStore('unknown sorties are not found; deleting a sortie deletes its samples', async (s) => {
    const ghost = sortieId('ghost');
    await rejects(s.appendBatch(ghost, 'a', makeBatch({ count: 3, seed: 1 })), 'NARIZ_NOT_FOUND');
    await rejects(s.readSamples(ghost), 'NARIZ_NOT_FOUND');
    const id = sortieId('gone');
    await s.createSortie({ id, name: 'gone', simulated: false });
    await s.appendBatch(id, 'a', makeBatch({ count: 30, seed: 1 }));
    assert.equal(await s.deleteSortie(id), true);
    await rejects(s.readSamples(id), 'NARIZ_NOT_FOUND');
    // The same id can be used again, from nothing.
    await s.createSortie({ id, name: 'again', simulated: false });
    assert.equal((await s.appendBatch(id, 'a', makeBatch({ count: 4, seed: 2 }))).firstSample, 0);
    assert.equal((await s.readSamples(id)).count, 4);
  });

  accountsContract(withStore);
  jobsContract(withStore);
  auditFlightContract(withStore);
  auditCheckpointsContract(withStore);
  videoContract(withStore);
  leadsContract(withStore);
  networkContract(withStore);
  glossaryContract(withStore);
}
