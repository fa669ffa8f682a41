/**
 * The unit-rate kernel of every cell of a fixed (coarse) grid at every
 * retained sample, stored sparsely (CSR by cell): most cell/sample pairs
 * are upwind or far crosswind and exactly zero after pruning. Built once per
 * stability class; each greedy iteration then needs only sparse dot
 * products instead of re-evaluating plumes.
 */
import type { SteProblem } from './problem.js';
import { kernelAtSamples, type ScanOptions } from './scan.js';

export interface SparseKernel {
  readonly cells: number;
  readonly rowStart: Uint32Array;
  readonly col: Uint32Array;
  readonly val: Float64Array;
}

export function buildSparseKernel(p: SteProblem, cellsE: Float64Array, cellsN: Float64Array, o: ScanOptions): SparseKernel {
  const nc = cellsE.length;
  const rowStart = new Uint32Array(nc + 1);
  let cap = Math.max(1024, nc * 64);
  let col = new Uint32Array(cap);
  let val = new Float64Array(cap);
  let nnz = 0;
  for (let c = 0; c < nc; c++) {
    rowStart[c] = nnz;
    const k = kernelAtSamples(p, cellsE[c]!, cellsN[c]!, o);
    for (let i = 0; i < k.length; i++) {
      const v = k[i]!;
      if (v === 0) continue;
      if (nnz === cap) {
        cap *= 2;
        const c2 = new Uint32Array(cap);
        c2.set(col);
        col = c2;
        const v2 = new Float64Array(cap);
        v2.set(val);
        val = v2;
      }
      col[nnz] = i;
      val[nnz] = v;
      nnz++;
    }
  }
  rowStart[nc] = nnz;
  return { cells: nc, rowStart, col: col.subarray(0, nnz), val: val.subarray(0, nnz) };
}

/** Scan statistics (same layout as scanCells) from a sparse kernel. */
export function sparseStats(sk: SparseKernel, p: SteProblem, existing: readonly Float64Array[]): Float64Array {
  const S = p.nSpecies;
  const n = p.nSamples;
  const J = existing.length;
  const stride = 3 + J;
  const stats = new Float64Array(sk.cells * S * stride);
  const { rowStart, col, val } = sk;
  for (let c = 0; c < sk.cells; c++) {
    const base = c * S * stride;
    for (let s = 0; s < S; s++) {
      let kk = 0;
      let kd = 0;
      let k1 = 0;
      const o2 = base + s * stride;
      const off = s * n;
      for (let q = rowStart[c]!; q < rowStart[c + 1]!; q++) {
        const i = col[q]!;
        const k = val[q]!;
        const wk = p.w[off + i]! * k;
        kk += wk * k;
        kd += wk * p.d[off + i]!;
        k1 += wk * p.offsetCoef[i]!;
        for (let j = 0; j < J; j++) stats[o2 + 3 + j] = stats[o2 + 3 + j]! + wk * existing[j]![i]!;
      }
      stats[o2] = kk;
      stats[o2 + 1] = kd;
      stats[o2 + 2] = k1;
    }
  }
  return stats;
}
