/**
 * Degree, closeness (Freeman and harmonic) against Floyd–Warshall,
 * eigenvector centrality against its defining equation, PageRank against a
 * dense linear solve, on seeded random graphs.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRng, isNarizError } from '@nariz/core';
import {
  closeness, csrFromEdges, degree, eigenvectorCentrality, harmonicCloseness, maskWithout, pagerank, strength, type CsrGraph,
} from '../src/index.js';
import { assertClose, floydWarshall } from './oracles.js';
import { gnp, gnpEdges, toCsr } from './random-graphs.js';

test('degree: neighbours / (n − 1); directed out, in and all; a mask drops removed neighbours', () => {
  const g = csrFromEdges({ nodeCount: 4, source: [0, 0, 0, 1], target: [1, 2, 3, 2] }).graph;
  assertClose(degree(g), [1, 2 / 3, 2 / 3, 1 / 3], 1e-15, 'undirected');
  assertClose(degree(g, { normalized: false, alive: maskWithout(4, [0]) }), [0, 1, 1, 0], 0, 'masked');
  const d = csrFromEdges({ nodeCount: 3, source: [0, 0, 1], target: [1, 2, 2] }, { directed: true }).graph;
  assertClose(degree(d, { normalized: false }), [2, 1, 0], 0, 'out');
  assertClose(degree(d, { normalized: false, direction: 'in' }), [0, 1, 2], 0, 'in');
  assertClose(degree(d, { normalized: false, direction: 'all' }), [2, 2, 2], 0, 'all');
  const w = csrFromEdges({ nodeCount: 3, source: [0, 1], target: [1, 2], weight: [2, 5] }, { weightKind: 'strength' }).graph;
  assertClose(strength(w), [2, 7, 5], 0, 'strength');
});

function closenessOracle(g: CsrGraph, harmonic: boolean): number[] {
  const d = floydWarshall(g);
  const n = g.nodeCount;
  return d.map((row, v) => {
    const reach = row.filter((x, u) => u !== v && x < Infinity);
    if (harmonic) return reach.reduce((s, x) => s + 1 / x, 0) / (n - 1);
    const total = reach.reduce((s, x) => s + x, 0);
    return total > 0 ? (reach.length / (n - 1)) * (reach.length / total) : 0;
  });
}

test('closeness and harmonic closeness match Floyd–Warshall, connected or not, hops or lengths, directed or not', () => {
  for (let seed = 1; seed <= 30; seed++) {
    const rng = createRng(seed);
    const n = rng.int(2, 30);
    const o = { directed: seed % 2 === 0, ...(seed % 3 === 0 ? { maxWeight: 4 } : {}) };
    const g = gnp(n, rng.uniform(0.03, 0.3), seed, o);
    assertClose(closeness(g), closenessOracle(g, false), 1e-12, `closeness, seed ${seed}`);
    assertClose(harmonicCloseness(g), closenessOracle(g, true), 1e-12, `harmonic, seed ${seed}`);
  }
  // On a connected graph Freeman's (n − 1)/Σd.
  const path = csrFromEdges({ nodeCount: 3, source: [0, 1], target: [1, 2] }).graph;
  assertClose(closeness(path), [2 / 3, 1, 2 / 3], 1e-15, 'path');
});

test('unit lengths give the unweighted closeness', () => {
  const e = gnpEdges(25, 0.12, 77);
  const unit = toCsr({ ...e, weight: e.source.map(() => 1) });
  assertClose(closeness(unit), closeness(toCsr(e)), 1e-15, 'closeness');
  assertClose(harmonicCloseness(unit), harmonicCloseness(toCsr(e)), 1e-15, 'harmonic');
});

test('eigenvector centrality satisfies A x = λ x with unit norm; regular graphs are flat; directed acyclic graphs refuse', () => {
  for (let seed = 1; seed <= 10; seed++) {
    const o = seed % 2 === 0 ? { maxWeight: 3, weightKind: 'strength' as const } : {};
    // Connected enough that the principal eigenvector is unique.
    const g = gnp(40, 0.2, seed, o);
    const x = eigenvectorCentrality(g);
    const ax = new Float64Array(g.nodeCount);
    for (let v = 0; v < g.nodeCount; v++) for (let a = g.offsets[v]!; a < g.offsets[v + 1]!; a++) ax[g.targets[a]!]! += x[v]! * (g.arcWeights?.[a] ?? 1);
    const lambda = ax.reduce((s, y, i) => s + y * x[i]!, 0);
    assertClose(ax, Array.from(x, (y) => lambda * y), 1e-8, `seed ${seed}`);
    assert.ok(Math.abs(x.reduce((s, y) => s + y * y, 0) - 1) < 1e-12);
    assert.ok(x.every((y) => y > 0));
  }
  const ring = csrFromEdges({ nodeCount: 6, source: [0, 1, 2, 3, 4, 5], target: [1, 2, 3, 4, 5, 0] }).graph;
  assertClose(eigenvectorCentrality(ring), new Array(6).fill(1 / Math.sqrt(6)), 1e-9, 'ring');
  const dag = csrFromEdges({ nodeCount: 3, source: [0, 1], target: [1, 2] }, { directed: true }).graph;
  assert.throws(() => eigenvectorCentrality(dag, { maxIterations: 50 }), (e) => isNarizError(e, 'NARIZ_NUMERIC'));
});

/** PageRank by solving (I − d Pᵀ) x = (1 − d)/n 1 with dangling rows uniform, by Gaussian elimination. */
function pagerankOracle(g: CsrGraph, d: number): number[] {
  const n = g.nodeCount;
  const P = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let v = 0; v < n; v++) {
    let out = 0;
    for (let a = g.offsets[v]!; a < g.offsets[v + 1]!; a++) out += g.arcWeights?.[a] ?? 1;
    if (out === 0) for (let u = 0; u < n; u++) P[v]![u] = 1 / n;
    else for (let a = g.offsets[v]!; a < g.offsets[v + 1]!; a++) P[v]![g.targets[a]!]! += (g.arcWeights?.[a] ?? 1) / out;
  }
  const A = Array.from({ length: n }, (_, i) => [...Array.from({ length: n }, (_, j) => (i === j ? 1 : 0) - d * P[j]![i]!), (1 - d) / n]);
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(A[r]![c]!) > Math.abs(A[p]![c]!)) p = r;
    [A[c], A[p]] = [A[p]!, A[c]!];
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const f = A[r]![c]! / A[c]![c]!;
      for (let k = c; k <= n; k++) A[r]![k]! -= f * A[c]![k]!;
    }
  }
  return A.map((row, i) => row[n]! / row[i]!);
}

test('PageRank matches a dense solve (dangling nodes jump uniformly), directed and undirected, weighted or not; it sums to 1', () => {
  for (let seed = 1; seed <= 12; seed++) {
    const o = { directed: seed % 2 === 0, ...(seed % 3 === 0 ? { maxWeight: 5, weightKind: 'strength' as const } : {}) };
    const g = gnp(30, 0.08, seed, o);
    const x = pagerank(g);
    assertClose(x, pagerankOracle(g, 0.85), 1e-10, `seed ${seed}`);
    assert.ok(Math.abs(x.reduce((s, y) => s + y, 0) - 1) < 1e-12);
  }
  assertClose(pagerank(gnp(10, 0.3, 3), { damping: 0.5 }), pagerankOracle(gnp(10, 0.3, 3), 0.5), 1e-10, 'damping 0.5');
  assert.throws(() => pagerank(gnp(5, 0.5, 1), { damping: 1 }), (e) => isNarizError(e, 'NARIZ_USAGE'));
});
