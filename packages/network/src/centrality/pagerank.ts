/**
 * PageRank (Brin & Page 1998): the stationary distribution of a walk that
 * follows an out-arc (chosen in proportion to its strength weight, if the
 * graph has them) with probability `damping` (default 0.85) and jumps to a
 * uniformly chosen node otherwise. A dangling node (no out-arcs among the
 * present nodes) jumps uniformly, so no mass is lost. Undirected edges are
 * followed both ways.
 *
 * Scale: sums to 1 over present nodes. Convergence: stops when the L1
 * change between iterations is below `tolerance` (default 1e-12); throws
 * NARIZ_NUMERIC after `maxIterations` (default 1,000). With damping < 1
 * the iteration contracts by `damping` each step, so 1e-12 takes about
 * 170 steps at 0.85.
 */
import { NarizError } from '@nariz/core';
import type { CsrGraph } from '../graph/csr.js';
import { countPresent, maskFor, type NodeMask } from '../graph/node-mask.js';
import { readsWeights } from '../graph/weights.js';

export interface PageRankOptions {
  readonly damping?: number;
  readonly weighted?: boolean;
  readonly tolerance?: number;
  readonly maxIterations?: number;
  readonly alive?: NodeMask;
}

export function pagerank(g: CsrGraph, o: PageRankOptions = {}): Float64Array {
  const alive = maskFor(g, o.alive);
  const d = o.damping ?? 0.85;
  if (!(d >= 0 && d < 1)) throw new NarizError('NARIZ_USAGE', `damping must be in [0, 1), got ${d}`);
  const w = readsWeights(g, o.weighted, 'strength', 'pagerank') ? g.arcWeights! : undefined;
  const tol = o.tolerance ?? 1e-12;
  const maxIt = o.maxIterations ?? 1000;
  const n = g.nodeCount;
  const present = countPresent(alive);
  const out = new Float64Array(n);
  if (present === 0) return out;
  // Out-strength of each node among present nodes; 0 marks it dangling.
  const outW = new Float64Array(n);
  for (let v = 0; v < n; v++) {
    if (alive[v] !== 1) continue;
    for (let a = g.offsets[v]!, end = g.offsets[v + 1]!; a < end; a++) if (alive[g.targets[a]!] === 1) outW[v]! += w === undefined ? 1 : w[a]!;
  }
  let x = new Float64Array(n);
  let y = new Float64Array(n);
  for (let v = 0; v < n; v++) x[v] = alive[v]! / present;
  for (let it = 0; it < maxIt; it++) {
    let dangling = 0;
    for (let v = 0; v < n; v++) if (alive[v] === 1 && outW[v] === 0) dangling += x[v]!;
    const base = ((1 - d) + d * dangling) / present;
    for (let v = 0; v < n; v++) y[v] = alive[v] === 1 ? base : 0;
    for (let v = 0; v < n; v++) {
      if (alive[v] !== 1 || outW[v] === 0) continue;
      const share = (d * x[v]!) / outW[v]!;
      for (let a = g.offsets[v]!, end = g.offsets[v + 1]!; a < end; a++) {
        const t = g.targets[a]!;
        if (alive[t] === 1) y[t]! += share * (w === undefined ? 1 : w[a]!);
      }
    }
    let change = 0;
    for (let v = 0; v < n; v++) change += Math.abs(y[v]! - x[v]!);
    const t = x;
    x = y;
    y = t;
    if (change < tol) return x;
  }
  throw new NarizError('NARIZ_NUMERIC', `PageRank did not converge to ${tol} in ${maxIt} iterations`);
}
