/**
 * The ego network of radius r: a node, everyone within r links of it, and
 * the links among them (the induced subgraph). Directed graphs follow
 * out-arcs, in-arcs or both (default both: who they contact and who
 * contacts them).
 */
import { NarizError } from '@nariz/core';
import type { CsrGraph } from '../graph/csr.js';
import { assertNode, maskFor, type NodeMask } from '../graph/node-mask.js';
import { inducedSubgraph, type InducedSubgraph } from '../graph/subgraph.js';
import { transpose } from '../graph/transpose.js';

export interface EgoNetwork {
  readonly center: number;
  /** Members, by hops from the centre then by number (the centre first). */
  readonly nodes: Uint32Array;
  /** Hops of each member from the centre. */
  readonly hops: Uint32Array;
  readonly subgraph: InducedSubgraph;
}

export function egoNetwork(g: CsrGraph, center: number, radius: number, o: { readonly direction?: 'out' | 'in' | 'both'; readonly alive?: NodeMask } = {}): EgoNetwork {
  const alive = maskFor(g, o.alive);
  assertNode(g, center, 'center', alive);
  if (!Number.isInteger(radius) || radius < 0) throw new NarizError('NARIZ_USAGE', `radius must be an integer ≥ 0, got ${radius}`);
  const dir = g.directed ? (o.direction ?? 'both') : 'out';
  const rows: CsrGraph[] = [];
  if (dir !== 'in') rows.push(g);
  if (dir !== 'out') rows.push(transpose(g).graph);
  const n = g.nodeCount;
  const hop = new Int32Array(n).fill(-1);
  const order: number[] = [center];
  hop[center] = 0;
  for (let head = 0; head < order.length; head++) {
    const v = order[head]!;
    if (hop[v]! >= radius) continue;
    const next: number[] = [];
    for (const r of rows) {
      for (let a = r.offsets[v]!; a < r.offsets[v + 1]!; a++) {
        const w = r.targets[a]!;
        if (hop[w] === -1 && alive[w] === 1) {
          hop[w] = hop[v]! + 1;
          next.push(w);
        }
      }
    }
    order.push(...next);
  }
  const members = order.slice().sort((x, y) => hop[x]! - hop[y]! || x - y);
  const keep = new Uint8Array(n);
  for (const v of members) keep[v] = 1;
  return { center, nodes: Uint32Array.from(members), hops: Uint32Array.from(members, (v) => hop[v]!), subgraph: inducedSubgraph(g, keep) };
}
