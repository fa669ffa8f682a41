/**
 * The graph one level of Louvain or Leiden works on: undirected, on CSR
 * typed arrays, with the weight inside each merged node kept apart in
 * `self` (counted from both ends, so a node's degree is self + its row's
 * weights). `firstLevel` makes it from a CsrGraph (parallel edges and
 * opposite arcs merged, weights summed; unit weights when unweighted);
 * `aggregate` merges each group of a partition into one node, numbered by
 * the group's lowest member.
 */
import { csrFromEdges } from '../graph/build-csr.js';
import type { CsrGraph } from '../graph/csr.js';

/** One level: an undirected graph whose loops are kept apart in `self` (the weight inside each merged node, counted from both ends). */
export interface Level {
  readonly n: number;
  readonly offsets: Uint32Array;
  readonly targets: Uint32Array;
  readonly weights: Float64Array;
  readonly self: Float64Array;
}

export function firstLevel(g: CsrGraph, weighted: boolean): Level {
  // Undirected, parallel edges and opposite arcs merged, weights summed.
  const u = csrFromEdges(
    weighted
      ? { nodeCount: g.nodeCount, source: g.edgeSource, target: g.edgeTarget, weight: g.edgeWeights! }
      : { nodeCount: g.nodeCount, source: g.edgeSource, target: g.edgeTarget, weight: new Float64Array(g.edgeCount).fill(1) },
    { directed: false, weightKind: 'strength' },
  ).graph;
  return { n: u.nodeCount, offsets: u.offsets, targets: u.targets, weights: u.arcWeights!, self: new Float64Array(u.nodeCount) };
}

/** Each community one node (numbered by lowest member); weights inside a community become its `self`. */
export function aggregate(L: Level, comm: Int32Array): { next: Level; renumber: Int32Array } {
  const { n, offsets, targets, weights, self } = L;
  const renumber = new Int32Array(n).fill(-1);
  let C = 0;
  for (let i = 0; i < n; i++) if (renumber[comm[i]!] === -1) renumber[comm[i]!] = C++;
  // Members of each new node, by counting sort.
  const start = new Uint32Array(C + 1);
  for (let i = 0; i < n; i++) start[renumber[comm[i]!]! + 1]!++;
  for (let c = 0; c < C; c++) start[c + 1]! += start[c]!;
  const fill = start.slice(0, C);
  const members = new Uint32Array(n);
  for (let i = 0; i < n; i++) members[fill[renumber[comm[i]!]!]!++] = i;

  const newSelf = new Float64Array(C);
  const rowStart: number[] = [0];
  const tg: number[] = [];
  const wt: number[] = [];
  const acc = new Float64Array(C);
  const mark = new Int32Array(C).fill(-1);
  const found: number[] = [];
  for (let c = 0; c < C; c++) {
    found.length = 0;
    for (let p = start[c]!; p < start[c + 1]!; p++) {
      const i = members[p]!;
      newSelf[c]! += self[i]!;
      for (let a = offsets[i]!; a < offsets[i + 1]!; a++) {
        const d = renumber[comm[targets[a]!]!]!;
        if (d === c) {
          newSelf[c]! += weights[a]!;
          continue;
        }
        if (mark[d] !== c) {
          mark[d] = c;
          acc[d] = 0;
          found.push(d);
        }
        acc[d]! += weights[a]!;
      }
    }
    found.sort((x, y) => x - y);
    for (const d of found) {
      tg.push(d);
      wt.push(acc[d]!);
    }
    rowStart.push(tg.length);
  }
  return {
    next: { n: C, offsets: Uint32Array.from(rowStart), targets: Uint32Array.from(tg), weights: Float64Array.from(wt), self: newSelf },
    renumber,
  };
}
