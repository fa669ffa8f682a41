/**
 * The unit-rate kernel of every cell of a fixed (coarse) grid at every
 * retained sample, stored sparsely (CSR by cell): most cell/sample pairs
 * are upwind or far crosswind and exactly zero after pruning. Built once per
 * stability class; each greedy iteration then needs only sparse dot
 * products instead of re-evaluating plumes.
 */
import { float64Builder, uint32Builder } from '@nariz/core';
import type { SteProblem } from './problem.js';
import { kernelAtSubset, LAG_TAIL_CUT, type ScanOptions } from './scan.js';
import { cullIndices } from './cull.js';
import { cellBlocks } from './cell-blocks.js';

export interface SparseKernel {
  readonly cells: number;
  readonly rowStart: Uint32Array;
  readonly col: Uint32Array;
  readonly val: Float64Array;
}

/**
 * Cells are taken in spatial blocks of about SPARSE_BLOCK_CELLS: the data
 * that can see a block (cull.ts, exact) are found once and each of its cells
 * is evaluated on them only. Most data see few blocks, so this costs a
 * fraction of evaluating every cell at every datum, with the same result.
 */
export const SPARSE_BLOCK_CELLS = 16;

export function buildSparseKernel(p: SteProblem, cellsE: Float64Array, cellsN: Float64Array, o: ScanOptions): SparseKernel {
  const nc = cellsE.length;
  // Rows are written block by block into one pair of builders, then put in cell order.
  const at = new Uint32Array(nc);
  const len = new Uint32Array(nc);
  const col = uint32Builder(Math.max(1024, nc * 64));
  const val = float64Builder(Math.max(1024, nc * 64));
  let scratch = new Float64Array(0);
  for (const block of cellBlocks(cellsE, cellsN, SPARSE_BLOCK_CELLS)) {
    const subset = cullIndices(p, block.ce, block.cn, block.radiusM, o);
    if (scratch.length < subset.index.length) scratch = new Float64Array(subset.index.length);
    const k = scratch.subarray(0, subset.index.length);
    for (const c of block.cells) {
      kernelAtSubset(p, cellsE[c]!, cellsN[c]!, o, subset, k);
      at[c] = col.length;
      for (let r = 0; r < k.length; r++) {
        if (k[r] === 0) continue;
        col.push(subset.index[r]!);
        val.push(k[r]!);
      }
      len[c] = col.length - at[c]!;
    }
  }
  const colAll = col.finish();
  const valAll = val.finish();
  const rowStart = new Uint32Array(nc + 1);
  const colOut = new Uint32Array(colAll.length);
  const valOut = new Float64Array(valAll.length);
  let q = 0;
  for (let c = 0; c < nc; c++) {
    rowStart[c] = q;
    colOut.set(colAll.subarray(at[c]!, at[c]! + len[c]!), q);
    valOut.set(valAll.subarray(at[c]!, at[c]! + len[c]!), q);
    q += len[c]!;
  }
  rowStart[nc] = q;
  return { cells: nc, rowStart, col: colOut, val: valOut };
}

/**
 * The same kernel seen through a sensor lag (lagDecay of the problem with
 * that lag, same data): each row run through the first-order filter in time
 * order, its tail stored until it falls below LAG_TAIL_CUT of the row's peak
 * so far: exactly what buildSparseKernel gives on the lagged problem, without
 * evaluating a plume again. `sk` must come from the unlagged problem.
 */
export function lagSparseKernel(sk: SparseKernel, lagDecay: Float64Array): SparseKernel {
  const n = lagDecay.length;
  const rowStart = new Uint32Array(sk.cells + 1);
  const col = uint32Builder(Math.max(1024, sk.col.length * 2));
  const val = float64Builder(Math.max(1024, sk.col.length * 2));
  for (let c = 0; c < sk.cells; c++) {
    rowStart[c] = col.length;
    let y = 0;
    let peak = 0;
    let i = 0;
    const emit = (at: number, x: number): void => {
      const a = lagDecay[at]!;
      y = a * y + (1 - a) * x;
      if (y > peak) peak = y;
      if (y > LAG_TAIL_CUT * peak) {
        col.push(at);
        val.push(y);
      }
    };
    for (let q = sk.rowStart[c]!; q < sk.rowStart[c + 1]!; q++) {
      const at = sk.col[q]!;
      // Decay through the zero inputs before this entry (stop once the tail is cut: y only falls).
      for (; i < at; i++) {
        if (!(y > LAG_TAIL_CUT * peak)) {
          y = 0;
          i = at;
          break;
        }
        emit(i, 0);
      }
      emit(at, sk.val[q]!);
      i = at + 1;
    }
    for (; i < n && y > LAG_TAIL_CUT * peak; i++) emit(i, 0);
  }
  rowStart[sk.cells] = col.length;
  return { cells: sk.cells, rowStart, col: col.finish(), val: val.finish() };
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

/**
 * Scan statistics of a sparse kernel for a sequence of configurations of
 * the same problem (fixed weights): kk, kd and k1 are computed once, and the
 * cross term with each accepted source's kernel once per kernel (cached by
 * array identity), so a greedy step costs one sparse pass per new source
 * instead of a full recomputation.
 */
export class SparseStatsCache {
  private readonly base: Float64Array;
  private readonly cross = new Map<Float64Array, Float64Array>();

  constructor(
    private readonly sk: SparseKernel,
    private readonly p: SteProblem,
  ) {
    this.base = sparseStats(sk, p, []);
  }

  /** Statistics in scanCells' layout for the given accepted kernels. */
  stats(existing: readonly Float64Array[]): Float64Array {
    const S = this.p.nSpecies;
    const J = existing.length;
    const stride = 3 + J;
    const cols = existing.map((k) => this.crossColumn(k));
    const out = new Float64Array(this.sk.cells * S * stride);
    for (let c = 0; c < this.sk.cells; c++) {
      for (let s = 0; s < S; s++) {
        const o = (c * S + s) * stride;
        const b = (c * S + s) * 3;
        out[o] = this.base[b]!;
        out[o + 1] = this.base[b + 1]!;
        out[o + 2] = this.base[b + 2]!;
        for (let j = 0; j < J; j++) out[o + 3 + j] = cols[j]![c * S + s]!;
      }
    }
    return out;
  }

  private crossColumn(kernel: Float64Array): Float64Array {
    let col = this.cross.get(kernel);
    if (col !== undefined) return col;
    const S = this.p.nSpecies;
    const n = this.p.nSamples;
    col = new Float64Array(this.sk.cells * S);
    const { rowStart, col: idx, val } = this.sk;
    const w = this.p.w;
    // One pass over each row, every species at once (the row is the large part).
    for (let c = 0; c < this.sk.cells; c++) {
      const o = c * S;
      for (let q = rowStart[c]!; q < rowStart[c + 1]!; q++) {
        const i = idx[q]!;
        const ki = kernel[i]!;
        if (ki === 0) continue;
        const v = val[q]!;
        // (w v) k, the order sparseStats multiplies in, so the two agree exactly.
        for (let s = 0; s < S; s++) col[o + s] = col[o + s]! + w[s * n + i]! * v * ki;
      }
    }
    this.cross.set(kernel, col);
    return col;
  }
}
