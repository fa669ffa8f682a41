/**
 * Shortest paths between two entities: one (`shortestPath`, with its
 * edges, for showing the chain of links and their provenance) or all of
 * equal length (`allShortestPaths`, bounded). Hops, or lengths when the
 * graph's weights are lengths; equal lengths are compared as in Brandes
 * (centrality/brandes.ts, TIE_RELATIVE). Rows are sorted, so the path
 * found and the order of all paths are deterministic: `shortestPath`
 * takes, at each node, the lowest-numbered predecessor reached first.
 */
import type { CsrGraph } from '../graph/csr.js';
import { assertNode, maskFor, type NodeMask } from '../graph/node-mask.js';
import { transpose } from '../graph/transpose.js';
import { readsWeights } from '../graph/weights.js';
import { TIE_RELATIVE } from '../centrality/brandes.js';
import { IndexedMinHeap } from './binary-heap.js';
import { distancesFrom } from './distances.js';

export interface PathOptions {
  readonly weighted?: boolean;
  readonly alive?: NodeMask;
}

export interface Path {
  /** Hops, or total length. */
  readonly distance: number;
  /** from … to. */
  readonly nodes: Uint32Array;
  /** The edge of each step (nodes.length − 1 entries). */
  readonly edges: Uint32Array;
}

/** One shortest path from → to, or undefined if `to` cannot be reached. */
export function shortestPath(g: CsrGraph, from: number, to: number, o: PathOptions = {}): Path | undefined {
  const alive = maskFor(g, o.alive);
  assertNode(g, from, 'from', alive);
  assertNode(g, to, 'to', alive);
  const weighted = readsWeights(g, o.weighted, 'length', 'shortestPath');
  const n = g.nodeCount;
  const viaArc = new Int32Array(n).fill(-1);
  const dist = new Float64Array(n).fill(Infinity);
  dist[from] = 0;
  if (weighted) {
    const heap = new IndexedMinHeap(n);
    const done = new Uint8Array(n);
    heap.push(from, 0);
    while (heap.size > 0) {
      const v = heap.pop();
      done[v] = 1;
      if (v === to) break;
      for (let a = g.offsets[v]!; a < g.offsets[v + 1]!; a++) {
        const w = g.targets[a]!;
        if (alive[w] !== 1 || done[w] === 1) continue;
        const alt = dist[v]! + g.arcWeights![a]!;
        if (alt < dist[w]!) {
          dist[w] = alt;
          viaArc[w] = a;
          heap.push(w, alt);
        }
      }
    }
  } else {
    const queue = new Uint32Array(n);
    queue[0] = from;
    let head = 0;
    let tail = 1;
    while (head < tail && dist[to] === Infinity) {
      const v = queue[head++]!;
      for (let a = g.offsets[v]!; a < g.offsets[v + 1]!; a++) {
        const w = g.targets[a]!;
        if (alive[w] !== 1 || dist[w] !== Infinity) continue;
        dist[w] = dist[v]! + 1;
        viaArc[w] = a;
        queue[tail++] = w;
      }
    }
  }
  if (dist[to] === Infinity) return undefined;
  const nodes: number[] = [to];
  const edges: number[] = [];
  for (let v = to; v !== from; ) {
    const a = viaArc[v]!;
    edges.push(g.arcEdge[a]!);
    v = arcTail(g, a);
    nodes.push(v);
  }
  return { distance: dist[to]!, nodes: Uint32Array.from(nodes.reverse()), edges: Uint32Array.from(edges.reverse()) };
}

export interface AllShortestPaths {
  readonly distance: number;
  /** Each from … to, in lexicographic order of their nodes read from `to` back. */
  readonly paths: readonly Uint32Array[];
  /** True when there were more than `maxPaths`. */
  readonly truncated: boolean;
}

/** Every shortest path from → to, at most `maxPaths` (default 1,000); undefined if `to` cannot be reached. */
export function allShortestPaths(g: CsrGraph, from: number, to: number, o: PathOptions & { readonly maxPaths?: number } = {}): AllShortestPaths | undefined {
  const alive = maskFor(g, o.alive);
  assertNode(g, from, 'from', alive);
  assertNode(g, to, 'to', alive);
  const weighted = readsWeights(g, o.weighted, 'length', 'allShortestPaths');
  const maxPaths = o.maxPaths ?? 1000;
  const dist = distancesFrom(g, from, { weighted, alive });
  if (dist[to] === Infinity) return undefined;
  // Predecessors of v: in-arcs u → v with dist[u] + ℓ = dist[v].
  const back = transpose(g).graph;
  const paths: Uint32Array[] = [];
  let truncated = false;
  const stack: number[] = [to];
  const walk = (v: number): void => {
    if (truncated) return;
    if (v === from) {
      if (paths.length === maxPaths) {
        truncated = true;
        return;
      }
      paths.push(Uint32Array.from(stack).reverse());
      return;
    }
    for (let a = back.offsets[v]!; a < back.offsets[v + 1]!; a++) {
      const u = back.targets[a]!;
      if (alive[u] !== 1 || dist[u] === Infinity) continue;
      const step = weighted ? back.arcWeights![a]! : 1;
      const dv = dist[v]!;
      if (Math.abs(dist[u]! + step - dv) > TIE_RELATIVE * dv) continue;
      stack.push(u);
      walk(u);
      stack.pop();
    }
  };
  walk(to);
  return { distance: dist[to]!, paths, truncated };
}

/** The node an arc leaves (its row), by binary search in the offsets. */
export function arcTail(g: CsrGraph, a: number): number {
  let lo = 0;
  let hi = g.nodeCount - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (g.offsets[mid]! <= a) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
