/** The edge joining u to v (u → v if directed), by binary search in u's sorted row; −1 if none. For parallel edges, the first. */
import type { CsrGraph } from './csr.js';

export function edgeBetween(g: CsrGraph, u: number, v: number): number {
  let lo = g.offsets[u]!;
  let hi = g.offsets[u + 1]!;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (g.targets[mid]! < v) lo = mid + 1;
    else hi = mid;
  }
  return lo < g.offsets[u + 1]! && g.targets[lo] === v ? g.arcEdge[lo]! : -1;
}
