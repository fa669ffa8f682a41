/**
 * Degree centrality: neighbours counted by arc (a multigraph's parallel
 * edges each count), normalised by n − 1 by default (Freeman 1979), so a
 * node joined to every other has 1. Directed graphs: out-, in- or total
 * (out + in) degree. Strength (the sum of strength weights) in
 * `strength`.
 */
import type { CsrGraph } from '../graph/csr.js';
import { countPresent, maskFor, type NodeMask } from '../graph/node-mask.js';
import { readsWeights } from '../graph/weights.js';

export interface DegreeOptions {
  /** Default true: divided by n − 1 (n present nodes). */
  readonly normalized?: boolean;
  /** Directed graphs only; default 'out'. */
  readonly direction?: 'out' | 'in' | 'all';
  readonly alive?: NodeMask;
}

export function degree(g: CsrGraph, o: DegreeOptions = {}): Float64Array {
  return count(g, o, false);
}

/** Σ of strength weights on each node's arcs (its degree when unweighted); never normalised. */
export function strength(g: CsrGraph, o: Omit<DegreeOptions, 'normalized'> = {}): Float64Array {
  return count(g, { ...o, normalized: false }, readsWeights(g, undefined, 'strength', 'strength'));
}

function count(g: CsrGraph, o: DegreeOptions, weighted: boolean): Float64Array {
  const alive = maskFor(g, o.alive);
  const n = g.nodeCount;
  const out = new Float64Array(n);
  const dir = g.directed ? (o.direction ?? 'out') : 'out';
  const w = weighted ? g.arcWeights! : undefined;
  for (let v = 0; v < n; v++) {
    if (alive[v] !== 1) continue;
    for (let a = g.offsets[v]!, end = g.offsets[v + 1]!; a < end; a++) {
      const t = g.targets[a]!;
      if (alive[t] !== 1) continue;
      const x = w === undefined ? 1 : w[a]!;
      if (dir !== 'in') out[v]! += x;
      if (dir !== 'out') out[t]! += x;
    }
  }
  if (o.normalized ?? true) {
    const present = countPresent(alive);
    const f = present > 1 ? 1 / (present - 1) : 0;
    for (let v = 0; v < n; v++) out[v]! *= f;
  }
  return out;
}
