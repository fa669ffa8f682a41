/**
 * A graphology graph (the JavaScript graph model the platform may hold
 * entities in) as a CsrGraph, the way graphology's own hot algorithms
 * build a CSR index first: nodes numbered in graphology's iteration order,
 * edges through `csrFromEdges` (so duplicates in a multigraph are kept as
 * parallel edges and self-loops dropped). A weight attribute, if named,
 * must hold a number on every edge.
 */
import { NarizError } from '@nariz/core';
import type { AbstractGraph } from 'graphology-types';
import { csrFromEdges } from './build-csr.js';
import type { CsrGraph, WeightKind } from './csr.js';

export interface FromGraphologyOptions {
  /** Edge attribute holding the weight; with it, `weightKind` is required. */
  readonly weightAttribute?: string;
  readonly weightKind?: WeightKind;
}

export interface GraphologyCsr {
  readonly graph: CsrGraph;
  /** Node index → graphology node key. */
  readonly nodeKeys: readonly string[];
  readonly indexOf: ReadonlyMap<string, number>;
  /** For each CSR edge, the graphology edge keys merged into it. */
  readonly edgeKeys: readonly (readonly string[])[];
}

export function csrFromGraphology(source: AbstractGraph, o: FromGraphologyOptions = {}): GraphologyCsr {
  if (source.directedSize > 0 && source.undirectedSize > 0) {
    throw new NarizError('NARIZ_USAGE', `a mixed graph (${source.directedSize} directed and ${source.undirectedSize} undirected edges) has no single CSR form; split it or make every edge one kind`);
  }
  const directed = source.directedSize > 0;
  const nodeKeys: string[] = [];
  const indexOf = new Map<string, number>();
  source.forEachNode((key) => {
    indexOf.set(key, nodeKeys.length);
    nodeKeys.push(key);
  });
  const src: number[] = [];
  const tgt: number[] = [];
  const w: number[] = [];
  const keys: string[] = [];
  const attr = o.weightAttribute;
  source.forEachEdge((key, attributes, s, t) => {
    src.push(indexOf.get(s)!);
    tgt.push(indexOf.get(t)!);
    keys.push(key);
    if (attr !== undefined) {
      const x: unknown = attributes[attr];
      if (typeof x !== 'number') throw new NarizError('NARIZ_GRAPH', `edge ${key}: attribute "${attr}" is not a number`);
      w.push(x);
    }
  });
  const built = csrFromEdges(
    attr === undefined ? { nodeCount: nodeKeys.length, source: src, target: tgt } : { nodeCount: nodeKeys.length, source: src, target: tgt, weight: w },
    { directed, duplicates: source.multi ? 'keep' : 'merge', ...(o.weightKind === undefined ? {} : { weightKind: o.weightKind }) },
  );
  const edgeKeys: string[][] = Array.from({ length: built.graph.edgeCount }, () => []);
  for (let i = 0; i < keys.length; i++) {
    const e = built.edgeOfInput[i]!;
    if (e >= 0) edgeKeys[e]!.push(keys[i]!);
  }
  return { graph: built.graph, nodeKeys, indexOf, edgeKeys };
}
