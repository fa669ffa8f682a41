/**
 * Connected components (weakly connected for directed graphs: direction is
 * ignored), by union–find over the edge list with path halving and union by
 * size: O(m α(n)), and the same code for both kinds of graph.
 */
import type { CsrGraph } from './csr.js';
import { maskFor, type NodeMask } from './node-mask.js';

export interface Components {
  /** Per node, its component 0 … count−1 (numbered by their lowest node), −1 for removed nodes. */
  readonly label: Int32Array;
  /** Nodes in each component. */
  readonly sizes: Uint32Array;
  readonly count: number;
}

export function connectedComponents(g: CsrGraph, alive?: NodeMask): Components {
  const n = g.nodeCount;
  const mask = maskFor(g, alive);
  const parent = new Uint32Array(n);
  const size = new Uint32Array(n);
  for (let v = 0; v < n; v++) {
    parent[v] = v;
    size[v] = 1;
  }
  const find = (x: number): number => {
    while (parent[x] !== x) {
      const p = parent[x]!;
      parent[x] = parent[p]!;
      x = parent[x]!;
    }
    return x;
  };
  for (let e = 0; e < g.edgeCount; e++) {
    const u = g.edgeSource[e]!;
    const v = g.edgeTarget[e]!;
    if (mask[u] !== 1 || mask[v] !== 1) continue;
    let a = find(u);
    let b = find(v);
    if (a === b) continue;
    if (size[a]! < size[b]!) {
      const t = a;
      a = b;
      b = t;
    }
    parent[b] = a;
    size[a]! += size[b]!;
  }
  const label = new Int32Array(n).fill(-1);
  const rootLabel = new Int32Array(n).fill(-1);
  const sizes: number[] = [];
  for (let v = 0; v < n; v++) {
    if (mask[v] !== 1) continue;
    const r = find(v);
    if (rootLabel[r] === -1) {
      rootLabel[r] = sizes.length;
      sizes.push(0);
    }
    const c = rootLabel[r]!;
    label[v] = c;
    sizes[c]!++;
  }
  return { label, sizes: Uint32Array.from(sizes), count: sizes.length };
}

/** Nodes in the largest component (0 for an empty graph or mask). */
export function largestComponentSize(g: CsrGraph, alive?: NodeMask): number {
  const { sizes } = connectedComponents(g, alive);
  let best = 0;
  for (let c = 0; c < sizes.length; c++) if (sizes[c]! > best) best = sizes[c]!;
  return best;
}

/** The mask of the largest component (ties: the one holding the lowest-numbered node). */
export function largestComponentMask(g: CsrGraph, alive?: NodeMask): NodeMask {
  const { label, sizes } = connectedComponents(g, alive);
  let best = -1;
  for (let c = 0; c < sizes.length; c++) if (best < 0 || sizes[c]! > sizes[best]!) best = c;
  const out = new Uint8Array(g.nodeCount);
  for (let v = 0; v < g.nodeCount; v++) if (label[v] === best) out[v] = 1;
  return out;
}
