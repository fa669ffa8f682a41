/**
 * Dynamic sharing of a grid's cells between threads: the cells are cut into
 * chunks, and every thread (the caller and the workers alike) claims the
 * next chunk from a shared counter until none is left, so a thread that is
 * slowed (a garbage collection, a first message to decode) simply takes
 * fewer chunks. Each finished chunk is flagged; the caller re-runs any chunk
 * left unflagged by a worker that failed.
 *
 * Shared layout: ctl = Int32Array on a SharedArrayBuffer, ctl[0] the next
 * chunk to claim, ctl[1 + c] = 1 once chunk c is written; out = Float64Array
 * on a SharedArrayBuffer, `width` numbers per cell in cell order.
 */
import type { SteProblem } from '../ste/problem.js';
import { scanCells, type ScanOptions } from '../ste/scan.js';
import type { DataSubset } from '../ste/cull.js';

export interface ChunkJob {
  readonly ctl: Int32Array;
  readonly out: Float64Array;
  readonly chunk: number;
  readonly width: number;
}

/** Cells per chunk: small enough to balance two threads on a 200-cell grid, large enough that claiming costs nothing. */
export const CHUNK_CELLS = 8;

export function chunkCount(cells: number, chunk: number): number {
  return Math.ceil(cells / chunk);
}

/** A job for `cells` cells of `width` numbers each, on fresh shared memory. */
export function newChunkJob(cells: number, width: number, chunk = CHUNK_CELLS): ChunkJob {
  const k = chunkCount(cells, chunk);
  return {
    ctl: new Int32Array(new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT * (1 + k))),
    out: new Float64Array(new SharedArrayBuffer(Float64Array.BYTES_PER_ELEMENT * Math.max(1, cells * width))),
    chunk,
    width,
  };
}

/** Scans one chunk into the job's output and flags it. */
export function scanChunk(p: SteProblem, existing: readonly Float64Array[], subset: DataSubset, cellsE: Float64Array, cellsN: Float64Array, o: ScanOptions, job: ChunkJob, c: number): void {
  const a = c * job.chunk;
  const b = Math.min(cellsE.length, a + job.chunk);
  const stats = scanCells(p, cellsE.subarray(a, b), cellsN.subarray(a, b), existing, o, subset);
  job.out.set(stats, a * job.width);
  Atomics.store(job.ctl, 1 + c, 1);
}

/** Claims and scans chunks until every chunk has been claimed. */
export function scanClaimedChunks(p: SteProblem, existing: readonly Float64Array[], subset: DataSubset, cellsE: Float64Array, cellsN: Float64Array, o: ScanOptions, job: ChunkJob): void {
  const k = chunkCount(cellsE.length, job.chunk);
  for (;;) {
    const c = Atomics.add(job.ctl, 0, 1);
    if (c >= k) return;
    scanChunk(p, existing, subset, cellsE, cellsN, o, job, c);
  }
}

/** Chunks nobody finished (a failed worker's), to run again. */
export function unfinishedChunks(job: ChunkJob, cells: number): number[] {
  const k = chunkCount(cells, job.chunk);
  const out: number[] = [];
  for (let c = 0; c < k; c++) if (Atomics.load(job.ctl, 1 + c) !== 1) out.push(c);
  return out;
}
