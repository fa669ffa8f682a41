/**
 * Where the Brandes dependency sums run. The measures see only this
 * interface; `serialBetweennessExecutor` runs them on the calling thread
 * and `BetweennessPool` (parallel/) on worker threads, with the same
 * blocks (dependency-blocks.ts) summed in the same order, so both give the
 * same numbers bit for bit.
 */
import type { CsrGraph } from '../graph/csr.js';
import type { NodeMask } from '../graph/node-mask.js';
import { accumulateDependencies, brandesScratch } from './brandes.js';
import { blockCount, blockStart } from './dependency-blocks.js';

export interface DependencyJob {
  readonly graph: CsrGraph;
  /** Sources in the order they are accumulated (present in `alive`). */
  readonly sources: Uint32Array;
  /** Arc weights as lengths (Dijkstra) rather than hops (BFS). */
  readonly weighted: boolean;
  readonly alive: NodeMask;
  /** Also Σ_s δ_s(v)², for the sampling error. */
  readonly squares: boolean;
}

export interface DependencySums {
  /** Σ_s δ_s(v) over the job's sources. */
  readonly sum: Float64Array;
  readonly sumSq: Float64Array | undefined;
}

export interface BetweennessExecutor {
  /** Threads doing the work. */
  readonly threads: number;
  dependencies(job: DependencyJob): Promise<DependencySums>;
}

/** The reference: every block on this thread, in order. */
export function dependenciesSerial(job: DependencyJob): DependencySums {
  const n = job.graph.nodeCount;
  const S = job.sources.length;
  const B = blockCount(S, n);
  const sum = new Float64Array(n);
  const sumSq = job.squares ? new Float64Array(n) : undefined;
  const part = new Float64Array(n);
  const partSq = job.squares ? new Float64Array(n) : undefined;
  const scratch = brandesScratch(n, job.graph.targets.length);
  for (let b = 0; b < B; b++) {
    part.fill(0);
    partSq?.fill(0);
    accumulateDependencies(job.graph, job.sources, blockStart(b, B, S), blockStart(b + 1, B, S), job.weighted, job.alive, part, partSq, scratch);
    for (let v = 0; v < n; v++) sum[v]! += part[v]!;
    if (sumSq !== undefined) for (let v = 0; v < n; v++) sumSq[v]! += partSq![v]!;
  }
  return { sum, sumSq };
}

export const serialBetweennessExecutor: BetweennessExecutor = {
  threads: 1,
  dependencies: (job) => Promise.resolve(dependenciesSerial(job)),
};
