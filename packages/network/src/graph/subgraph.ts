/**
 * The induced subgraph of the nodes a mask keeps, as a new CsrGraph with
 * nodes and edges renumbered in their original order (the renumbering is
 * monotone, so the edge order, and every row's order, are kept and no sort
 * is needed). Kernels that only need to skip nodes take the mask instead
 * (node-mask.ts); this copy is for results handed on (ego networks, the
 * largest component).
 */
import type { CsrGraph } from './csr.js';
import { csrFromSortedEdges } from './build-csr.js';
import { largestComponentMask } from './components.js';
import { maskFor, type NodeMask } from './node-mask.js';

export interface InducedSubgraph {
  readonly graph: CsrGraph;
  /** For each new node, its number in the original graph. */
  readonly originalNode: Uint32Array;
  /** For each original node, its new number, or −1 if it was left out. */
  readonly newNode: Int32Array;
  /** For each new edge, its number in the original graph. */
  readonly originalEdge: Uint32Array;
}

export function inducedSubgraph(g: CsrGraph, keep: NodeMask): InducedSubgraph {
  const mask = maskFor(g, keep);
  const newNode = new Int32Array(g.nodeCount).fill(-1);
  const kept: number[] = [];
  for (let v = 0; v < g.nodeCount; v++) {
    if (mask[v] === 1) {
      newNode[v] = kept.length;
      kept.push(v);
    }
  }
  const edges: number[] = [];
  for (let e = 0; e < g.edgeCount; e++) if (mask[g.edgeSource[e]!] === 1 && mask[g.edgeTarget[e]!] === 1) edges.push(e);
  const m = edges.length;
  const src = new Uint32Array(m);
  const tgt = new Uint32Array(m);
  const w = g.edgeWeights === undefined ? undefined : new Float64Array(m);
  for (let i = 0; i < m; i++) {
    const e = edges[i]!;
    src[i] = newNode[g.edgeSource[e]!]!;
    tgt[i] = newNode[g.edgeTarget[e]!]!;
    if (w !== undefined) w[i] = g.edgeWeights![e]!;
  }
  return {
    graph: csrFromSortedEdges(kept.length, g.directed, src, tgt, w, g.weightKind),
    originalNode: Uint32Array.from(kept),
    newNode,
    originalEdge: Uint32Array.from(edges),
  };
}

/** The largest (weakly) connected component as its own graph. */
export function largestComponent(g: CsrGraph): InducedSubgraph {
  return inducedSubgraph(g, largestComponentMask(g));
}
