/**
 * Modularity (Newman & Girvan 2004; Newman 2006) of a partition:
 *   Q = Σ_c [ L_c / m − γ (d_c / 2m)² ]
 * with m the total edge weight, L_c the weight inside community c and d_c
 * the total degree (strength) of its nodes; γ the resolution (default 1).
 * Edges are taken as undirected (a directed arc counts as an edge of its
 * weight) and weighted by strength when the graph has strength weights.
 * A graph without edges has Q = 0.
 */
import { NarizError } from '@nariz/core';
import type { CsrGraph } from '../graph/csr.js';
import { readsWeights } from '../graph/weights.js';

export interface ModularityOptions {
  readonly weighted?: boolean;
  readonly resolution?: number;
}

/** `membership[v]` is v's community: an integer 0 … nodeCount−1. */
export function modularity(g: CsrGraph, membership: ArrayLike<number>, o: ModularityOptions = {}): number {
  if (membership.length !== g.nodeCount) throw new NarizError('NARIZ_USAGE', `membership has ${membership.length} entries for ${g.nodeCount} nodes`);
  const w = readsWeights(g, o.weighted, 'strength', 'modularity') ? g.edgeWeights! : undefined;
  const gamma = o.resolution ?? 1;
  const n = g.nodeCount;
  const inside = new Float64Array(n);
  const total = new Float64Array(n);
  let m = 0;
  for (let v = 0; v < n; v++) {
    const c = membership[v]!;
    if (!Number.isInteger(c) || c < 0 || c >= n) throw new NarizError('NARIZ_USAGE', `membership[${v}] = ${c} is not a community number 0 … ${n - 1}`);
  }
  for (let e = 0; e < g.edgeCount; e++) {
    const x = w === undefined ? 1 : w[e]!;
    const cu = membership[g.edgeSource[e]!]!;
    const cv = membership[g.edgeTarget[e]!]!;
    m += x;
    total[cu]! += x;
    total[cv]! += x;
    if (cu === cv) inside[cu]! += x;
  }
  if (m === 0) return 0;
  let q = 0;
  for (let c = 0; c < n; c++) q += inside[c]! / m - gamma * (total[c]! / (2 * m)) ** 2;
  return q;
}
