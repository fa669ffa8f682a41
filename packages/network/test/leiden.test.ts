/**
 * Leiden against what it promises: connected communities (where Louvain,
 * on a graph found by search, returns a disconnected one), modularity
 * equal to the definition's (a dense brute-force oracle) and at least
 * Louvain's on the shared networks, Zachary's karate club at the best
 * known modularity, planted blocks recovered, and one answer per seed.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isNarizError } from '@nariz/core';
import { csrFromEdges, leiden, louvain, modularity, type CsrGraph } from '../src/index.js';
import { karate, krebs, montagna } from './networks.js';
import { communitiesConnected, modularityOracle } from './oracles.js';
import { gnp, sbm } from './random-graphs.js';

const shared = (): Array<[string, CsrGraph]> => [
  ['karate', karate()], ['krebs 9/11 (largest component)', krebs().lcc.graph], ['montagna meetings', montagna('meetings').graph], ['montagna phone calls', montagna('phonecalls').graph],
];

test("Zachary's karate club: Leiden reaches the best known modularity 0.4198 (4 communities) for every seed", () => {
  const g = karate();
  assert.equal(g.nodeCount, 34);
  assert.equal(g.edgeCount, 78);
  for (let seed = 1; seed <= 20; seed++) {
    const r = leiden(g, { seed });
    assert.ok(r.modularity >= 0.41, `seed ${seed}: ${r.modularity}`);
    assert.ok(Math.abs(r.modularity - 0.4198) < 5e-5, `seed ${seed}: ${r.modularity}`);
    assert.equal(r.communityCount, 4);
    assert.ok(communitiesConnected(g, r.membership).connected);
  }
});

test('a graph where Louvain returns a disconnected community; Leiden never does on it, for any seed', () => {
  // Found by searching 20,000 seeded G(n, p) graphs: 2 gave Louvain a disconnected community.
  const g = gnp(34, 0.08, 6348, { maxWeight: 9, weightKind: 'strength' });
  const lv = louvain(g, { seed: 6348 });
  assert.equal(communitiesConnected(g, lv.membership).connected, false);
  for (let seed = 1; seed <= 50; seed++) {
    const r = leiden(g, { seed });
    assert.ok(communitiesConnected(g, r.membership).connected, `seed ${seed}`);
    assert.ok(r.modularity >= lv.modularity - 1e-12, `seed ${seed}: ${r.modularity} < Louvain's ${lv.modularity}`);
  }
});

test('every Leiden community is connected, over 1,500 seeded random graphs (sparse, dense, weighted, planted, with isolated nodes)', () => {
  for (let s = 1; s <= 1500; s++) {
    const kind = s % 5;
    const n = 10 + (s % 41);
    const g = kind === 0 ? gnp(n, 0.06, s)
      : kind === 1 ? gnp(n, 0.15, s, { maxWeight: 9, weightKind: 'strength' })
        : kind === 2 ? sbm(4, 8 + (s % 7), 0.4, 0.05, s).graph
          : kind === 3 ? gnp(n, 0.03, s)
            : gnp(n, 0.1, s, { maxWeight: 3, weightKind: 'strength' });
    const r = leiden(g, { seed: s, resolution: [0.5, 1, 2][s % 3]! });
    const c = communitiesConnected(g, r.membership);
    assert.ok(c.connected, `graph ${s}: communities ${c.broken.join(', ')} are disconnected`);
  }
});

test('the modularity Leiden reports is the definition’s (dense brute-force oracle), weighted and with resolution', () => {
  const cases: Array<[CsrGraph, number]> = [
    [karate(), 1], [gnp(40, 0.1, 7, { maxWeight: 5, weightKind: 'strength' }), 1], [gnp(40, 0.1, 8, { maxWeight: 5, weightKind: 'strength' }), 0.5],
    [sbm(3, 12, 0.5, 0.05, 9).graph, 2], [montagna('meetings').graph, 1],
  ];
  for (const [g, gamma] of cases) {
    const r = leiden(g, { seed: 3, resolution: gamma });
    const want = modularityOracle(g, r.membership, gamma);
    assert.ok(Math.abs(r.modularity - want) < 1e-12, `γ ${gamma}: ${r.modularity} vs ${want}`);
    assert.ok(Math.abs(modularity(g, r.membership, { resolution: gamma }) - want) < 1e-12);
  }
});

test("Leiden's modularity is at least Louvain's on the shared networks (mean over 20 seeds; per seed within 0.005)", () => {
  for (const [name, g] of shared()) {
    let sumLeiden = 0;
    let sumLouvain = 0;
    for (let seed = 1; seed <= 20; seed++) {
      const a = louvain(g, { seed }).modularity;
      const b = leiden(g, { seed });
      assert.ok(b.modularity >= a - 0.005, `${name}, seed ${seed}: Leiden ${b.modularity} vs Louvain ${a}`);
      assert.ok(communitiesConnected(g, b.membership).connected, `${name}, seed ${seed}`);
      sumLeiden += b.modularity;
      sumLouvain += a;
    }
    assert.ok(sumLeiden >= sumLouvain, `${name}: mean Leiden ${sumLeiden / 20} < mean Louvain ${sumLouvain / 20}`);
  }
});

test('Leiden recovers the planted blocks of stochastic block models exactly', () => {
  for (let seed = 1; seed <= 5; seed++) {
    const { graph, planted } = sbm(4, 40, 0.3, 0.01, seed);
    const r = leiden(graph, { seed });
    assert.deepEqual([...r.membership], [...planted], `seed ${seed}`);
  }
});

test('Leiden is deterministic for a seed; weights and resolution are read; usage errors', () => {
  const { graph } = sbm(6, 25, 0.15, 0.03, 99);
  const a = leiden(graph, { seed: 3 });
  const b = leiden(graph, { seed: 3 });
  assert.deepEqual([...a.membership], [...b.membership]);
  assert.equal(a.modularity, b.modularity);
  assert.equal(a.iterations, b.iterations);
  // θ = 0 (greedy refinement) is deterministic too and as connected.
  const greedy = leiden(graph, { seed: 3, randomness: 0 });
  assert.ok(communitiesConnected(graph, greedy.membership).connected);
  // A larger resolution finds more, smaller communities.
  const fine = leiden(graph, { seed: 3, resolution: 4 });
  assert.ok(fine.communityCount > a.communityCount);
  // A heavy edge between two triangles joins them when read as a strength, not when ignored.
  const tri = csrFromEdges({ nodeCount: 6, source: [0, 0, 1, 3, 3, 4, 2], target: [1, 2, 2, 4, 5, 5, 3], weight: [1, 1, 1, 1, 1, 1, 20] }, { weightKind: 'strength' }).graph;
  assert.deepEqual([...leiden(tri, { weighted: false }).membership], [0, 0, 0, 1, 1, 1]);
  const heavy = leiden(tri);
  assert.ok(heavy.membership[2] === heavy.membership[3]);
  assert.ok(Math.abs(heavy.modularity - modularityOracle(tri, heavy.membership)) < 1e-12);
  // No edges: singletons, Q = 0.
  const empty = leiden(csrFromEdges({ nodeCount: 3, source: [], target: [] }).graph);
  assert.deepEqual([...empty.membership], [0, 1, 2]);
  assert.equal(empty.modularity, 0);
  assert.throws(() => leiden(graph, { resolution: -1 }), (e) => isNarizError(e, 'NARIZ_USAGE'));
  assert.throws(() => leiden(graph, { randomness: Number.NaN }), (e) => isNarizError(e, 'NARIZ_USAGE'));
  assert.throws(() => leiden(graph, { iterations: 0 }), (e) => isNarizError(e, 'NARIZ_USAGE'));
  // Lengths are not strengths.
  const lengths = gnp(10, 0.3, 1, { maxWeight: 3, weightKind: 'length' });
  assert.throws(() => leiden(lengths, { weighted: true }), (e) => isNarizError(e, 'NARIZ_USAGE'));
});
