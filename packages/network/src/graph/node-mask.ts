/**
 * Which nodes take part: a byte per node, 1 present, 0 removed. Kernels
 * that accept a mask act exactly as on the induced subgraph of the present
 * nodes (normalisations use the present count), without copying the graph;
 * removal curves and key-player searches flip bytes instead of rebuilding.
 */
import { NarizError } from '@nariz/core';
import type { CsrGraph } from './csr.js';

export type NodeMask = Uint8Array;

/** Every node present. */
export function fullMask(nodeCount: number): NodeMask {
  return new Uint8Array(nodeCount).fill(1);
}

/** Every node present except `removed`. */
export function maskWithout(nodeCount: number, removed: ArrayLike<number>): NodeMask {
  const m = fullMask(nodeCount);
  for (let i = 0; i < removed.length; i++) m[removed[i]!] = 0;
  return m;
}

export function countPresent(mask: NodeMask): number {
  let c = 0;
  for (let i = 0; i < mask.length; i++) c += mask[i]!;
  return c;
}

/** The mask to use: the one given (checked for size) or every node. */
export function maskFor(g: CsrGraph, alive: NodeMask | undefined): NodeMask {
  if (alive === undefined) return fullMask(g.nodeCount);
  if (alive.length !== g.nodeCount) throw new NarizError('NARIZ_USAGE', `a node mask must have one byte per node (${g.nodeCount}), got ${alive.length}`);
  return alive;
}

/** Throws NARIZ_GRAPH unless v is a node of g (and present in the mask, if one is given). */
export function assertNode(g: CsrGraph, v: number, what: string, alive?: NodeMask): void {
  if (!Number.isInteger(v) || v < 0 || v >= g.nodeCount) throw new NarizError('NARIZ_GRAPH', `${what} ${v} is not a node (0 … ${g.nodeCount - 1})`);
  if (alive !== undefined && alive[v] !== 1) throw new NarizError('NARIZ_GRAPH', `${what} ${v} has been removed (its mask byte is 0)`);
}
