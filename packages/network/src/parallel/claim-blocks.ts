/**
 * The loop both a worker and the calling thread run on a task: claim the
 * next block from the shared counter, accumulate its sources from zero
 * into its own slice, mark it done. Any thread may run any block; the
 * numbers depend only on the block (dependency-blocks.ts).
 */
import { accumulateDependencies, type BrandesScratch } from '../centrality/brandes.js';
import { blockStart } from '../centrality/dependency-blocks.js';
import type { BlockTask } from './wire.js';

/** Runs blocks until none is left; returns how many this thread ran. */
export function claimBlocks(t: BlockTask, scratch: BrandesScratch): number {
  let ran = 0;
  for (;;) {
    const b = Atomics.add(t.next, 0, 1);
    if (b >= t.blocks) return ran;
    runBlock(t, b, scratch);
    Atomics.store(t.done, b, 1);
    ran++;
  }
}

/** One block into its slice (zeroed first, so a block a failed worker left half-written can be run again). */
export function runBlock(t: BlockTask, b: number, scratch: BrandesScratch): void {
  const n = t.nodeCount;
  const S = t.sources.length;
  const sum = t.sums.subarray(b * n, (b + 1) * n);
  const sumSq = t.sumsSq?.subarray(b * n, (b + 1) * n);
  sum.fill(0);
  sumSq?.fill(0);
  accumulateDependencies(t, t.sources, blockStart(b, t.blocks, S), blockStart(b + 1, t.blocks, S), t.weighted, t.alive, sum, sumSq, scratch);
}
