/**
 * The batch encoding: exact round trips for every shape (NaN path ends,
 * unknown stability, empty batches), and every kind of damage reported as
 * NARIZ_STORE_CORRUPT, never a half-decoded batch.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRng, sortieColumns, sortieShape, type Sortie } from '@nariz/core';
import { decodeBatch, encodeBatch, shapeColumns } from '../src/index.js';
import { makeBatch } from './batches.js';

function assertSameSortie(a: Sortie, b: Sortie): void {
  assert.equal(a.count, b.count);
  const ca = sortieColumns(a);
  const cb = sortieColumns(b);
  assert.deepEqual(ca.map(([n]) => n), cb.map(([n]) => n));
  ca.forEach(([name, x], c) => {
    const y = cb[c]![1];
    for (let i = 0; i < a.count; i++) assert.ok(Object.is(x[i], y[i]), `${name}[${i}]: ${x[i]} vs ${y[i]}`);
  });
  assert.deepEqual(sortieShape(a), sortieShape(b));
}

test('batches round-trip exactly, whatever their shape', () => {
  const rng = createRng(5);
  for (let trial = 0; trial < 40; trial++) {
    const count = trial === 0 ? 0 : Math.floor(rng.uniform(1, 300));
    const species = ['acetone', 'toluene', 'hcl', 'ch4'].slice(0, Math.floor(rng.uniform(0, 4.99)));
    const b = makeBatch({ count, seed: trial, species, path: trial % 2 === 1 });
    const bytes = encodeBatch(b);
    assertSameSortie(decodeBatch(bytes, sortieShape(b)), b);
  }
});

test('damaged batches are reported as corrupt, with what is wrong', () => {
  const b = makeBatch({ count: 50, seed: 1, path: true });
  const shape = sortieShape(b);
  const bytes = encodeBatch(b);
  const corrupt = (data: Uint8Array, re: RegExp, s = shape): void => {
    assert.throws(() => decodeBatch(data, s), (err: unknown) => {
      assert.ok(err instanceof Error && 'code' in err && err.code === 'NARIZ_STORE_CORRUPT', String(err));
      assert.match(err.message, re);
      return true;
    });
  };
  corrupt(bytes.subarray(0, 6), /shorter than a header/);
  const bad = bytes.slice();
  bad[0] = 0;
  corrupt(bad, /bad magic/);
  corrupt(bytes.subarray(0, bytes.length - 8), /runs past the end/);
  const longer = new Uint8Array(bytes.length + 8);
  longer.set(bytes);
  corrupt(longer, /bytes after the last column/);
  // Read with another sortie's shape: the columns do not match.
  corrupt(bytes, /columns .* are not the sortie's/, { ...shape, hasPath: false });
  corrupt(bytes, /columns .* are not the sortie's/, { ...shape, species: shape.species.slice(1) });
  assert.deepEqual(shapeColumns(shape).slice(-3), ['species:acetone', 'species:toluene', 'species:hcl']);
});
