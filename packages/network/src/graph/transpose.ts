/**
 * The reverse of a directed graph (every arc turned round), for measures
 * that follow in-arcs: distances *to* a node, in-neighbourhoods. Edge k of
 * the transpose is edge `originalEdge[k]` of g. An undirected graph is its
 * own transpose.
 */
import type { CsrGraph } from './csr.js';
import { csrFromEdges } from './build-csr.js';

export interface Transposed {
  readonly graph: CsrGraph;
  readonly originalEdge: Uint32Array;
}

export function transpose(g: CsrGraph): Transposed {
  if (!g.directed) {
    const id = new Uint32Array(g.edgeCount);
    for (let e = 0; e < id.length; e++) id[e] = e;
    return { graph: g, originalEdge: id };
  }
  const built = g.edgeWeights === undefined
    ? csrFromEdges({ nodeCount: g.nodeCount, source: g.edgeTarget, target: g.edgeSource }, { directed: true, duplicates: 'keep' })
    : csrFromEdges({ nodeCount: g.nodeCount, source: g.edgeTarget, target: g.edgeSource, weight: g.edgeWeights }, { directed: true, duplicates: 'keep', weightKind: g.weightKind! });
  const originalEdge = new Uint32Array(g.edgeCount);
  for (let e = 0; e < g.edgeCount; e++) originalEdge[built.edgeOfInput[e]!] = e;
  return { graph: built.graph, originalEdge };
}
