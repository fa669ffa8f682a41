/**
 * Borgatti (2006), "Identifying sets of key players in a social network",
 * Comput. Math. Organ. Theory 12:21–34. How broken a network is, among its
 * n present nodes (after the removal being judged):
 *
 * - fragmentation F = 1 − Σ_k s_k (s_k − 1) / (n (n − 1)), s_k the size of
 *   component k: the share of ordered pairs that cannot reach each other.
 *   O(n + m) (components.ts).
 * - distance-weighted fragmentation ᴰF = 1 − Σ_{i ≠ j} (1 / d_ij) / (n (n − 1))
 *   (1/∞ = 0; hops): also rewards lengthening the paths that remain.
 *   O(n (n + m)), one BFS per node.
 *
 * n is the number of nodes left after the removal: with it, F reproduces
 * Borgatti's published 9/11 figures (.0967 for the best node, .5209 for the
 * best pair; with the original n they would be .1259 and .5516). Fewer than
 * 2 nodes left: 1 (no pair can reach another).
 */
import type { CsrGraph } from '../graph/csr.js';
import { connectedComponents } from '../graph/components.js';
import { countPresent, maskFor, type NodeMask } from '../graph/node-mask.js';
import { hopsFrom } from '../paths/distances.js';

export function fragmentation(g: CsrGraph, alive?: NodeMask): number {
  const mask = maskFor(g, alive);
  const n = countPresent(mask);
  if (n < 2) return 1;
  const { sizes } = connectedComponents(g, mask);
  let pairs = 0;
  for (const s of sizes) pairs += s * (s - 1);
  return 1 - pairs / (n * (n - 1));
}

export function distanceFragmentation(g: CsrGraph, alive?: NodeMask): number {
  const mask = maskFor(g, alive);
  const n = countPresent(mask);
  if (n < 2) return 1;
  const dist = new Int32Array(g.nodeCount).fill(-1);
  const order = new Uint32Array(g.nodeCount);
  let sum = 0;
  for (let v = 0; v < g.nodeCount; v++) {
    if (mask[v] !== 1) continue;
    const reached = hopsFrom(g, v, mask, dist, order);
    for (let k = 1; k < reached; k++) sum += 1 / dist[order[k]!]!;
    for (let k = 0; k < reached; k++) dist[order[k]!] = -1;
  }
  return 1 - sum / (n * (n - 1));
}
