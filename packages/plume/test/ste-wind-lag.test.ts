/**
 * The wind history and the sensor's response in the estimator's model:
 * meander measured past an anemometer's own noise, transport directions
 * that follow the travel-time mean wind, and a first-order sensor lag run
 * through the scan, the culling and the lag choice.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRng } from '@nariz/core';
import {
  buildProblem, buildSigmaTable, scanCells, cullForDisc, cullIndices, kernelAtSamples, withSensorLag, chooseSensorLag, buildSparseKernel, lagSparseKernel,
  meanderSpreadRad, directionSpreadRad, plumeUnitEnu, TRANSPORT_STEP_S, type SteData,
} from '../src/index.js';

const D = 3;
const H = 3;

/** Crosswind lines (north-south) at 1 Hz downwind of the origin, wind toward +east unless `windAt` says otherwise. */
function lines(opts: { count?: number; windAt?: (t: number) => [number, number]; excess?: (e: number, n: number, z: number, t: number) => number; noise?: number; seed?: number }): SteData {
  const E: number[] = [];
  const N: number[] = [];
  const T: number[] = [];
  for (let l = 0; l < (opts.count ?? 6); l++) {
    for (let y = -240; y <= 240; y += 8) {
      E.push(100 + 60 * l);
      N.push(l % 2 === 0 ? y : -y);
      T.push(T.length);
    }
  }
  const n = E.length;
  const windU = new Float64Array(n);
  const windV = new Float64Array(n);
  for (let i = 0; i < n; i++) [windU[i], windV[i]] = opts.windAt?.(T[i]!) ?? [4, 0];
  const rng = createRng(opts.seed ?? 3);
  const noise = opts.noise ?? 1e-9;
  const ex = new Float64Array(n);
  for (let i = 0; i < n; i++) ex[i] = (opts.excess?.(E[i]!, N[i]!, 15, T[i]!) ?? 0) + noise * rng.normal();
  return {
    count: n, timeS: Float64Array.from(T), east: Float64Array.from(E), north: Float64Array.from(N), up: new Float64Array(n).fill(15),
    windU, windV, excess: [ex], noiseSd: Float64Array.of(noise),
  };
}

test('meander is measured past white anemometer noise: lagged covariance recovers the OU sd, the plain spread does not', () => {
  const rng = createRng(21);
  const n = 20000;
  const t = Float64Array.from({ length: n }, (_, i) => i * 0.5);
  const sd = 0.1;
  const T = 120;
  const rho = Math.exp(-0.5 / T);
  let x = sd * rng.normal();
  const u = new Float64Array(n);
  const v = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    x = rho * x + sd * Math.sqrt(1 - rho * rho) * rng.normal();
    const a = x + 0.0873 * rng.normal(); // 5 degrees of sensor noise
    u[i] = 5 * Math.cos(a);
    v[i] = 5 * Math.sin(a);
  }
  // Against the long-run mean direction (no smoothing), the OU sd is the truth.
  const su = new Float64Array(n).fill(5);
  const sv = new Float64Array(n);
  const lagged = meanderSpreadRad(t, u, v, su, sv);
  const plain = directionSpreadRad(u, v, su, sv);
  assert.ok(Math.abs(lagged - sd) < 0.012, `lagged ${lagged}`);
  assert.ok(plain > Math.hypot(sd, 0.0873) - 0.012, `plain ${plain} includes the noise`);
  // No pair within 2 x lag (a record sampled every 10 s): falls back to the plain spread.
  const sparse = Float64Array.from({ length: n }, (_, i) => i * 10);
  assert.equal(meanderSpreadRad(sparse, u, v, su, sv), plain);
});

test('transport direction: with a turning wind the kernel follows the wind averaged over the travel time', () => {
  // The wind turns slowly: direction 0.35 sin(2 pi t / 300) rad from east.
  const dir = (t: number): number => 0.35 * Math.sin((2 * Math.PI * t) / 300);
  const speed = 4;
  const data = lines({ windAt: (t) => [speed * Math.cos(dir(t)), speed * Math.sin(dir(t))] });
  const p = buildProblem(data, { quietDecimation: 1, meanderRad: 0 });
  const table = buildSigmaTable(0, D, 3000, 0.25, 0);
  const k = kernelAtSamples(p, 0, 0, { table, sourceHeightM: H });
  const pk = { sigmaSet: 0, stability: D, sourceHeightM: H };
  // Per line: the crosswind centroid of the kernel and of the oracle.
  const byLine = new Map<number, { m: number; mn: number; o: number; on: number; steady: number; sn: number }>();
  for (let i = 0; i < p.nSamples; i++) {
    const j = p.sampleIndex[i]!;
    const t = data.timeS[j]!;
    const e = data.east[j]!;
    const n = data.north[j]!;
    // Oracle: travel time from the along-wind distance, mean wind over
    // [t - tau, t] by a fine midpoint rule (held at its first value before
    // the record), then the steady plume in that wind.
    const tau = Math.max(5, e / speed);
    let mu = 0;
    let mv = 0;
    const m = 400;
    for (let q = 0; q < m; q++) {
      const a = dir(Math.max(0, t - tau + ((q + 0.5) * tau) / m));
      mu += Math.cos(a) / m;
      mv += Math.sin(a) / m;
    }
    const oracle = plumeUnitEnu(pk, 0, 0, e, n, data.up[j]!, speed * mu, speed * mv);
    // What the wind at the drone alone would give.
    const steady = plumeUnitEnu(pk, 0, 0, e, n, data.up[j]!, data.windU[j]!, data.windV[j]!);
    const acc = byLine.get(e) ?? { m: 0, mn: 0, o: 0, on: 0, steady: 0, sn: 0 };
    acc.m += k[i]!;
    acc.mn += k[i]! * n;
    acc.o += oracle;
    acc.on += oracle * n;
    acc.steady += steady;
    acc.sn += steady * n;
    byLine.set(e, acc);
  }
  let steadyOff = 0;
  for (const [e, acc] of byLine) {
    if (!(acc.o > 0)) continue;
    const cModel = acc.mn / acc.m;
    const cOracle = acc.on / acc.o;
    assert.ok(Math.abs(cModel - cOracle) < 0.02 * e + 1, `line at ${e} m: centroid ${cModel.toFixed(1)} vs oracle ${cOracle.toFixed(1)}`);
    assert.ok(Math.abs(acc.m / acc.o - 1) < 0.1, `line at ${e} m: crosswind integral ratio ${acc.m / acc.o}`);
    steadyOff = Math.max(steadyOff, Math.abs(acc.sn / acc.steady - cOracle));
  }
  assert.ok(byLine.size >= 6);
  assert.equal(TRANSPORT_STEP_S, 10);
  // The wind at the drone alone puts the plume tens of metres off on some line.
  assert.ok(steadyOff > 20, `steady wind centroid off by at most ${steadyOff} m`);
});

test('sensor lag: scan statistics equal brute-force sums over the filtered kernel, and culling keeps them', () => {
  const data = lines({ excess: (e, n, z) => 1e-3 * plumeUnitEnu({ sigmaSet: 0, stability: D, sourceHeightM: H }, 0, 10, e, n, z, 4, 0) });
  const p0 = buildProblem(data, { quietDecimation: 1, meanderRad: 0 });
  const lag = 4;
  const p = withSensorLag(p0, lag);
  const o = { table: buildSigmaTable(0, D, 3000), sourceHeightM: H };
  const rng = createRng(8);
  const cellsE = Float64Array.from({ length: 30 }, () => rng.uniform(-40, 40));
  const cellsN = Float64Array.from({ length: 30 }, () => rng.uniform(-40, 40));
  const existing = [kernelAtSamples(p, 20, -50, o)];
  const stats = scanCells(p, cellsE, cellsN, existing, o);
  const n = p.nSamples;
  for (let c = 0; c < cellsE.length; c++) {
    // Oracle: the unlagged kernel through y_k = a y_{k-1} + (1 - a) x_k, a = exp(-dt / lag), y_0 = x_0.
    const raw = kernelAtSamples(p0, cellsE[c]!, cellsN[c]!, o);
    let y = raw[0]!;
    let kk = 0;
    let kd = 0;
    let kj = 0;
    for (let i = 0; i < n; i++) {
      if (i > 0) {
        const a = Math.exp(-(p.timeS[i]! - p.timeS[i - 1]!) / lag);
        y = a * y + (1 - a) * raw[i]!;
      }
      kk += p.w[i]! * y * y;
      kd += p.w[i]! * y * p.d[i]!;
      kj += p.w[i]! * y * existing[0]![i]!;
    }
    const rel = (a: number, b: number): boolean => Math.abs(a - b) <= 1e-5 * Math.abs(b) + 1e-300;
    assert.ok(rel(stats[c * 4]!, kk) && rel(stats[c * 4 + 1]!, kd) && rel(stats[c * 4 + 3]!, kj), `cell ${c}: ${[...stats.subarray(c * 4, c * 4 + 4)]} vs ${[kk, kd, kj]}`);
  }
  // Culling to a disc keeps the lagged tails.
  const sub = cullForDisc(p, existing, 0, 0, Math.SQRT2 * 40 + 1e-6, o);
  assert.ok(sub.problem.nSamples < p.nSamples);
  const part = scanCells(sub.problem, cellsE, cellsN, sub.existing, o);
  for (let i = 0; i < stats.length; i++) assert.ok(Math.abs(stats[i]! - part[i]!) <= 1e-5 * Math.abs(stats[i]!) + 1e-300, `stat ${i}: ${stats[i]} vs ${part[i]}`);
  // Scanning the culled indices of the whole problem is the culled problem's scan, term for term.
  const subset = cullIndices(p, 0, 0, Math.SQRT2 * 40 + 1e-6, o);
  assert.equal(subset.index.length, sub.problem.nSamples);
  assert.deepEqual(scanCells(p, cellsE, cellsN, existing, o, subset), part);
});

test('the sensor lag is chosen by the fit: data through a 3 s lag pick 3 s, unlagged data pick 0', () => {
  const truthLag = 3;
  const src = { e: 0, n: 10 };
  const o = { table: buildSigmaTable(0, D, 3000), sourceHeightM: H };
  for (const lag of [truthLag, 0]) {
    const clean = lines({ excess: (e, n, z) => 2e-3 * plumeUnitEnu({ sigmaSet: 0, stability: D, sourceHeightM: H }, src.e, src.n, e, n, z, 4, 0), noise: 0 });
    // Pass the data through the sensor.
    const x = clean.excess[0]!;
    const y = new Float64Array(x.length);
    y[0] = x[0]!;
    for (let i = 1; i < x.length; i++) {
      const a = lag > 0 ? Math.exp(-(clean.timeS[i]! - clean.timeS[i - 1]!) / lag) : 0;
      y[i] = a * y[i - 1]! + (1 - a) * x[i]!;
    }
    const rng = createRng(4);
    for (let i = 0; i < y.length; i++) y[i] = y[i]! + 1e-9 * rng.normal();
    const p = buildProblem({ ...clean, excess: [y], noiseSd: Float64Array.of(1e-9) }, { meanderRad: 0 });
    const chosen = chooseSensorLag(p, [{ meanE: src.e, meanN: src.n }], o, [0, 1, 2, 3, 4, 6]);
    assert.equal(chosen, lag);
  }
  assert.throws(() => withSensorLag(buildProblem(lines({})), -1), /sensorLagS/);
});

test('a sparse kernel put through the lag equals the one built on the lagged problem', () => {
  const data = lines({ excess: (e, n, z) => 1e-3 * plumeUnitEnu({ sigmaSet: 0, stability: D, sourceHeightM: H }, 0, 10, e, n, z, 4, 0) });
  const p0 = buildProblem(data, { meanderRad: 0.05 });
  const p = withSensorLag(p0, 2.5);
  const o = { table: buildSigmaTable(0, D, 3000), sourceHeightM: H };
  const rng = createRng(12);
  const cellsE = Float64Array.from({ length: 25 }, () => rng.uniform(-150, 150));
  const cellsN = Float64Array.from({ length: 25 }, () => rng.uniform(-150, 150));
  const direct = buildSparseKernel(p, cellsE, cellsN, o);
  const viaLag = lagSparseKernel(buildSparseKernel(p0, cellsE, cellsN, o), p.lagDecay);
  const dense = (sk: typeof direct, c: number): Float64Array => {
    const out = new Float64Array(p.nSamples);
    for (let q = sk.rowStart[c]!; q < sk.rowStart[c + 1]!; q++) out[sk.col[q]!] = sk.val[q]!;
    return out;
  };
  let nonEmpty = 0;
  for (let c = 0; c < cellsE.length; c++) {
    const a = dense(direct, c);
    const b = dense(viaLag, c);
    const peak = Math.max(...a);
    if (peak > 0) nonEmpty++;
    for (let i = 0; i < a.length; i++) assert.ok(Math.abs(a[i]! - b[i]!) <= 2e-6 * peak, `cell ${c} datum ${i}: ${a[i]} vs ${b[i]}`);
  }
  assert.ok(nonEmpty > 5, `${nonEmpty} cells see the data`);
});
