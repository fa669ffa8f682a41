/**
 * Modularity of partitions worked by hand; Louvain recovers planted
 * communities of a stochastic block model, is deterministic for a seed,
 * and reports the modularity of what it returns.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isNarizError } from '@nariz/core';
import { csrFromEdges, louvain, modularity } from '../src/index.js';
import { sbm } from './random-graphs.js';

/** Two triangles {0,1,2} and {3,4,5} joined by the edge 2–3. */
const twoTriangles = (weight?: number[]) =>
  csrFromEdges(
    weight === undefined
      ? { nodeCount: 6, source: [0, 0, 1, 3, 3, 4, 2], target: [1, 2, 2, 4, 5, 5, 3] }
      : { nodeCount: 6, source: [0, 0, 1, 3, 3, 4, 2], target: [1, 2, 2, 4, 5, 5, 3], weight },
    weight === undefined ? {} : { weightKind: 'strength' },
  ).graph;

test('modularity of known partitions: two triangles split = 6/7 − 1/2, all together = 0, singletons < 0', () => {
  const g = twoTriangles();
  // m = 7; each triangle: 3 inside, degree 7. Q = 2 (3/7 − (7/14)²).
  assert.ok(Math.abs(modularity(g, [0, 0, 0, 1, 1, 1]) - (6 / 7 - 1 / 2)) < 1e-15);
  assert.ok(Math.abs(modularity(g, [0, 0, 0, 0, 0, 0])) < 1e-15);
  // Singletons: −Σ (k/2m)² with degrees 2, 2, 3, 3, 2, 2.
  assert.ok(Math.abs(modularity(g, [0, 1, 2, 3, 4, 5]) - -(4 * 4 + 2 * 9) / 196) < 1e-15);
  // Weighted: the bridge weighs 5; m = 11, each side inside 3, degree 3·2 + 5 = 11. Q = 2 (3/11 − 1/4).
  assert.ok(Math.abs(modularity(twoTriangles([1, 1, 1, 1, 1, 1, 5]), [0, 0, 0, 1, 1, 1]) - 2 * (3 / 11 - 1 / 4)) < 1e-15);
  // Resolution γ scales the null model.
  assert.ok(Math.abs(modularity(g, [0, 0, 0, 1, 1, 1], { resolution: 0.5 }) - 2 * (3 / 7 - 0.5 / 4)) < 1e-15);
  assert.throws(() => modularity(g, [0, 0, 0]), (e) => isNarizError(e, 'NARIZ_USAGE'));
});

test('Louvain finds the two triangles', () => {
  const r = louvain(twoTriangles());
  assert.deepEqual([...r.membership], [0, 0, 0, 1, 1, 1]);
  assert.equal(r.communityCount, 2);
  assert.ok(Math.abs(r.modularity - (6 / 7 - 1 / 2)) < 1e-15);
});

test('Louvain recovers the planted blocks of stochastic block models exactly, for several seeds', () => {
  for (let seed = 1; seed <= 5; seed++) {
    const { graph, planted } = sbm(4, 40, 0.3, 0.01, seed);
    const r = louvain(graph, { seed });
    assert.equal(r.communityCount, 4, `seed ${seed}`);
    // Numbered by lowest node, so the planted labels themselves.
    assert.deepEqual([...r.membership], [...planted], `seed ${seed}`);
    assert.ok(Math.abs(r.modularity - modularity(graph, r.membership)) < 1e-12);
    assert.ok(r.modularity > 0.6);
  }
});

test('Louvain is deterministic for a seed and never worse than its first level', () => {
  const { graph } = sbm(6, 25, 0.15, 0.03, 99);
  const a = louvain(graph, { seed: 3 });
  const b = louvain(graph, { seed: 3 });
  assert.deepEqual([...a.membership], [...b.membership]);
  assert.equal(a.modularity, b.modularity);
  assert.ok(a.levels.length >= 1);
  assert.deepEqual([...a.levels[a.levels.length - 1]!], [...a.membership]);
  assert.ok(a.modularity >= modularity(graph, a.levels[0]!) - 1e-12);
  // A graph with no edges stays in singletons.
  const empty = louvain(csrFromEdges({ nodeCount: 3, source: [], target: [] }).graph);
  assert.deepEqual([...empty.membership], [0, 1, 2]);
  assert.equal(empty.modularity, 0);
});
