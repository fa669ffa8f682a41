import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRng } from '@nariz/core';
import { MeanderWind, applyFirstOrderLag, backgroundSeries, intermittencyFactors, ouMean, ouSeries, ouAt } from '../src/index.js';

const times = (n: number, dt: number, t0 = 1000): Float64Array => Float64Array.from({ length: n }, (_, k) => t0 + k * dt);

test('first-order lag: step response is 1 - exp(-t/tau) within 1e-9, uniform and ragged sampling', () => {
  for (const [tau, dt] of [[2, 0.5], [5, 1], [0.3, 0.1], [30, 2]] as const) {
    const t = times(200, dt);
    const x = new Float64Array(200).fill(1);
    x[0] = 0;
    const y = applyFirstOrderLag(x, t, tau);
    for (let k = 0; k < 200; k++) assert.ok(Math.abs(y[k]! - (1 - Math.exp(-(t[k]! - t[0]!) / tau))) < 1e-9, `tau ${tau} k ${k}`);
  }
  const rng = createRng(4);
  const t = new Float64Array(300);
  for (let k = 1; k < 300; k++) t[k] = t[k - 1]! + rng.uniform(0.05, 1.5);
  const x = new Float64Array(300).fill(1);
  x[0] = 0;
  const y = applyFirstOrderLag(x, t, 3);
  for (let k = 0; k < 300; k++) assert.ok(Math.abs(y[k]! - (1 - Math.exp(-t[k]! / 3))) < 1e-9);
});

test('first-order lag: tau = 0 copies, the input is untouched, a constant stays constant', () => {
  const t = times(50, 1);
  const x = Float64Array.from({ length: 50 }, (_, k) => Math.sin(k));
  assert.deepEqual(applyFirstOrderLag(x, t, 0), x);
  const c = new Float64Array(50).fill(7.25);
  const y = applyFirstOrderLag(c, t, 4);
  for (const v of y) assert.ok(Math.abs(v - 7.25) < 1e-12);
  assert.equal(x[3], Math.sin(3));
  assert.throws(() => applyFirstOrderLag(x, times(49, 1), 1), RangeError);
});

test('intermittency factors: mean 1, coefficient of variation as asked, correlated over the time scale; cv 0 gives 1', () => {
  const t = times(200_000, 0.5);
  const f = intermittencyFactors(createRng(8), 0.3, t, 3);
  let m = 0;
  for (const v of f) m += v;
  m /= f.length;
  let v2 = 0;
  let c1 = 0;
  for (let k = 0; k < f.length; k++) {
    v2 += (f[k]! - m) ** 2;
    if (k + 6 < f.length) c1 += (f[k]! - m) * (f[k + 6]! - m);
  }
  const sd = Math.sqrt(v2 / f.length);
  assert.ok(Math.abs(m - 1) < 0.01, `mean ${m}`);
  assert.ok(Math.abs(sd - 0.3) < 0.015, `cv ${sd}`);
  // Lag of 3 s (one time scale): correlation of the log-normal ≈ (exp(s²ρ) - 1)/(exp(s²) - 1) with ρ = e^-1.
  const s2 = Math.log1p(0.09);
  const expected = Math.expm1(s2 * Math.exp(-1)) / Math.expm1(s2);
  assert.ok(Math.abs(c1 / v2 - expected) < 0.03, `autocorrelation ${c1 / v2} vs ${expected}`);
  assert.ok(intermittencyFactors(createRng(1), 0, t.subarray(0, 100)).every((x) => x === 1));
});

test('background: linear drift per hour plus a random walk of the stated size', () => {
  const t = times(3601, 1, 0);
  const flat = backgroundSeries(createRng(2), t, 5, 2, 0);
  assert.equal(flat[0], 5);
  assert.ok(Math.abs(flat[3600]! - 7) < 1e-12);
  let s2 = 0;
  for (let r = 0; r < 400; r++) s2 += (backgroundSeries(createRng(100 + r), t, 0, 0, 3)[3600]!) ** 2;
  assert.ok(Math.abs(Math.sqrt(s2 / 400) - 3) < 0.4, `walk sd after 1 h ${Math.sqrt(s2 / 400)}`);
});

test('OU meander: stationary sd and exp(-lag/T) autocorrelation; window means integrate the interpolant', () => {
  const s = ouSeries(createRng(3), 10, 60, 0, 400_000, 2);
  const v = s.values;
  let m = 0;
  for (const x of v) m += x;
  m /= v.length;
  let var0 = 0;
  let cov = 0;
  for (let k = 0; k < v.length; k++) {
    var0 += (v[k]! - m) ** 2;
    if (k + 30 < v.length) cov += (v[k]! - m) * (v[k + 30]! - m);
  }
  assert.ok(Math.abs(Math.sqrt(var0 / v.length) - 10) < 0.5, `sd ${Math.sqrt(var0 / v.length)}`);
  assert.ok(Math.abs(cov / var0 - Math.exp(-1)) < 0.05, `rho ${cov / var0}`);
  // Window mean vs a fine Riemann sum of the interpolant.
  let acc = 0;
  const N = 20000;
  for (let i = 0; i < N; i++) acc += ouAt(s, 1003.3 + ((i + 0.5) / N) * 97.1);
  assert.ok(Math.abs(ouMean(s, 1003.3, 1100.4) - acc / N) < 1e-6);
  assert.equal(ouMean(s, 500, 500), ouAt(s, 500));
});

test('transport wind: calm meander gives the mean wind exactly; with meander it is the travel-time average', () => {
  const still = new MeanderWind({ speedMps: 5, fromDeg: 270, meanderSdDeg: 0, meanderTimescaleS: 100, speedGustSd: 0 }, 1, 0, 1000, 1);
  const w = still.transport(500, 0, 0, 300, 20);
  assert.equal(w.fromDeg, 270);
  assert.equal(w.speedMps, 5);
  const wavy = new MeanderWind({ speedMps: 5, fromDeg: 270, meanderSdDeg: 15, meanderTimescaleS: 100, speedGustSd: 0 }, 1, 0, 2000, 0.5);
  const far = wavy.transport(1500, 0, 0, 1000, 0);
  const x = 1000 * Math.cos(((far.fromDeg - 270) * Math.PI) / 180);
  const expected = wavy.mean(1500 - x / far.speedMps, 1500);
  assert.ok(Math.abs(far.fromDeg - expected.fromDeg) < 0.5, `${far.fromDeg} vs ${expected.fromDeg}`);
  // Upwind receptors use the instantaneous wind.
  assert.deepEqual(wavy.transport(1500, 0, 0, -100, 0), wavy.at(1500));
});
