/**
 * Louvain communities (Blondel, Guillaume, Lambiotte & Lefebvre 2008,
 * "Fast unfolding of communities in large networks", J. Stat. Mech.
 * P10008): repeat { move single nodes to the neighbouring community with
 * the largest modularity gain until none improves; merge each community
 * into one node } until a level moves nothing.
 *
 * Deterministic for a seed: the node order of each level is a seeded
 * shuffle (core's mulberry32); a node moves only for a gain larger than
 * staying by more than GAIN_EPSILON, and among equal gains the community
 * met first in its (sorted) row wins. Communities are numbered by their
 * lowest node. Edges are taken as undirected (modularity.ts); strength
 * weights are read when the graph has them.
 *
 * Louvain's communities may be internally disconnected (a node that held a
 * community together moves away and nothing splits what is left); leiden.ts
 * (Traag, Waltman & van Eck 2019) guarantees connected ones.
 */
import { createRng, type Rng } from '@nariz/core';
import type { CsrGraph } from '../graph/csr.js';
import { readsWeights } from '../graph/weights.js';
import { aggregate, firstLevel, type Level } from './level-graph.js';
import { modularity } from './modularity.js';

export interface LouvainOptions {
  readonly seed?: number;
  /** γ (default 1): larger finds smaller communities. */
  readonly resolution?: number;
  readonly weighted?: boolean;
  /** Local-moving sweeps per level at most (default 1,000; a level stops earlier when a sweep moves nothing). */
  readonly maxSweeps?: number;
}

export interface LouvainResult {
  /** Community of each node, numbered 0 … count−1 by lowest node. */
  readonly membership: Int32Array;
  readonly communityCount: number;
  /** Modularity of `membership` on the input graph (modularity.ts). */
  readonly modularity: number;
  /** The membership after each level, coarsest last. */
  readonly levels: readonly Int32Array[];
}

/** Gains are compared with this slack (relative to the total weight): moves for less would only shuffle rounding. */
export const GAIN_EPSILON = 1e-12;

export function louvain(g: CsrGraph, o: LouvainOptions = {}): LouvainResult {
  const weighted = readsWeights(g, o.weighted, 'strength', 'louvain');
  const gamma = o.resolution ?? 1;
  const maxSweeps = o.maxSweeps ?? 1000;
  const rng = createRng(o.seed ?? 1);
  let level = firstLevel(g, weighted);
  const membership = Int32Array.from({ length: g.nodeCount }, (_, i) => i);
  const levels: Int32Array[] = [];
  for (;;) {
    const comm = moveNodes(level, gamma, maxSweeps, rng);
    if (comm === undefined) break;
    const { next, renumber } = aggregate(level, comm);
    for (let v = 0; v < membership.length; v++) membership[v] = renumber[comm[membership[v]!]!]!;
    levels.push(membership.slice());
    if (next.n === level.n) break;
    level = next;
  }
  let count = 0;
  for (const c of membership) count = Math.max(count, c + 1);
  return { membership, communityCount: count, modularity: modularity(g, membership, { weighted, resolution: gamma }), levels };
}

/** Local moving; the community of each node, or undefined if nothing moved. */
function moveNodes(L: Level, gamma: number, maxSweeps: number, rng: Rng): Int32Array | undefined {
  const { n, offsets, targets, weights, self } = L;
  const k = new Float64Array(n);
  let m2 = 0;
  for (let i = 0; i < n; i++) {
    let s = self[i]!;
    for (let a = offsets[i]!; a < offsets[i + 1]!; a++) s += weights[a]!;
    k[i] = s;
    m2 += s;
  }
  if (m2 === 0) return undefined;
  const comm = Int32Array.from({ length: n }, (_, i) => i);
  const tot = k.slice();
  const order = Uint32Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(rng.next() * (i + 1));
    const t = order[i]!;
    order[i] = order[j]!;
    order[j] = t;
  }
  const linkTo = new Float64Array(n);
  const mark = new Int32Array(n).fill(-1);
  const found = new Uint32Array(n);
  const eps = GAIN_EPSILON * m2;
  let movedAny = false;
  for (let sweep = 0; sweep < maxSweeps; sweep++) {
    let moves = 0;
    for (let idx = 0; idx < n; idx++) {
      const i = order[idx]!;
      const ci = comm[i]!;
      const ki = k[i]!;
      let nf = 0;
      mark[ci] = i;
      linkTo[ci] = 0;
      found[nf++] = ci;
      for (let a = offsets[i]!; a < offsets[i + 1]!; a++) {
        const c = comm[targets[a]!]!;
        if (mark[c] !== i) {
          mark[c] = i;
          linkTo[c] = 0;
          found[nf++] = c;
        }
        linkTo[c]! += weights[a]!;
      }
      tot[ci]! -= ki;
      const scale = (gamma * ki) / m2;
      let best = ci;
      let bestGain = linkTo[ci]! - scale * tot[ci]!;
      for (let f = 1; f < nf; f++) {
        const c = found[f]!;
        const gain = linkTo[c]! - scale * tot[c]!;
        if (gain > bestGain + eps) {
          best = c;
          bestGain = gain;
        }
      }
      tot[best]! += ki;
      if (best !== ci) {
        comm[i] = best;
        moves++;
      }
      mark[ci] = -1;
      for (let f = 0; f < nf; f++) mark[found[f]!] = -1;
    }
    if (moves === 0) break;
    movedAny = true;
  }
  return movedAny ? comm : undefined;
}
