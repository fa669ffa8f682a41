/**
 * Where the scan kernel runs. Nearly all of the estimator's time goes to two
 * plume evaluations over many cells, both pure functions of their inputs and
 * independent per cell:
 *
 * - `scanDisc`: the scan statistics (scanCells' layout) of the cells of a
 *   local grid, over the data culled for a disc that holds them (exact, see
 *   cull.ts). Used by every refinement grid (grid-posterior.ts).
 * - `sparseKernel`: the sparse coarse kernel (sparse-kernel.ts).
 *
 * `serialScan` runs them on the calling thread. A ScanPool
 * (parallel/scan-pool.ts) shares the cells out to worker threads and returns
 * the same numbers bit for bit, so the estimator's results do not depend on
 * the thread count.
 */
import type { SteProblem } from './problem.js';
import { scanCells, type ScanOptions } from './scan.js';
import { cullIndices } from './cull.js';
import { buildSparseKernel, type SparseKernel } from './sparse-kernel.js';

/** A disc holding every cell of a local grid, m. */
export interface Disc {
  readonly ce: number;
  readonly cn: number;
  readonly radiusM: number;
}

export interface ScanExecutor {
  scanDisc(p: SteProblem, existing: readonly Float64Array[], disc: Disc, cellsE: Float64Array, cellsN: Float64Array, o: ScanOptions): Float64Array;
  sparseKernel(p: SteProblem, cellsE: Float64Array, cellsN: Float64Array, o: ScanOptions): SparseKernel;
  /** The caller is done with every array it has passed (a pool drops its workers' copies). */
  release?(): void;
}

export const serialScan: ScanExecutor = {
  scanDisc(p, existing, disc, cellsE, cellsN, o) {
    return scanCells(p, cellsE, cellsN, existing, o, cullIndices(p, disc.ce, disc.cn, disc.radiusM, o));
  },
  sparseKernel: buildSparseKernel,
};

/** Every `parts`-th cell starting at `part` (cells are dealt out like cards, so each part gets its share of near and far cells). */
export function dealCells(cells: Float64Array, part: number, parts: number): Float64Array {
  const out = new Float64Array(Math.max(0, Math.ceil((cells.length - part) / parts)));
  for (let c = part, q = 0; c < cells.length; c += parts, q++) out[q] = cells[c]!;
  return out;
}

/** Sparse kernels of dealt parts put back in cell order. */
export function gatherSparse(parts: readonly SparseKernel[], cells: number): SparseKernel {
  const T = parts.length;
  let nnz = 0;
  for (const part of parts) nnz += part.col.length;
  const rowStart = new Uint32Array(cells + 1);
  const col = new Uint32Array(nnz);
  const val = new Float64Array(nnz);
  let q = 0;
  for (let c = 0; c < cells; c++) {
    const src = parts[c % T]!;
    const r = Math.floor(c / T);
    const a = src.rowStart[r]!;
    const b = src.rowStart[r + 1]!;
    rowStart[c] = q;
    col.set(src.col.subarray(a, b), q);
    val.set(src.val.subarray(a, b), q);
    q += b - a;
  }
  rowStart[cells] = q;
  return { cells, rowStart, col, val };
}
