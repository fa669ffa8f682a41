/**
 * Leiden communities (Traag, Waltman & van Eck 2019, "From Louvain to
 * Leiden: guaranteeing well-connected communities", Sci. Rep. 9:5233),
 * maximising modularity with resolution γ. One pass of the algorithm:
 *
 *   repeat
 *     fast local moving: a queue of the nodes in a seeded random order; a
 *       node goes to the neighbouring (or an empty) community with the
 *       largest gain, and its neighbours outside its new community join the
 *       queue; until the queue is empty
 *     if every node is alone: stop
 *     refinement: inside each community S, start from singletons and visit
 *       S's nodes in a seeded random order; a node still alone, and well
 *       connected to S (its weight to the rest of S ≥ γ k_v (K_S − k_v)/2m),
 *       joins a well-connected sub-community C of S it has an edge to, or
 *       stays, with probability ∝ exp(ΔH / θ) over the choices with ΔH ≥ 0
 *     aggregation: each refined sub-community becomes a node; the initial
 *       partition of the aggregate graph is the non-refined one
 *
 * Every community returned is connected (by positive-weight edges): a node
 * joins a sub-community only along an edge, so each sub-community is
 * connected, and a pass ends only when every aggregate node (a
 * sub-community) is alone. Should a refinement merge nothing (possible only
 * when no node gains by joining a neighbour), the aggregation uses the
 * connected pieces of each community instead, which keeps that guarantee
 * and the pass's progress; if those are single nodes too, the pass ends
 * with them (splitting a community into pieces with no edge between them
 * never lowers modularity).
 *
 * Gains are modularity gains times m, in edge weight:
 * ΔH(v → C) = w(v, C) − γ k_v K_C / 2m, so θ (default 0.01, as in the
 * paper) is in units of edge weight; with counts as strengths it leaves
 * little to chance but ties. θ = 0 takes the best choice (the first met on
 * a tie). A local move needs a gain larger than staying by more than
 * GAIN_EPSILON of the total weight, as in Louvain.
 *
 * `iterations` passes (default 10; igraph and leidenalg default to 2), each
 * starting from the last one's partition; they stop early when a pass
 * changes nothing. More passes only raise modularity: on the shared data
 * sets 2 passes were sometimes below Louvain with the same seed (by up to
 * 0.010 on Krebs's 9/11 network), 10 were not but for 0.004 on one of 50
 * seeds (docs/network.md). Deterministic for
 * a seed (core's mulberry32). Communities are numbered by their lowest
 * node. Edges are taken as undirected, and strength weights are read when
 * the graph has them (modularity.ts).
 */
import { createRng, NarizError, type Rng } from '@nariz/core';
import type { CsrGraph } from '../graph/csr.js';
import { readsWeights } from '../graph/weights.js';
import { aggregate, firstLevel, type Level } from './level-graph.js';
import { GAIN_EPSILON } from './louvain.js';
import { modularity } from './modularity.js';

export interface LeidenOptions {
  readonly seed?: number;
  /** γ (default 1): larger finds smaller communities. */
  readonly resolution?: number;
  readonly weighted?: boolean;
  /** θ ≥ 0 (default 0.01): the randomness of the refinement, in units of edge weight. */
  readonly randomness?: number;
  /** Passes at most (default 10), each from the last one's partition; fewer when one changes nothing. */
  readonly iterations?: number;
}

export interface LeidenResult {
  /** Community of each node, numbered 0 … count−1 by lowest node. */
  readonly membership: Int32Array;
  readonly communityCount: number;
  /** Modularity of `membership` on the input graph (modularity.ts). */
  readonly modularity: number;
  /** Passes run (the last changed nothing if fewer than asked). */
  readonly iterations: number;
}

/** Degrees (self included) and their sum 2m of one level. */
interface Degrees {
  readonly k: Float64Array;
  readonly m2: number;
}

export function leiden(g: CsrGraph, o: LeidenOptions = {}): LeidenResult {
  const weighted = readsWeights(g, o.weighted, 'strength', 'leiden');
  const gamma = o.resolution ?? 1;
  const theta = o.randomness ?? 0.01;
  const iterations = o.iterations ?? 10;
  if (!(Number.isFinite(gamma) && gamma >= 0)) throw new NarizError('NARIZ_USAGE', `resolution must be a finite number ≥ 0, not ${gamma}`);
  if (!(Number.isFinite(theta) && theta >= 0)) throw new NarizError('NARIZ_USAGE', `randomness must be a finite number ≥ 0, not ${theta}`);
  if (!(Number.isInteger(iterations) && iterations >= 1)) throw new NarizError('NARIZ_USAGE', `iterations must be an integer ≥ 1, not ${iterations}`);
  const rng = createRng(o.seed ?? 1);
  const base = firstLevel(g, weighted);
  let membership: Int32Array = Int32Array.from({ length: g.nodeCount }, (_, i) => i);
  let ran = 0;
  while (ran < iterations) {
    ran++;
    const next = leidenPass(base, membership, gamma, theta, rng);
    const same = next.every((c, v) => c === membership[v]);
    membership = next;
    if (same) break;
  }
  let count = 0;
  for (const c of membership) count = Math.max(count, c + 1);
  return { membership, communityCount: count, modularity: modularity(g, membership, { weighted, resolution: gamma }), iterations: ran };
}

/** One pass from `initial` (labels < n) on the first level; the membership numbered by lowest node. */
function leidenPass(base: Level, initial: Int32Array, gamma: number, theta: number, rng: Rng): Int32Array {
  let L = base;
  let comm: Int32Array = initial.slice();
  const node = Int32Array.from({ length: base.n }, (_, i) => i);
  for (;;) {
    const d = degrees(L);
    moveNodesFast(L, d, comm, gamma, rng);
    if (distinct(comm) === L.n) break;
    let refined: Int32Array = refine(L, d, comm, gamma, theta, rng);
    if (distinct(refined) === L.n) {
      refined = connectedPieces(L, comm);
      if (distinct(refined) === L.n) {
        // Every community is a set of nodes none of which touch: alone, each is better.
        comm = refined;
        break;
      }
    }
    const { next, renumber } = aggregate(L, refined);
    const nextComm = new Int32Array(next.n);
    for (let v = 0; v < L.n; v++) nextComm[renumber[refined[v]!]!] = comm[v]!;
    for (let x = 0; x < node.length; x++) node[x] = renumber[refined[node[x]!]!]!;
    L = next;
    comm = byFirstSeen(nextComm);
  }
  const out = new Int32Array(node.length);
  for (let x = 0; x < node.length; x++) out[x] = comm[node[x]!]!;
  return byFirstSeen(out);
}

function degrees(L: Level): Degrees {
  const k = new Float64Array(L.n);
  let m2 = 0;
  for (let i = 0; i < L.n; i++) {
    let s = L.self[i]!;
    for (let a = L.offsets[i]!; a < L.offsets[i + 1]!; a++) s += L.weights[a]!;
    k[i] = s;
    m2 += s;
  }
  return { k, m2 };
}

function distinct(labels: Int32Array): number {
  const seen = new Uint8Array(labels.length);
  let count = 0;
  for (const c of labels) {
    if (seen[c] === 0) {
      seen[c] = 1;
      count++;
    }
  }
  return count;
}

/** Labels renumbered 0, 1, … in order of first appearance (so by lowest node). */
function byFirstSeen(labels: Int32Array): Int32Array {
  const to = new Int32Array(labels.length).fill(-1);
  const out = new Int32Array(labels.length);
  let next = 0;
  for (let v = 0; v < labels.length; v++) {
    const c = labels[v]!;
    if (to[c] === -1) to[c] = next++;
    out[v] = to[c]!;
  }
  return out;
}

function shuffledNodes(n: number, rng: Rng): Uint32Array {
  const order = Uint32Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(rng.next() * (i + 1));
    const t = order[i]!;
    order[i] = order[j]!;
    order[j] = t;
  }
  return order;
}

/** Fast local moving (the paper's MoveNodesFast), in place on `comm`. */
function moveNodesFast(L: Level, d: Degrees, comm: Int32Array, gamma: number, rng: Rng): void {
  const { n, offsets, targets, weights } = L;
  const { k, m2 } = d;
  if (m2 === 0) return;
  const tot = new Float64Array(n);
  const size = new Int32Array(n);
  for (let v = 0; v < n; v++) {
    tot[comm[v]!]! += k[v]!;
    size[comm[v]!]!++;
  }
  const empty = new Int32Array(n);
  let emptyCount = 0;
  for (let c = n - 1; c >= 0; c--) if (size[c] === 0) empty[emptyCount++] = c;
  // The queue: a ring of at most n nodes, each in it at most once.
  const queue = shuffledNodes(n, rng);
  const inQueue = new Uint8Array(n).fill(1);
  let head = 0;
  let queued = n;
  const linkTo = new Float64Array(n);
  const mark = new Int32Array(n).fill(-1);
  const found = new Int32Array(n);
  const eps = GAIN_EPSILON * m2;
  while (queued > 0) {
    const v = queue[head]!;
    head = head + 1 === n ? 0 : head + 1;
    queued--;
    inQueue[v] = 0;
    const cv = comm[v]!;
    const kv = k[v]!;
    let nf = 0;
    mark[cv] = v;
    linkTo[cv] = 0;
    found[nf++] = cv;
    for (let a = offsets[v]!; a < offsets[v + 1]!; a++) {
      const w = weights[a]!;
      if (w === 0) continue;
      const c = comm[targets[a]!]!;
      if (mark[c] !== v) {
        mark[c] = v;
        linkTo[c] = 0;
        found[nf++] = c;
      }
      linkTo[c]! += w;
    }
    tot[cv]! -= kv;
    size[cv]!--;
    const scale = (gamma * kv) / m2;
    let best = cv;
    let bestGain = linkTo[cv]! - scale * tot[cv]!;
    for (let f = 1; f < nf; f++) {
      const c = found[f]!;
      const gain = linkTo[c]! - scale * tot[c]!;
      if (gain > bestGain + eps) {
        best = c;
        bestGain = gain;
      }
    }
    // An empty community gains 0 (only a choice when v is not alone already).
    if (size[cv]! > 0 && 0 > bestGain + eps) {
      best = empty[--emptyCount]!;
    }
    tot[best]! += kv;
    size[best]!++;
    comm[v] = best;
    for (let f = 0; f < nf; f++) mark[found[f]!] = -1;
    if (best === cv) continue;
    if (size[cv] === 0) empty[emptyCount++] = cv;
    for (let a = offsets[v]!; a < offsets[v + 1]!; a++) {
      const u = targets[a]!;
      if (weights[a]! === 0 || inQueue[u] === 1 || comm[u] === best) continue;
      inQueue[u] = 1;
      queue[(head + queued) % n] = u;
      queued++;
    }
  }
}

/**
 * The refinement (the paper's RefinePartition and MergeNodesSubset): the
 * sub-community of each node, labelled by one of its members.
 */
function refine(L: Level, d: Degrees, comm: Int32Array, gamma: number, theta: number, rng: Rng): Int32Array {
  const { n, offsets, targets, weights } = L;
  const { k, m2 } = d;
  const totS = new Float64Array(n);
  for (let v = 0; v < n; v++) totS[comm[v]!]! += k[v]!;
  const sub = Int32Array.from({ length: n }, (_, i) => i);
  const subTot = k.slice();
  const subSize = new Int32Array(n).fill(1);
  // Weight from each sub-community to the rest of its community.
  const ext = new Float64Array(n);
  for (let v = 0; v < n; v++) {
    for (let a = offsets[v]!; a < offsets[v + 1]!; a++) if (comm[targets[a]!] === comm[v]) ext[v]! += weights[a]!;
  }
  const wellConnected = (x: number, kx: number, KS: number): boolean => ext[x]! >= (gamma * kx * (KS - kx)) / m2;
  const nodeIsWell = new Uint8Array(n);
  for (let v = 0; v < n; v++) nodeIsWell[v] = wellConnected(v, k[v]!, totS[comm[v]!]!) ? 1 : 0;
  const linkTo = new Float64Array(n);
  const mark = new Int32Array(n).fill(-1);
  const found = new Int32Array(n);
  const gains = new Float64Array(n);
  const order = shuffledNodes(n, rng);
  for (let idx = 0; idx < n; idx++) {
    const v = order[idx]!;
    if (nodeIsWell[v] === 0 || subSize[sub[v]!] !== 1) continue;
    const S = comm[v]!;
    const KS = totS[S]!;
    let nf = 0;
    for (let a = offsets[v]!; a < offsets[v + 1]!; a++) {
      const w = weights[a]!;
      const u = targets[a]!;
      if (w === 0 || comm[u] !== S) continue;
      const c = sub[u]!;
      if (mark[c] !== v) {
        mark[c] = v;
        linkTo[c] = 0;
        found[nf++] = c;
      }
      linkTo[c]! += w;
    }
    // The candidates: well-connected sub-communities with a gain ≥ 0, kept in found[0 … nc).
    const scale = (gamma * k[v]!) / m2;
    let nc = 0;
    let maxGain = 0;
    for (let f = 0; f < nf; f++) {
      const c = found[f]!;
      mark[c] = -1;
      if (!wellConnected(c, subTot[c]!, KS)) continue;
      const gain = linkTo[c]! - scale * subTot[c]!;
      if (gain < 0) continue;
      found[nc] = c;
      gains[nc++] = gain;
      if (gain > maxGain) maxGain = gain;
    }
    if (nc === 0) continue;
    let chosen = -1;
    if (theta === 0) {
      for (let f = 0; f < nc; f++) {
        if (gains[f] === maxGain) {
          chosen = found[f]!;
          break;
        }
      }
    } else {
      // Staying alone gains 0; weights relative to the best, so none overflows.
      let total = Math.exp(-maxGain / theta);
      for (let f = 0; f < nc; f++) total += Math.exp((gains[f]! - maxGain) / theta);
      let r = rng.next() * total - Math.exp(-maxGain / theta);
      for (let f = 0; f < nc && r >= 0; f++) {
        r -= Math.exp((gains[f]! - maxGain) / theta);
        if (r < 0 || f === nc - 1) chosen = found[f]!;
      }
    }
    if (chosen < 0) continue;
    sub[v] = chosen;
    subTot[chosen]! += k[v]!;
    subTot[v] = 0;
    subSize[chosen]!++;
    subSize[v] = 0;
    ext[chosen] = ext[chosen]! + ext[v]! - 2 * linkTo[chosen]!;
  }
  return sub;
}

/** Each community split into its connected pieces (by positive-weight edges), each labelled by its first node. */
function connectedPieces(L: Level, comm: Int32Array): Int32Array {
  const { n, offsets, targets, weights } = L;
  const piece = new Int32Array(n).fill(-1);
  const stack = new Int32Array(n);
  for (let s = 0; s < n; s++) {
    if (piece[s] !== -1) continue;
    piece[s] = s;
    let top = 0;
    stack[top++] = s;
    while (top > 0) {
      const v = stack[--top]!;
      for (let a = offsets[v]!; a < offsets[v + 1]!; a++) {
        const u = targets[a]!;
        if (weights[a]! === 0 || piece[u] !== -1 || comm[u] !== comm[v]) continue;
        piece[u] = s;
        stack[top++] = u;
      }
    }
  }
  return piece;
}
