/**
 * The worker pool runs the scans on other threads and must give the same
 * numbers, bit for bit, as the calling thread: for local grids (culled
 * discs) and the sparse coarse kernel, with one or two workers, lagged or
 * not, and it falls back to the calling thread when it has no workers.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRng } from '@nariz/core';
import {
  buildProblem, buildSigmaTable, kernelAtSamples, plumeUnitEnu, serialScan, withSensorLag, dealCells, gatherSparse, ScanPool, type SteData, type SparseKernel,
} from '../src/index.js';
import { assertNoFailures } from '../src/parallel/scan-pool.js';

const D = 3;
const H = 3;

/** Survey lines across a plume from (0, 10), a turning wind and a path row every 7th sample. */
function survey(seed: number): SteData {
  const rng = createRng(seed);
  const E: number[] = [];
  const N: number[] = [];
  const T: number[] = [];
  for (let l = 0; l < 6; l++) {
    for (let y = -240; y <= 240; y += 8) {
      E.push(100 + 60 * l + rng.uniform(-2, 2));
      N.push(l % 2 === 0 ? y : -y);
      T.push(T.length);
    }
  }
  const n = E.length;
  const windU = Float64Array.from(T, (t) => 4 * Math.cos(0.2 * Math.sin(t / 90)));
  const windV = Float64Array.from(T, (t) => 4 * Math.sin(0.2 * Math.sin(t / 90)));
  const up = new Float64Array(n).fill(15);
  const pathEast = new Float64Array(n).fill(NaN);
  const pathNorth = new Float64Array(n).fill(NaN);
  const pathUp = new Float64Array(n).fill(NaN);
  for (let i = 0; i < n; i += 7) {
    pathEast[i] = E[i]! + 20;
    pathNorth[i] = N[i]!;
    pathUp[i] = 0;
  }
  const a = new Float64Array(n);
  const b = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const k = plumeUnitEnu({ sigmaSet: 0, stability: D, sourceHeightM: H }, 0, 10, E[i]!, N[i]!, 15, windU[i]!, windV[i]!);
    a[i] = 1e-3 * k + 1e-9 * rng.normal();
    b[i] = 3e-4 * k + 1e-9 * rng.normal();
  }
  return {
    count: n, timeS: Float64Array.from(T), east: Float64Array.from(E), north: Float64Array.from(N), up,
    windU, windV, excess: [a, b], noiseSd: Float64Array.of(1e-9, 1e-9), pathEast, pathNorth, pathUp,
  };
}

function grid(count: number, half: number, seed: number): { cellsE: Float64Array; cellsN: Float64Array } {
  const rng = createRng(seed);
  return { cellsE: Float64Array.from({ length: count }, () => rng.uniform(-half, half)), cellsN: Float64Array.from({ length: count }, () => rng.uniform(-half, half)) };
}

function assertSameSparse(a: SparseKernel, b: SparseKernel): void {
  assert.equal(a.cells, b.cells);
  assert.deepEqual(a.rowStart, b.rowStart);
  assert.deepEqual(a.col, b.col);
  assert.deepEqual(a.val, b.val);
}

test('dealing cells out and gathering their sparse rows back is the identity', () => {
  // Cell c's row holds columns c and c + 100 with values c and -c (cell 3 has no entries).
  const cells = 11;
  const row = (c: number): number[] => (c === 3 ? [] : [c, c + 100]);
  const build = (ids: readonly number[]): SparseKernel => {
    const rowStart = new Uint32Array(ids.length + 1);
    const col: number[] = [];
    const val: number[] = [];
    ids.forEach((c, r) => {
      rowStart[r] = col.length;
      for (const k of row(c)) {
        col.push(k);
        val.push(k === c ? c : -c);
      }
    });
    rowStart[ids.length] = col.length;
    return { cells: ids.length, rowStart, col: Uint32Array.from(col), val: Float64Array.from(val) };
  };
  const all = Array.from({ length: cells }, (_, c) => c);
  for (const parts of [1, 2, 3, 5, 12]) {
    const dealt = Array.from({ length: parts }, (_, t) => [...dealCells(Float64Array.from(all), t, parts)]);
    assert.equal(dealt.reduce((s, d) => s + d.length, 0), cells);
    assertSameSparse(gatherSparse(dealt.map(build), cells), build(all));
  }
});

test('a pool of 2 and of 3 threads gives the calling thread\'s statistics bit for bit', async () => {
  const base = buildProblem(survey(5), { meanderRad: 0.03 });
  const o = { table: buildSigmaTable(0, D, 3000), sourceHeightM: H };
  for (const threads of [2, 3]) {
    const pool = new ScanPool({ threads });
    try {
      await pool.whenReady();
      assert.equal(pool.activeWorkers, threads - 1);
      for (const p of [base, withSensorLag(base, 2.5)]) {
        const existing = [kernelAtSamples(p, 0, 10, o), kernelAtSamples(p, -40, 60, o)];
        // A local grid around the source (odd cell count: unequal shares) and one far off.
        for (const [ce, cn, half, count] of [[0, 10, 30, 225], [-150, -120, 60, 17]] as const) {
          const g = grid(count, half, count);
          const cellsE = g.cellsE.map((e) => e + ce);
          const cellsN = g.cellsN.map((n) => n + cn);
          const disc = { ce, cn, radiusM: Math.SQRT2 * half + 1e-6 };
          const want = serialScan.scanDisc(p, existing, disc, cellsE, cellsN, o);
          assert.ok(want.some((v) => v !== 0) || ce !== 0, 'the local grid sees the plume');
          assert.deepEqual(pool.scanDisc(p, existing, disc, cellsE, cellsN, o), want);
        }
        const g = grid(101, 300, 7);
        const coarse = { ...o, inflateM: 10 };
        assertSameSparse(pool.sparseKernel(p, g.cellsE, g.cellsN, coarse), serialScan.sparseKernel(p, g.cellsE, g.cellsN, coarse));
        // After a release the workers hold nothing; the next scan sends what it needs again.
        pool.release();
        const disc = { ce: 0, cn: 10, radiusM: 40 };
        const local = grid(60, 25, 11);
        assert.deepEqual(pool.scanDisc(p, existing, disc, local.cellsE, local.cellsN, o), serialScan.scanDisc(p, existing, disc, local.cellsE, local.cellsN, o));
      }
      assertNoFailures(pool);
    } finally {
      await pool.close();
    }
  }
});

test('a pool with no workers (closed, or threads 1) runs everything here and gives the same numbers', async () => {
  const p = buildProblem(survey(9), { meanderRad: 0.03 });
  const o = { table: buildSigmaTable(0, D, 3000), sourceHeightM: H };
  const g = grid(50, 40, 3);
  const disc = { ce: 0, cn: 0, radiusM: 60 };
  const want = serialScan.scanDisc(p, [], disc, g.cellsE, g.cellsN, o);
  const single = new ScanPool({ threads: 1 });
  assert.equal(single.activeWorkers, 0);
  assert.deepEqual(single.scanDisc(p, [], disc, g.cellsE, g.cellsN, o), want);
  const pool = new ScanPool({ threads: 2 });
  await pool.whenReady();
  await pool.close();
  assert.equal(pool.activeWorkers, 0);
  assert.deepEqual(pool.scanDisc(p, [], disc, g.cellsE, g.cellsN, o), want);
  assert.deepEqual(pool.failures, []);
  assert.throws(() => new ScanPool({ threads: 0 }), /threads/);
  assert.throws(() => new ScanPool({ threads: 1.5 }), /threads/);
});
