/**
 * Closeness: how near a node is to the others, from its distances d(v, u)
 * (hops, or lengths when the graph's weights are lengths; out-distances
 * on directed graphs, i.e. from v).
 *
 * `closeness` is Freeman's (1979), (n − 1) / Σ_u d(v, u), on a connected
 * graph. On a disconnected one, Σ d is over the r nodes v reaches, scaled
 * by the share it reaches (Wasserman & Faust 1994, eq. 5.2, as NetworkX's
 * default): (r / (n − 1)) · (r / Σ d), equal to Freeman's when r = n − 1;
 * 0 for a node that reaches nobody.
 *
 * `harmonicCloseness` is Σ_{u ≠ v} 1 / d(v, u) / (n − 1) (Marchiori &
 * Latora 2000; Rochat 2009), with 1/∞ = 0: defined on any graph and the
 * better choice when the graph falls apart (removal, time windows).
 * n counts present nodes only.
 */
import type { CsrGraph } from '../graph/csr.js';
import { countPresent, maskFor, type NodeMask } from '../graph/node-mask.js';
import { readsWeights } from '../graph/weights.js';
import { IndexedMinHeap } from '../paths/binary-heap.js';
import { hopsFrom, lengthsFrom } from '../paths/distances.js';

export interface ClosenessOptions {
  /** Arc weights as lengths (default: when the graph's weights are lengths). */
  readonly weighted?: boolean;
  readonly alive?: NodeMask;
}

export function closeness(g: CsrGraph, o: ClosenessOptions = {}): Float64Array {
  return fromDistances(g, o, 'freeman');
}

export function harmonicCloseness(g: CsrGraph, o: ClosenessOptions = {}): Float64Array {
  return fromDistances(g, o, 'harmonic');
}

function fromDistances(g: CsrGraph, o: ClosenessOptions, kind: 'freeman' | 'harmonic'): Float64Array {
  const alive = maskFor(g, o.alive);
  const weighted = readsWeights(g, o.weighted, 'length', 'closeness');
  const n = g.nodeCount;
  const present = countPresent(alive);
  const out = new Float64Array(n);
  if (present < 2) return out;
  const order = new Uint32Array(n);
  const hops = new Int32Array(n).fill(-1);
  const lengths = new Float64Array(n).fill(Infinity);
  const heap = weighted ? new IndexedMinHeap(n) : undefined;
  for (let v = 0; v < n; v++) {
    if (alive[v] !== 1) continue;
    const reached = weighted ? lengthsFrom(g, v, alive, lengths, order, heap!) : hopsFrom(g, v, alive, hops, order);
    let total = 0;
    let inverse = 0;
    for (let k = 1; k < reached; k++) {
      const u = order[k]!;
      const d = weighted ? lengths[u]! : hops[u]!;
      total += d;
      inverse += 1 / d;
    }
    for (let k = 0; k < reached; k++) {
      hops[order[k]!] = -1;
      lengths[order[k]!] = Infinity;
    }
    const r = reached - 1;
    if (kind === 'harmonic') out[v] = inverse / (present - 1);
    else out[v] = total > 0 ? (r / (present - 1)) * (r / total) : 0;
  }
  return out;
}
