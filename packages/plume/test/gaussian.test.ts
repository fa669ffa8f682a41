import { test } from 'node:test';
import assert from 'node:assert/strict';
import { plumeUnit, plumeUnitEnu, plumeUnitPathEnu, SIGMA_SET_INDEX } from '../src/index.js';

const D = 3;
const rural = (h = 0) => ({ sigmaSet: SIGMA_SET_INDEX['briggs-rural'], stability: D, sourceHeightM: h });
const close = (actual: number, expected: number, rel: number, what: string) =>
  assert.ok(Math.abs(actual - expected) <= rel * Math.abs(expected), `${what}: ${actual} vs ${expected} (rel tol ${rel})`);

// Reference values from the issue (Q = 1 kg/s, u = 5 m/s, class D), tolerance 0.1 %.
test('Gaussian plume reproduces published reference values (0.1 %)', () => {
  close(plumeUnit(rural(), 100, 0, 0, 5), 1.4294e-3, 1e-3, 'rural x=100');
  close(plumeUnit(rural(), 500, 0, 0, 5), 7.1914e-5, 1e-3, 'rural x=500');
  close(plumeUnit(rural(), 1000, 0, 0, 5), 2.1994e-5, 1e-3, 'rural x=1000');
  close(plumeUnit(rural(), 500, 50, 0, 5), 3.1663e-5, 1e-3, 'rural x=500 y=50');
  close(plumeUnit(rural(10), 500, 0, 0, 5), 6.5251e-5, 1e-3, 'rural x=500 H=10');
  const urban = { sigmaSet: SIGMA_SET_INDEX['briggs-urban'], stability: D, sourceHeightM: 0 };
  close(plumeUnit(urban, 500, 0, 0, 5), 1.3355e-5, 1e-3, 'urban x=500');
});

test('upwind receptors see nothing; concentration scales as 1/u', () => {
  assert.equal(plumeUnit(rural(), -10, 0, 0, 5), 0);
  assert.equal(plumeUnit(rural(), 0, 0, 0, 5), 0);
  close(plumeUnit(rural(), 300, 10, 2, 2.5), 2 * plumeUnit(rural(), 300, 10, 2, 5), 1e-12, '1/u');
});

test('ENU form rotates into the wind frame', () => {
  // Wind toward east: a receptor 500 m east of the source is on the centreline.
  close(plumeUnitEnu(rural(), 0, 0, 500, 0, 0, 5, 0), 7.1914e-5, 1e-3, 'east wind');
  // Wind toward north (from the south).
  close(plumeUnitEnu(rural(), 100, 100, 100, 600, 0, 0, 5), 7.1914e-5, 1e-3, 'north wind');
  close(plumeUnitEnu(rural(), 0, 0, 500, -50, 0, 5, 0), 3.1663e-5, 1e-3, 'crosswind 50 m');
});

test('path average equals the mean of the point field along the segment', () => {
  const p = rural();
  // Brute-force oracle: 20001-point trapezoid.
  const n = 20001;
  let s = 0;
  for (let i = 0; i < n; i++) {
    const t = i / (n - 1);
    const w = i === 0 || i === n - 1 ? 0.5 : 1;
    s += w * plumeUnitEnu(p, 0, 0, 400, -60 + 120 * t, 5, 4, 0);
  }
  const oracle = s / (n - 1);
  close(plumeUnitPathEnu(p, 0, 0, 400, -60, 5, 400, 60, 5, 4, 0, 33), oracle, 2e-3, 'path average');
  // Degenerate segment = point.
  close(plumeUnitPathEnu(p, 0, 0, 400, 3, 5, 400, 3, 5, 4, 0), plumeUnitEnu(p, 0, 0, 400, 3, 5, 4, 0), 1e-12, 'zero-length path');
});
