/**
 * Every simple path (no node twice) between two entities with at most
 * `maxHops` links, and the links on any of them: "how are these two
 * connected, within k steps". Depth-first in row order, pruned by the hop
 * distance to the target (a branch is cut as soon as the target is farther
 * than the hops left), so the work is proportional to the paths found plus
 * the rows read on the way. The number of paths grows exponentially with
 * k in dense graphs, hence the bound `maxPaths` (default 10,000) and the
 * `truncated` flag.
 */
import { NarizError } from '@nariz/core';
import type { CsrGraph } from '../graph/csr.js';
import { assertNode, maskFor, type NodeMask } from '../graph/node-mask.js';
import { transpose } from '../graph/transpose.js';
import { hopsFrom } from './distances.js';

export interface PathsWithin {
  /** Each from … to, in lexicographic order of node numbers. */
  readonly paths: readonly Uint32Array[];
  readonly truncated: boolean;
  /** Nodes on any path found, ascending. */
  readonly nodes: Uint32Array;
  /** Edges on any path found, ascending. */
  readonly edges: Uint32Array;
}

export function pathsWithin(g: CsrGraph, from: number, to: number, maxHops: number, o: { readonly maxPaths?: number; readonly alive?: NodeMask } = {}): PathsWithin {
  const alive = maskFor(g, o.alive);
  assertNode(g, from, 'from', alive);
  assertNode(g, to, 'to', alive);
  if (!Number.isInteger(maxHops) || maxHops < 1) throw new NarizError('NARIZ_USAGE', `maxHops must be an integer ≥ 1, got ${maxHops}`);
  if (from === to) throw new NarizError('NARIZ_USAGE', 'paths between a node and itself are not simple paths');
  const maxPaths = o.maxPaths ?? 10_000;
  const n = g.nodeCount;
  // Hops from each node to `to` (on the transpose if directed), up to maxHops.
  const toTarget = new Int32Array(n).fill(-1);
  hopsFrom(transpose(g).graph, to, alive, toTarget, new Uint32Array(n), maxHops);

  const paths: Uint32Array[] = [];
  const onPath = new Uint8Array(n);
  const nodeArcs: number[] = []; // arc taken out of each node on the current path
  const nodeStack: number[] = [from];
  const usedNode = new Uint8Array(n);
  const usedEdge = new Uint8Array(g.edgeCount);
  let truncated = false;
  onPath[from] = 1;
  const cursor: number[] = [g.offsets[from]!];
  while (nodeStack.length > 0 && !truncated) {
    const depth = nodeStack.length - 1;
    const v = nodeStack[depth]!;
    const a = cursor[depth]!;
    if (a >= g.offsets[v + 1]!) {
      onPath[v] = 0;
      nodeStack.pop();
      cursor.pop();
      nodeArcs.pop();
      continue;
    }
    cursor[depth] = a + 1;
    const w = g.targets[a]!;
    if (onPath[w] === 1 || alive[w] !== 1) continue;
    const left = maxHops - depth - 1;
    const dw = toTarget[w]!;
    if (dw < 0 || dw > left) continue;
    if (w === to) {
      if (paths.length === maxPaths) {
        truncated = true;
        break;
      }
      paths.push(Uint32Array.from([...nodeStack, w]));
      for (const x of nodeStack) usedNode[x] = 1;
      usedNode[w] = 1;
      for (const arc of nodeArcs) usedEdge[g.arcEdge[arc]!] = 1;
      usedEdge[g.arcEdge[a]!] = 1;
      continue;
    }
    if (left === 0) continue;
    onPath[w] = 1;
    nodeArcs.push(a);
    nodeStack.push(w);
    cursor.push(g.offsets[w]!);
  }
  const nodes: number[] = [];
  for (let v = 0; v < n; v++) if (usedNode[v] === 1) nodes.push(v);
  const edges: number[] = [];
  for (let e = 0; e < g.edgeCount; e++) if (usedEdge[e] === 1) edges.push(e);
  return { paths, truncated, nodes: Uint32Array.from(nodes), edges: Uint32Array.from(edges) };
}
