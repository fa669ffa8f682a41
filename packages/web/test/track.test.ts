import { test } from 'node:test';
import assert from 'node:assert/strict';
import { positionAt, sampleIndexAt, trackSegments } from '../src/geo/track.js';
import { backoffDelayMs } from '../src/live/backoff.js';

const cols = { timeS: [100, 101, 102, 104], lat: [10, 10.001, 10.002, 10.004], lon: [-70, -70, -69.999, -69.999] };

test('sampleIndexAt finds the last sample at or before t', () => {
  assert.equal(sampleIndexAt(cols.timeS, 99.9), -1);
  assert.equal(sampleIndexAt(cols.timeS, 100), 0);
  assert.equal(sampleIndexAt(cols.timeS, 101.5), 1);
  assert.equal(sampleIndexAt(cols.timeS, 103.99), 2);
  assert.equal(sampleIndexAt(cols.timeS, 104), 3);
  assert.equal(sampleIndexAt(cols.timeS, 1e9), 3);
  assert.equal(sampleIndexAt([], 5), -1);
});

test('positionAt interpolates linearly between samples and holds at the end', () => {
  assert.equal(positionAt(cols, 99), null);
  const mid = positionAt(cols, 103)!;
  assert.deepEqual(mid.geometry.coordinates, [-69.999, 10.003]);
  assert.deepEqual(positionAt(cols, 500)!.geometry.coordinates, [-69.999, 10.004]);
});

test('segments carry the end time and the scaled concentration, none where it is not finite', () => {
  const fc = trackSegments(cols, [1e-9, 2e-9, Number.NaN, 4e-9], 1e9);
  assert.equal(fc.features.length, 3);
  assert.deepEqual(fc.features[0]!.properties, { t: 101, c: 2 });
  assert.deepEqual(fc.features[1]!.properties, { t: 102 });
  assert.deepEqual(fc.features[2]!.geometry.coordinates, [[-69.999, 10.002], [-69.999, 10.004]]);
  const bare = trackSegments(cols, undefined, 1);
  assert.deepEqual(bare.features[0]!.properties, { t: 101 });
});

test('reconnection delays grow exponentially with jitter inside [cap/2, cap], capped', () => {
  const lo = (a: number): number => backoffDelayMs(a, { random: () => 0 });
  const hi = (a: number): number => backoffDelayMs(a, { random: () => 1 });
  assert.equal(lo(0), 250);
  assert.equal(hi(0), 500);
  assert.equal(hi(3), 4000);
  assert.equal(hi(20), 30_000);
  assert.equal(lo(20), 15_000);
  assert.throws(() => backoffDelayMs(-1), /whole number/);
});
