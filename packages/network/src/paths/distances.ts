/**
 * Single-source distances: breadth-first (hops) or Dijkstra (lengths, with
 * IndexedMinHeap), over out-arcs, skipping removed nodes. The scratch form
 * (`hopsFrom`, `lengthsFrom`) reuses its arrays across sources: `dist` must
 * hold −1 (hops) or Infinity (lengths) everywhere on entry, and the caller
 * resets the `reached` nodes listed in `order` afterwards, so a run costs
 * O(reached arcs), not O(n).
 */
import type { CsrGraph } from '../graph/csr.js';
import { assertNode, maskFor, type NodeMask } from '../graph/node-mask.js';
import { readsWeights } from '../graph/weights.js';
import { IndexedMinHeap } from './binary-heap.js';

/** Hops from s; returns how many nodes were reached (s included), listed in `order` by distance. Stops expanding at `maxHops`. */
export function hopsFrom(g: CsrGraph, s: number, alive: NodeMask, dist: Int32Array, order: Uint32Array, maxHops = Infinity): number {
  const { offsets, targets } = g;
  dist[s] = 0;
  order[0] = s;
  let head = 0;
  let tail = 1;
  while (head < tail) {
    const v = order[head++]!;
    const dv = dist[v]!;
    if (dv >= maxHops) continue;
    for (let a = offsets[v]!, end = offsets[v + 1]!; a < end; a++) {
      const w = targets[a]!;
      if (dist[w]! < 0 && alive[w] === 1) {
        dist[w] = dv + 1;
        order[tail++] = w;
      }
    }
  }
  return tail;
}

/** Lengths from s (arc weights as lengths); returns how many nodes were reached, listed in `order` as settled. */
export function lengthsFrom(g: CsrGraph, s: number, alive: NodeMask, dist: Float64Array, order: Uint32Array, heap: IndexedMinHeap): number {
  const { offsets, targets } = g;
  const wt = g.arcWeights!;
  dist[s] = 0;
  heap.push(s, 0);
  let settled = 0;
  while (heap.size > 0) {
    const v = heap.pop();
    order[settled++] = v;
    const dv = dist[v]!;
    for (let a = offsets[v]!, end = offsets[v + 1]!; a < end; a++) {
      const w = targets[a]!;
      if (alive[w] !== 1) continue;
      const alt = dv + wt[a]!;
      if (alt < dist[w]!) {
        dist[w] = alt;
        heap.push(w, alt);
      }
    }
  }
  return settled;
}

export interface DistanceOptions {
  /** Read arc weights as lengths (default: when the graph's weights are lengths). */
  readonly weighted?: boolean;
  readonly alive?: NodeMask;
}

/** Distances from s to every node (Infinity where unreachable or removed): hops, or lengths when weighted. */
export function distancesFrom(g: CsrGraph, s: number, o: DistanceOptions = {}): Float64Array {
  const alive = maskFor(g, o.alive);
  assertNode(g, s, 'source', alive);
  const out = new Float64Array(g.nodeCount).fill(Infinity);
  const order = new Uint32Array(g.nodeCount);
  if (readsWeights(g, o.weighted, 'length', 'distancesFrom')) {
    lengthsFrom(g, s, alive, out, order, new IndexedMinHeap(g.nodeCount));
    return out;
  }
  const dist = new Int32Array(g.nodeCount).fill(-1);
  const reached = hopsFrom(g, s, alive, dist, order);
  for (let i = 0; i < reached; i++) out[order[i]!] = dist[order[i]!]!;
  return out;
}
