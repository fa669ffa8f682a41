import { test } from 'node:test';
import assert from 'node:assert/strict';
import { colourStops, concentrationDomain, quantile, rampColour, RAMP, scalePosition } from '../src/geo/colour-scale.js';

test('the ramp starts and ends at its first and last stops', () => {
  assert.equal(rampColour(0), RAMP[0]);
  assert.equal(rampColour(1), RAMP[RAMP.length - 1]);
  assert.equal(rampColour(-3), RAMP[0]);
  assert.equal(rampColour(7), RAMP[RAMP.length - 1]);
});

test('the ramp hits every stop and interpolates halfway between two', () => {
  const n = RAMP.length - 1;
  for (let i = 0; i <= n; i++) assert.equal(rampColour(i / n), RAMP[i]);
  // Halfway between #23407a and #2f7fc0: (35+47)/2=41 → 29, (64+127)/2=95.5 → 60, (122+192)/2=157 → 9d.
  assert.equal(rampColour(0.5 / n), '#29609d');
  assert.throws(() => rampColour(Number.NaN), /NaN/);
});

test('quantile is the linear (type 7) one and skips non-finite values', () => {
  assert.equal(quantile([3, 1, 2, 4], 0.5), 2.5);
  assert.equal(quantile([1, 2, 3, 4, 5], 0), 1);
  assert.equal(quantile([1, 2, 3, 4, 5], 1), 5);
  assert.equal(quantile([1, 2, 3, 4, 5], 0.25), 2);
  assert.equal(quantile([10, Number.NaN, 20, Number.POSITIVE_INFINITY], 0.5), 15);
  assert.ok(Number.isNaN(quantile([], 0.5)));
});

test('the domain runs from the median (background) to the 99.5th percentile', () => {
  const v = new Float64Array(1001);
  for (let i = 0; i <= 1000; i++) v[i] = i;
  const d = concentrationDomain(v);
  assert.equal(d.lo, 500);
  assert.ok(Math.abs(d.hi - 995) < 1e-9);
  assert.equal(scalePosition(d, 500), 0);
  assert.equal(scalePosition(d, 2000), 1);
  assert.ok(Math.abs(scalePosition(d, 747.5) - 0.5) < 1e-12);
});

test('a flat or empty series still gets a usable domain', () => {
  const flat = concentrationDomain([4, 4, 4]);
  assert.equal(flat.lo, 4);
  assert.ok(flat.hi > flat.lo);
  const none = concentrationDomain([]);
  assert.deepEqual(none, { lo: 0, hi: 1 });
});

test('colour stops span the domain evenly, ascending, one per ramp colour', () => {
  const stops = colourStops({ lo: 10, hi: 60 });
  assert.equal(stops.length, RAMP.length);
  assert.deepEqual(stops[0], [10, RAMP[0]]);
  assert.deepEqual(stops[stops.length - 1], [60, RAMP[RAMP.length - 1]]);
  for (let i = 1; i < stops.length; i++) assert.ok(stops[i]![0] > stops[i - 1]![0]);
});
