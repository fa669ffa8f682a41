/**
 * Builds a CsrGraph (csr.ts) from an edge list in O(n + m): edges are put in
 * (source, target) order by two stable counting sorts, duplicates merged or
 * kept, then each row filled in that order, so every row comes out sorted
 * by neighbour without a comparison sort.
 */
import { NarizError } from '@nariz/core';
import type { CsrGraph, WeightKind } from './csr.js';

export interface EdgeList {
  readonly nodeCount: number;
  readonly source: ArrayLike<number>;
  readonly target: ArrayLike<number>;
  /** One per edge; lengths (> 0) or strengths (≥ 0) as `weightKind` says. */
  readonly weight?: ArrayLike<number>;
}

export interface CsrBuildOptions {
  /** Default false: each pair {u, v} is one undirected edge. */
  readonly directed?: boolean;
  /** Required when weights are given. */
  readonly weightKind?: WeightKind;
  /**
   * Repeated pairs: 'merge' (default) makes one edge whose weight is the
   * sum (strengths) or the minimum (lengths) of theirs; 'keep' makes a
   * multigraph (each copy its own edge: a path through either counts, as
   * in igraph).
   */
  readonly duplicates?: 'merge' | 'keep';
  /** Self-links (u = v): 'drop' (default; no measure here uses them) or 'error'. */
  readonly selfLoops?: 'drop' | 'error';
}

export interface CsrBuild {
  readonly graph: CsrGraph;
  /** For each input edge, the graph edge it became, or −1 if it was a dropped self-link. */
  readonly edgeOfInput: Int32Array;
  readonly droppedSelfLoops: number;
}

export function csrFromEdges(list: EdgeList, o: CsrBuildOptions = {}): CsrBuild {
  const n = list.nodeCount;
  const directed = o.directed ?? false;
  const mIn = list.source.length;
  if (!Number.isInteger(n) || n < 0 || n > 0xffffffff) throw new NarizError('NARIZ_GRAPH', `nodeCount must be a non-negative integer, got ${n}`);
  if (list.target.length !== mIn) throw new NarizError('NARIZ_GRAPH', `source and target lists differ in length (${mIn} and ${list.target.length})`);
  const w = list.weight;
  if (w !== undefined && w.length !== mIn) throw new NarizError('NARIZ_GRAPH', `the weight list has ${w.length} entries for ${mIn} edges`);
  if (w !== undefined && o.weightKind === undefined) throw new NarizError('NARIZ_USAGE', 'weights were given without weightKind: say whether they are lengths or strengths');
  const kind = w === undefined ? undefined : o.weightKind;

  // 1. Check and orient; self-links dropped here.
  const edgeOfInput = new Int32Array(mIn).fill(-1);
  const su = new Uint32Array(mIn);
  const sv = new Uint32Array(mIn);
  const keepIdx = new Uint32Array(mIn);
  let m0 = 0;
  let dropped = 0;
  for (let i = 0; i < mIn; i++) {
    let u = list.source[i]!;
    let v = list.target[i]!;
    if (!Number.isInteger(u) || u < 0 || u >= n) throw new NarizError('NARIZ_GRAPH', `edge ${i}: source ${u} is not a node (0 … ${n - 1})`);
    if (!Number.isInteger(v) || v < 0 || v >= n) throw new NarizError('NARIZ_GRAPH', `edge ${i}: target ${v} is not a node (0 … ${n - 1})`);
    if (w !== undefined) {
      const x = w[i]!;
      if (!Number.isFinite(x) || (kind === 'length' ? x <= 0 : x < 0)) {
        throw new NarizError('NARIZ_GRAPH', `edge ${i}: weight ${x} is not a ${kind === 'length' ? 'finite length > 0' : 'finite strength ≥ 0'}`);
      }
    }
    if (u === v) {
      if (o.selfLoops === 'error') throw new NarizError('NARIZ_GRAPH', `edge ${i}: a self-link at node ${u}`);
      dropped++;
      continue;
    }
    if (!directed && u > v) {
      const t = u;
      u = v;
      v = t;
    }
    su[m0] = u;
    sv[m0] = v;
    keepIdx[m0] = i;
    m0++;
  }

  // 2. Stable counting sorts: by target, then by source.
  const byT = countingOrder(sv, m0, n, identity(m0));
  const order = countingOrder(su, m0, n, byT);

  // 3. Edges in order, duplicates merged or kept.
  const merge = (o.duplicates ?? 'merge') === 'merge';
  const eSrc = new Uint32Array(m0);
  const eTgt = new Uint32Array(m0);
  const eW = w === undefined ? undefined : new Float64Array(m0);
  let m = 0;
  for (let r = 0; r < m0; r++) {
    const k = order[r]!;
    const u = su[k]!;
    const v = sv[k]!;
    const input = keepIdx[k]!;
    if (merge && m > 0 && eSrc[m - 1] === u && eTgt[m - 1] === v) {
      if (eW !== undefined) {
        const x = w![input]!;
        eW[m - 1] = kind === 'length' ? Math.min(eW[m - 1]!, x) : eW[m - 1]! + x;
      }
      edgeOfInput[input] = m - 1;
      continue;
    }
    eSrc[m] = u;
    eTgt[m] = v;
    if (eW !== undefined) eW[m] = w![input]!;
    edgeOfInput[input] = m;
    m++;
  }
  return { graph: csrFromSortedEdges(n, directed, eSrc.slice(0, m), eTgt.slice(0, m), eW?.slice(0, m), kind), edgeOfInput, droppedSelfLoops: dropped };
}

/**
 * The CSR of edges already in (source, target) order without self-links
 * (source < target if undirected): rows come out sorted because for row x
 * the arcs from edges (u, x), u < x, are all met before those of (x, v).
 */
export function csrFromSortedEdges(
  n: number,
  directed: boolean,
  eSrc: Uint32Array,
  eTgt: Uint32Array,
  eW: Float64Array | undefined,
  kind: WeightKind | undefined,
): CsrGraph {
  const m = eSrc.length;
  const arcs = directed ? m : 2 * m;
  const offsets = new Uint32Array(n + 1);
  for (let e = 0; e < m; e++) {
    offsets[eSrc[e]! + 1]!++;
    if (!directed) offsets[eTgt[e]! + 1]!++;
  }
  for (let v = 0; v < n; v++) offsets[v + 1]! += offsets[v]!;
  const fill = offsets.slice(0, n);
  const targets = new Uint32Array(arcs);
  const arcEdge = new Uint32Array(arcs);
  const arcWeights = eW === undefined ? undefined : new Float64Array(arcs);
  for (let e = 0; e < m; e++) {
    const u = eSrc[e]!;
    const v = eTgt[e]!;
    let a = fill[u]!++;
    targets[a] = v;
    arcEdge[a] = e;
    if (arcWeights !== undefined) arcWeights[a] = eW![e]!;
    if (!directed) {
      a = fill[v]!++;
      targets[a] = u;
      arcEdge[a] = e;
      if (arcWeights !== undefined) arcWeights[a] = eW![e]!;
    }
  }
  return {
    directed, nodeCount: n, edgeCount: m, offsets, targets, arcEdge, edgeSource: eSrc, edgeTarget: eTgt,
    arcWeights, edgeWeights: eW, weightKind: eW === undefined ? undefined : kind,
  };
}

function identity(m: number): Uint32Array {
  const a = new Uint32Array(m);
  for (let i = 0; i < m; i++) a[i] = i;
  return a;
}

/** `items` stably reordered by key[item] (keys in 0 … n−1). */
function countingOrder(key: Uint32Array, m: number, n: number, items: Uint32Array): Uint32Array {
  const count = new Uint32Array(n + 1);
  for (let i = 0; i < m; i++) count[key[items[i]!]! + 1]!++;
  for (let v = 0; v < n; v++) count[v + 1]! += count[v]!;
  const out = new Uint32Array(m);
  for (let i = 0; i < m; i++) {
    const it = items[i]!;
    out[count[key[it]!]!++] = it;
  }
  return out;
}
