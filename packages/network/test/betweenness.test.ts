/**
 * Betweenness against the definition (oracles.ts: all-pairs path counting)
 * on seeded random graphs: undirected and directed, connected or not,
 * hops and integer lengths, with removed nodes, multigraphs; unit lengths
 * give the unweighted numbers; the scales (a star's centre is 1).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRng, isNarizError } from '@nariz/core';
import { betweenness, csrFromEdges, inducedSubgraph, maskWithout } from '../src/index.js';
import { assertClose, betweennessOracle } from './oracles.js';
import { gnp, gnpEdges, toCsr } from './random-graphs.js';

test('matches the path-counting oracle on 40 seeded G(n, p) graphs, undirected and directed, raw and normalised', () => {
  for (let seed = 1; seed <= 40; seed++) {
    const rng = createRng(seed);
    const n = rng.int(3, 28);
    const p = rng.uniform(0.05, 0.4);
    const directed = seed % 2 === 0;
    const g = gnp(n, p, seed, { directed });
    for (const normalized of [true, false]) {
      assertClose(betweenness(g, { normalized }), betweennessOracle(g, normalized), 1e-12, `seed ${seed} n ${n} directed ${directed} normalised ${normalized}`);
    }
  }
});

test('with integer lengths (Dijkstra) matches the oracle, and unit lengths give the unweighted values', () => {
  for (let seed = 100; seed < 130; seed++) {
    const directed = seed % 3 === 0;
    const g = gnp(22, 0.2, seed, { directed, maxWeight: 3 });
    assert.equal(g.weightKind, 'length');
    assertClose(betweenness(g), betweennessOracle(g, true), 1e-12, `seed ${seed}`);
    const e = gnpEdges(22, 0.2, seed, { directed });
    const unit = toCsr({ ...e, weight: e.source.map(() => 1) }, { directed });
    assertClose(betweenness(unit), betweenness(toCsr(e, { directed })), 1e-12, `unit lengths, seed ${seed}`);
    assertClose(betweenness(unit, { weighted: false }), betweenness(toCsr(e, { directed })), 0, `lengths ignored, seed ${seed}`);
  }
});

test('lengths that tie only up to rounding (0.1 + 0.2 against 0.3) count as ties', () => {
  // 0 –0.1– 1 –0.2– 2, 0 –0.3– 2, 2 –1– 3: two shortest paths 0 → 2 (and 0 → 3) once rounding is forgiven.
  assert.notEqual(0.1 + 0.2, 0.3);
  const g = csrFromEdges({ nodeCount: 4, source: [0, 1, 0, 2], target: [1, 2, 2, 3], weight: [0.1, 0.2, 0.3, 1] }, { weightKind: 'length' }).graph;
  assertClose(betweenness(g, { normalized: false }), [0, 1, 2, 0], 1e-12, 'raw betweenness');
});

test('a removal mask gives the betweenness of the induced subgraph, normalised by the nodes left', () => {
  for (let seed = 200; seed < 215; seed++) {
    const g = gnp(25, 0.15, seed);
    const rng = createRng(seed);
    const removed = [rng.int(0, 24), rng.int(0, 24), rng.int(0, 24)];
    const mask = maskWithout(g.nodeCount, removed);
    const sub = inducedSubgraph(g, mask);
    const masked = betweenness(g, { alive: mask });
    const copy = betweenness(sub.graph);
    assertClose(Array.from(sub.originalNode, (v) => masked[v]!), copy, 1e-12, `seed ${seed}`);
    for (const v of removed) assert.equal(masked[v], 0);
    assertClose(masked, betweennessOracle(g, true, mask), 1e-12, `oracle, seed ${seed}`);
  }
});

test('parallel edges kept as a multigraph count as distinct paths (igraph convention); merged they count once', () => {
  // The square 0 = 1 – 2 – 3 – 0 with 0 = 1 doubled: 0 → 2 has paths 0-1-2 (twice) and 0-3-2; 1 → 3 has 1-0-3 (twice) and 1-2-3.
  const e = { nodeCount: 4, source: [0, 0, 1, 0, 3], target: [1, 1, 2, 3, 2] };
  const multi = csrFromEdges(e, { duplicates: 'keep' }).graph;
  const simple = csrFromEdges(e).graph;
  assert.equal(multi.edgeCount, 5);
  assert.equal(simple.edgeCount, 4);
  assertClose(betweenness(multi, { normalized: false }), betweennessOracle(multi, false), 1e-12, 'multigraph');
  assertClose(betweenness(multi, { normalized: false }), [2 / 3, 2 / 3, 1 / 3, 1 / 3], 1e-12, 'multigraph by hand');
  assertClose(betweenness(simple, { normalized: false }), [0.5, 0.5, 0.5, 0.5], 1e-12, 'simple graph by hand');
});

test('scales: a star centre is 1 normalised and (n−1)(n−2)/2 raw; a directed path counts each pair once', () => {
  const n = 9;
  const star = csrFromEdges({ nodeCount: n, source: Array.from({ length: n - 1 }, () => 0), target: Array.from({ length: n - 1 }, (_, i) => i + 1) }).graph;
  assert.equal(betweenness(star)[0], 1);
  assert.equal(betweenness(star, { normalized: false })[0], ((n - 1) * (n - 2)) / 2);
  const path = csrFromEdges({ nodeCount: 4, source: [0, 1, 2], target: [1, 2, 3] }, { directed: true }).graph;
  assertClose(betweenness(path, { normalized: false }), [0, 2, 2, 0], 0, 'directed path, raw');
  assertClose(betweenness(path), [0, 1 / 3, 1 / 3, 0], 1e-15, 'directed path, normalised by (n−1)(n−2)');
  // Graphs too small to have a middle.
  assertClose(betweenness(csrFromEdges({ nodeCount: 2, source: [0], target: [1] }).graph), [0, 0], 0, 'two nodes');
});

test('weights of the wrong kind are refused, not reinterpreted', () => {
  const g = gnp(10, 0.3, 5, { maxWeight: 4, weightKind: 'strength' });
  assert.throws(() => betweenness(g, { weighted: true }), (e) => isNarizError(e, 'NARIZ_USAGE'));
  // By default strengths are simply not read by a path measure.
  assertClose(betweenness(g), betweenness(g, { weighted: false }), 0, 'default');
  assert.throws(() => betweenness(g, { alive: new Uint8Array(3) }), (e) => isNarizError(e, 'NARIZ_USAGE'));
});
