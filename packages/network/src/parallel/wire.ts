/**
 * Messages between the betweenness pool and its workers. Every array is a
 * view on a SharedArrayBuffer, so posting a task copies nothing: the graph
 * is shared once per graph (betweenness-pool.ts), results are written in
 * place.
 */
export interface BlockTask {
  readonly nodeCount: number;
  readonly offsets: Uint32Array;
  readonly targets: Uint32Array;
  readonly arcWeights: Float64Array | undefined;
  readonly sources: Uint32Array;
  readonly alive: Uint8Array;
  readonly weighted: boolean;
  readonly blocks: number;
  /** blocks × nodeCount partial sums (and squares), block b at b × nodeCount. */
  readonly sums: Float64Array;
  readonly sumsSq: Float64Array | undefined;
  /** [0]: the next block to claim (Atomics.add). */
  readonly next: Int32Array;
  /** Per block, 1 once its sums are written. */
  readonly done: Int32Array;
}

export type BlockReply = { readonly ok: true; readonly blocks: number } | { readonly ok: false; readonly error: string };

/** Sent once by a worker when it is ready for tasks. */
export const WORKER_READY = 'ready';
