/**
 * How the sources of a betweenness computation are cut into blocks, and the
 * fixed order in which block sums are added, so that any number of threads
 * (the serial executor included) gives the same bits: each block is
 * accumulated from zero in source order, whoever runs it, and the blocks
 * are then added in block order. The cut depends only on the source and
 * node counts, never on the thread count.
 */

/** At most this many blocks (enough to balance a few threads that claim blocks as they finish). */
export const MAX_BLOCKS = 64;
/** A block holds at least this many sources (below, the per-block sums cost more than they balance). */
export const MIN_SOURCES_PER_BLOCK = 16;
/** Block partial sums are kept together (blocks × nodes doubles): at most 2²³ (64 MiB) each for sums and squares. */
export const MAX_BLOCK_FLOATS = 1 << 23;

export function blockCount(sourceCount: number, nodeCount: number): number {
  const bySources = Math.ceil(sourceCount / MIN_SOURCES_PER_BLOCK);
  const byMemory = Math.floor(MAX_BLOCK_FLOATS / Math.max(1, nodeCount));
  return Math.max(1, Math.min(MAX_BLOCKS, bySources, byMemory));
}

/** Sources [from, to) of block b of `blocks` (an even split). */
export function blockStart(b: number, blocks: number, sourceCount: number): number {
  return Math.floor((b * sourceCount) / blocks);
}

/** Σ_b parts[b·n … (b+1)·n) in block order. */
export function sumBlocks(parts: Float64Array, blocks: number, n: number): Float64Array {
  const out = new Float64Array(n);
  for (let b = 0; b < blocks; b++) {
    const base = b * n;
    for (let v = 0; v < n; v++) out[v]! += parts[base + v]!;
  }
  return out;
}
