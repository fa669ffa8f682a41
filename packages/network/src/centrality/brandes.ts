/**
 * Brandes (2001), "A faster algorithm for betweenness centrality",
 * J. Math. Sociol. 25(2):163–177: for each source s, a shortest-path
 * search counts the shortest paths σ_sv to every v, then the dependencies
 *   δ_s(v) = Σ_{w : v precedes w} σ_sv / σ_sw · (1 + δ_s(w))
 * are accumulated in order of decreasing distance. Betweenness is
 * Σ_s δ_s(v) (v ≠ s), halved for undirected graphs (betweenness.ts).
 *
 * Implementation notes (why, not what):
 * - The backward pass is in "pull" form, δ_v = σ_v Σ_w c_w over v's
 *   successors w, with c_w = (1 + δ_w) / σ_w: it writes only to v. With
 *   hops, the BFS writes each node's successors to one flat list (an arc
 *   joins consecutive levels at most one way, so the list holds at most
 *   half the arcs of an undirected graph), and the backward pass reads
 *   only that; with lengths it rescans v's row for dist_w = dist_v + ℓ_vw.
 *   No allocation per source.
 * - Scratch arrays are reset only at the nodes reached (listed in
 *   `order`): O(reached arcs) per source, not O(n).
 * - With lengths, two path lengths are equal when they differ by at most
 *   TIE_RELATIVE × the length (as igraph does): sums such as 0.1 + 0.2
 *   and 0.3 would otherwise split ties by rounding. Lengths
 *   that are integers (or exact binary fractions) compare exactly anyway.
 * - σ is kept in float64: path counts overflow 2⁵³ long before they
 *   overflow a double's range, and then only lose relative precision.
 */
import type { CsrGraph } from '../graph/csr.js';
import type { NodeMask } from '../graph/node-mask.js';
import { IndexedMinHeap } from '../paths/binary-heap.js';

export const TIE_RELATIVE = 1e-10;

/** What the kernel reads of a graph (all a worker is sent). */
export type BrandesGraph = Pick<CsrGraph, 'nodeCount' | 'offsets' | 'targets' | 'arcWeights'>;

/** Per-thread scratch, sized once for the graph: nodeCount entries each, `succ` one per arc. */
export interface BrandesScratch {
  readonly hops: Int32Array;
  readonly lengths: Float64Array;
  readonly sigma: Float64Array;
  readonly delta: Float64Array;
  readonly coef: Float64Array;
  readonly order: Uint32Array;
  /** Successor lists of one BFS: at most one entry per arc (bound: the arc count). */
  readonly succ: Uint32Array;
  /** Start of each BFS-order position's list in `succ` (nodeCount + 1 entries). */
  readonly succStart: Uint32Array;
  readonly heap: IndexedMinHeap;
}

export function brandesScratch(nodeCount: number, arcCount: number): BrandesScratch {
  return {
    succ: new Uint32Array(arcCount),
    succStart: new Uint32Array(nodeCount + 1),
    hops: new Int32Array(nodeCount).fill(-1),
    lengths: new Float64Array(nodeCount).fill(Infinity),
    sigma: new Float64Array(nodeCount),
    delta: new Float64Array(nodeCount),
    coef: new Float64Array(nodeCount),
    order: new Uint32Array(nodeCount),
    heap: new IndexedMinHeap(nodeCount),
  };
}

/**
 * Adds δ_s(v) to sum[v] (and δ_s(v)² to sumSq[v], if given) for every
 * source s = sources[from … to), in that order. Sources must be present
 * in `alive`.
 */
export function accumulateDependencies(
  g: BrandesGraph,
  sources: Uint32Array,
  from: number,
  to: number,
  weighted: boolean,
  alive: NodeMask,
  sum: Float64Array,
  sumSq: Float64Array | undefined,
  scratch: BrandesScratch,
): void {
  for (let i = from; i < to; i++) {
    const s = sources[i]!;
    if (!weighted) {
      dependenciesByHops(g, s, alive, scratch, sum, sumSq); // adds to the sums itself
      continue;
    }
    const reached = dependenciesByLength(g, s, alive, scratch);
    const { order, delta } = scratch;
    // order[0] is s itself, whose own dependency does not count.
    if (sumSq === undefined) {
      for (let k = 1; k < reached; k++) {
        const v = order[k]!;
        sum[v]! += delta[v]!;
      }
    } else {
      for (let k = 1; k < reached; k++) {
        const v = order[k]!;
        const d = delta[v]!;
        sum[v]! += d;
        sumSq[v]! += d * d;
      }
    }
  }
}

/**
 * One source, unweighted: BFS recording, for each node in BFS order, its
 * successors (the DAG arcs, at most one per edge) in `succ`, then the
 * pull-form backward pass over those lists only, adding δ_s(v) to the
 * sums as it goes. Leaves hops reset.
 */
function dependenciesByHops(g: BrandesGraph, s: number, alive: NodeMask, sc: BrandesScratch, sum: Float64Array, sumSq: Float64Array | undefined): void {
  const offsets = g.offsets;
  const targets = g.targets;
  const { hops, sigma, coef, order, succ, succStart } = sc;
  hops[s] = 0;
  sigma[s] = 1;
  order[0] = s;
  let head = 0;
  let tail = 1;
  let ns = 0;
  while (head < tail) {
    const v = order[head]!;
    succStart[head++] = ns;
    const next = hops[v]! + 1;
    const sv = sigma[v]!;
    for (let a = offsets[v]!, end = offsets[v + 1]!; a < end; a++) {
      const w = targets[a]!;
      const hw = hops[w]!;
      if (hw < 0) {
        if (alive[w] !== 1) continue;
        hops[w] = next;
        sigma[w] = sv;
        order[tail++] = w;
        succ[ns++] = w;
      } else if (hw === next) {
        sigma[w]! += sv;
        succ[ns++] = w;
      }
    }
  }
  succStart[tail] = ns;
  // Backward, adding each δ_s(v) to the sums as it is found (s itself, k = 0, excluded).
  for (let k = tail - 1; k > 0; k--) {
    const v = order[k]!;
    let acc = 0;
    for (let i = succStart[k]!, end = succStart[k + 1]!; i < end; i++) acc += coef[succ[i]!]!;
    const sv = sigma[v]!;
    const d = sv * acc;
    coef[v] = (1 + d) / sv;
    sum[v]! += d;
    if (sumSq !== undefined) sumSq[v]! += d * d;
    hops[v] = -1;
  }
  hops[s] = -1;
}

/** One source, lengths: Dijkstra with path counting, then the backward pass over the settle order. */
function dependenciesByLength(g: BrandesGraph, s: number, alive: NodeMask, sc: BrandesScratch): number {
  const offsets = g.offsets;
  const targets = g.targets;
  const wt = g.arcWeights!;
  const { lengths: dist, sigma, delta, coef, order, heap } = sc;
  dist[s] = 0;
  sigma[s] = 1;
  heap.push(s, 0);
  let settled = 0;
  while (heap.size > 0) {
    const v = heap.pop();
    order[settled++] = v;
    const dv = dist[v]!;
    const sv = sigma[v]!;
    for (let a = offsets[v]!, end = offsets[v + 1]!; a < end; a++) {
      const w = targets[a]!;
      if (alive[w] !== 1) continue;
      const alt = dv + wt[a]!;
      const dw = dist[w]!;
      if (dw === Infinity) {
        dist[w] = alt;
        sigma[w] = sv;
        heap.push(w, alt);
      } else {
        const tol = TIE_RELATIVE * dw;
        if (alt < dw - tol) {
          dist[w] = alt;
          sigma[w] = sv;
          heap.push(w, alt);
        } else if (alt <= dw + tol) sigma[w]! += sv;
      }
    }
  }
  for (let k = settled - 1; k >= 0; k--) {
    const v = order[k]!;
    const dv = dist[v]!;
    let acc = 0;
    for (let a = offsets[v]!, end = offsets[v + 1]!; a < end; a++) {
      const w = targets[a]!;
      const dw = dist[w]!;
      if (dw <= dv || dw === Infinity) continue; // not a successor, or removed
      if (Math.abs(dv + wt[a]! - dw) <= TIE_RELATIVE * dw) acc += coef[w]!;
    }
    const d = sigma[v]! * acc;
    delta[v] = d;
    coef[v] = (1 + d) / sigma[v]!;
  }
  for (let k = 0; k < settled; k++) dist[order[k]!] = Infinity;
  return settled;
}
