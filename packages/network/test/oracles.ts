/**
 * Brute-force oracles, written plainly from the definitions and sharing no
 * code with the kernels: adjacency lists from the edge list, all-pairs
 * shortest paths with path counts (one plain search per source, O(n²) per
 * source with no heap), Floyd–Warshall distances.
 */
import type { CsrGraph } from '../src/index.js';

/** Out-neighbours (with lengths) of each node, from the edge list; parallel edges repeated. */
function adjacency(g: CsrGraph, alive?: Uint8Array): { to: number; len: number }[][] {
  const adj: { to: number; len: number }[][] = Array.from({ length: g.nodeCount }, () => []);
  for (let e = 0; e < g.edgeCount; e++) {
    const u = g.edgeSource[e]!;
    const v = g.edgeTarget[e]!;
    if (alive !== undefined && (alive[u] !== 1 || alive[v] !== 1)) continue;
    const len = g.weightKind === 'length' ? g.edgeWeights![e]! : 1;
    adj[u]!.push({ to: v, len });
    if (!g.directed) adj[v]!.push({ to: u, len });
  }
  return adj;
}

/** dist[s][t] and the number of shortest paths sigma[s][t], by a plain label-setting search per source (hops, or lengths). */
export function allPairsCounts(g: CsrGraph, alive?: Uint8Array): { dist: number[][]; sigma: number[][] } {
  const n = g.nodeCount;
  const adj = adjacency(g, alive);
  const dist: number[][] = [];
  const sigma: number[][] = [];
  for (let s = 0; s < n; s++) {
    const d = new Array<number>(n).fill(Infinity);
    const c = new Array<number>(n).fill(0);
    const done = new Array<boolean>(n).fill(false);
    if (alive === undefined || alive[s] === 1) {
      d[s] = 0;
      c[s] = 1;
      for (;;) {
        let v = -1;
        for (let u = 0; u < n; u++) if (!done[u] && d[u]! < Infinity && (v < 0 || d[u]! < d[v]!)) v = u;
        if (v < 0) break;
        done[v] = true;
        for (const { to, len } of adj[v]!) {
          const alt = d[v]! + len;
          if (alt < d[to]!) {
            d[to] = alt;
            c[to] = c[v]!;
          } else if (alt === d[to]!) c[to]! += c[v]!;
        }
      }
    }
    dist.push(d);
    sigma.push(c);
  }
  return { dist, sigma };
}

/** Betweenness from the definition: Σ over ordered pairs (s, t), s ≠ v ≠ t, of σ_st(v)/σ_st; halved if undirected; normalised by (n−1)(n−2) if asked. */
export function betweennessOracle(g: CsrGraph, normalized: boolean, alive?: Uint8Array): Float64Array {
  const n = g.nodeCount;
  const { dist, sigma } = allPairsCounts(g, alive);
  const present = alive === undefined ? n : alive.reduce((a, b) => a + b, 0);
  const out = new Float64Array(n);
  for (let s = 0; s < n; s++) {
    for (let t = 0; t < n; t++) {
      if (s === t || dist[s]![t] === Infinity) continue;
      for (let v = 0; v < n; v++) {
        if (v === s || v === t) continue;
        if (dist[s]![v]! + dist[v]![t]! === dist[s]![t]) out[v]! += (sigma[s]![v]! * sigma[v]![t]!) / sigma[s]![t]!;
      }
    }
  }
  const f = normalized ? (present > 2 ? 1 / ((present - 1) * (present - 2)) : 0) : g.directed ? 1 : 0.5;
  return out.map((x) => x * f);
}

/** Floyd–Warshall all-pairs distances (hops, or lengths). */
export function floydWarshall(g: CsrGraph, alive?: Uint8Array): number[][] {
  const n = g.nodeCount;
  const d = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 0 : Infinity)));
  for (const [u, list] of adjacency(g, alive).entries()) for (const { to, len } of list) d[u]![to] = Math.min(d[u]![to]!, len);
  for (let k = 0; k < n; k++) for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) if (d[i]![k]! + d[k]![j]! < d[i]![j]!) d[i]![j] = d[i]![k]! + d[k]![j]!;
  return d;
}

export function assertClose(got: ArrayLike<number>, want: ArrayLike<number>, tol: number, what: string): void {
  if (got.length !== want.length) throw new Error(`${what}: ${got.length} values, expected ${want.length}`);
  for (let i = 0; i < want.length; i++) {
    const a = got[i]!;
    const b = want[i]!;
    if (!(Math.abs(a - b) <= tol * Math.max(1, Math.abs(b)))) throw new Error(`${what}: [${i}] = ${a}, expected ${b} (± ${tol})`);
  }
}

/**
 * Modularity by its definition on a dense matrix: Q = 1/2m Σ_ij [A_ij − γ k_i k_j / 2m] δ(c_i, c_j),
 * A symmetric with each edge's weight (or 1) added at both ends.
 */
export function modularityOracle(g: CsrGraph, membership: ArrayLike<number>, gamma = 1): number {
  const n = g.nodeCount;
  const A: number[][] = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let e = 0; e < g.edgeCount; e++) {
    const w = g.weightKind === 'strength' ? g.edgeWeights![e]! : 1;
    A[g.edgeSource[e]!]![g.edgeTarget[e]!]! += w;
    A[g.edgeTarget[e]!]![g.edgeSource[e]!]! += w;
  }
  const k = A.map((row) => row.reduce((s, x) => s + x, 0));
  const m2 = k.reduce((s, x) => s + x, 0);
  if (m2 === 0) return 0;
  let q = 0;
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) if (membership[i] === membership[j]) q += A[i]![j]! - (gamma * k[i]! * k[j]!) / m2;
  return q / m2;
}

/** Whether every community induces a connected subgraph (breadth-first over edges of positive weight, or any edge when unweighted). */
export function communitiesConnected(g: CsrGraph, membership: ArrayLike<number>): { connected: boolean; broken: number[] } {
  const n = g.nodeCount;
  const adj: number[][] = Array.from({ length: n }, () => []);
  for (let e = 0; e < g.edgeCount; e++) {
    if (g.weightKind === 'strength' && g.edgeWeights![e]! <= 0) continue;
    adj[g.edgeSource[e]!]!.push(g.edgeTarget[e]!);
    adj[g.edgeTarget[e]!]!.push(g.edgeSource[e]!);
  }
  const seenCommunity = new Set<number>();
  const reached = new Uint8Array(n);
  const broken: number[] = [];
  for (let s = 0; s < n; s++) {
    const c = membership[s]!;
    if (seenCommunity.has(c)) {
      if (reached[s] === 0) broken.push(c);
      continue;
    }
    seenCommunity.add(c);
    const queue = [s];
    reached[s] = 1;
    while (queue.length > 0) {
      const v = queue.shift()!;
      for (const u of adj[v]!) {
        if (reached[u] === 0 && membership[u] === c) {
          reached[u] = 1;
          queue.push(u);
        }
      }
    }
  }
  return { connected: broken.length === 0, broken: [...new Set(broken)] };
}
