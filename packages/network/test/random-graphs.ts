/** Seeded random graphs for the property tests (core's mulberry32). */
import { createRng } from '@nariz/core';
import { csrFromEdges, type CsrGraph, type WeightKind } from '../src/index.js';

export interface RandomGraphOptions {
  readonly directed?: boolean;
  /** Integer weights drawn from 1 … maxWeight. */
  readonly maxWeight?: number;
  readonly weightKind?: WeightKind;
}

export interface Edges {
  readonly nodeCount: number;
  readonly source: number[];
  readonly target: number[];
  readonly weight: number[] | undefined;
}

/** G(n, p): every ordered (directed) or unordered pair independently with probability p. */
export function gnpEdges(n: number, p: number, seed: number, o: RandomGraphOptions = {}): Edges {
  const rng = createRng(seed);
  const source: number[] = [];
  const target: number[] = [];
  const weight: number[] | undefined = o.maxWeight === undefined ? undefined : [];
  for (let u = 0; u < n; u++) {
    for (let v = o.directed ? 0 : u + 1; v < n; v++) {
      if (u === v || rng.next() >= p) continue;
      source.push(u);
      target.push(v);
      weight?.push(rng.int(1, o.maxWeight!));
    }
  }
  return { nodeCount: n, source, target, weight };
}

export function gnp(n: number, p: number, seed: number, o: RandomGraphOptions = {}): CsrGraph {
  return toCsr(gnpEdges(n, p, seed, o), o);
}

export function toCsr(e: Edges, o: RandomGraphOptions = {}): CsrGraph {
  return csrFromEdges(
    e.weight === undefined ? { nodeCount: e.nodeCount, source: e.source, target: e.target } : { nodeCount: e.nodeCount, source: e.source, target: e.target, weight: e.weight },
    { directed: o.directed ?? false, ...(e.weight === undefined ? {} : { weightKind: o.weightKind ?? 'length' }) },
  ).graph;
}

/** A stochastic block model: `blocks` groups of `size`, pairs inside joined with pIn, across with pOut. */
export function sbm(blocks: number, size: number, pIn: number, pOut: number, seed: number): { graph: CsrGraph; planted: Int32Array } {
  const rng = createRng(seed);
  const n = blocks * size;
  const planted = Int32Array.from({ length: n }, (_, v) => Math.floor(v / size));
  const source: number[] = [];
  const target: number[] = [];
  for (let u = 0; u < n; u++) {
    for (let v = u + 1; v < n; v++) {
      if (rng.next() < (planted[u] === planted[v] ? pIn : pOut)) {
        source.push(u);
        target.push(v);
      }
    }
  }
  return { graph: csrFromEdges({ nodeCount: n, source, target }).graph, planted };
}
