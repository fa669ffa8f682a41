/**
 * Eigenvector centrality (Bonacich 1972): the principal eigenvector of the
 * adjacency matrix, by power iteration on A + I (the shift keeps the
 * iteration from oscillating on bipartite graphs and leaves the
 * eigenvectors unchanged). Directed graphs: a node is central when central
 * nodes point to it (x_t ← Σ_{s→t} x_s, as NetworkX). Strength weights are
 * read when the graph has them.
 *
 * Scale: unit Euclidean norm, non-negative (as NetworkX). Convergence:
 * stops when no entry changes by more than `tolerance` (default 1e-10)
 * between iterations; throws NARIZ_NUMERIC after `maxIterations` (default
 * 10,000) or if the vector vanishes (e.g. a directed acyclic graph).
 * On a disconnected graph the vector concentrates on the component(s)
 * with the largest eigenvalue; other components get ~0.
 */
import { NarizError } from '@nariz/core';
import type { CsrGraph } from '../graph/csr.js';
import { maskFor, type NodeMask } from '../graph/node-mask.js';
import { readsWeights } from '../graph/weights.js';

export interface EigenvectorOptions {
  readonly weighted?: boolean;
  readonly tolerance?: number;
  readonly maxIterations?: number;
  readonly alive?: NodeMask;
}

export function eigenvectorCentrality(g: CsrGraph, o: EigenvectorOptions = {}): Float64Array {
  const alive = maskFor(g, o.alive);
  const w = readsWeights(g, o.weighted, 'strength', 'eigenvectorCentrality') ? g.arcWeights! : undefined;
  const tol = o.tolerance ?? 1e-10;
  const maxIt = o.maxIterations ?? 10_000;
  const n = g.nodeCount;
  let x = new Float64Array(n);
  let y = new Float64Array(n);
  for (let v = 0; v < n; v++) x[v] = alive[v]!;
  normalise(x);
  for (let it = 0; it < maxIt; it++) {
    y.set(x);
    for (let v = 0; v < n; v++) {
      if (alive[v] !== 1) continue;
      const xv = x[v]!;
      if (xv === 0) continue;
      for (let a = g.offsets[v]!, end = g.offsets[v + 1]!; a < end; a++) {
        const t = g.targets[a]!;
        if (alive[t] === 1) y[t]! += xv * (w === undefined ? 1 : w[a]!);
      }
    }
    if (!normalise(y)) throw new NarizError('NARIZ_NUMERIC', 'eigenvector centrality: the vector vanished (no cycles to sustain it, e.g. a directed acyclic graph)');
    let change = 0;
    for (let v = 0; v < n; v++) change = Math.max(change, Math.abs(y[v]! - x[v]!));
    const t = x;
    x = y;
    y = t;
    if (change < tol) return x;
  }
  throw new NarizError('NARIZ_NUMERIC', `eigenvector centrality did not converge to ${tol} in ${maxIt} iterations`);
}

/** Scales to unit Euclidean norm; false if the vector is zero. */
function normalise(x: Float64Array): boolean {
  let s = 0;
  for (const v of x) s += v * v;
  if (!(s > 0)) return false;
  const f = 1 / Math.sqrt(s);
  for (let i = 0; i < x.length; i++) x[i]! *= f;
  return true;
}
