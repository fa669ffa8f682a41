/**
 * Removal curves: never increasing, the tie rule (lowest node among ties)
 * on a symmetric graph, rank-once against recompute, custom measures.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { betweenness, csrFromEdges, largestComponentSize, maskWithout, removalCurve } from '../src/index.js';
import { gnp } from './random-graphs.js';

test('the largest component never grows as nodes are removed (betweenness and degree, 20 seeded graphs)', () => {
  for (let seed = 1; seed <= 20; seed++) {
    const g = gnp(60, 0.05, seed);
    for (const measure of ['betweenness', 'degree'] as const) {
      const c = removalCurve(g, { steps: 15, measure });
      assert.equal(c.relativeSizes[0], 1);
      for (let i = 1; i < c.relativeSizes.length; i++) assert.ok(c.relativeSizes[i]! <= c.relativeSizes[i - 1]!, `seed ${seed} ${measure} step ${i}`);
      // Each step's record matches a recount with the removed nodes masked.
      const removed = c.steps.map((s) => s.removed);
      assert.equal(new Set(removed).size, removed.length);
      assert.equal(c.steps[14]!.largestComponent, largestComponentSize(g, maskWithout(60, removed)));
    }
  }
});

test('ties go to the lowest-numbered node, and are reported', () => {
  // A ring of 6: every node has the same betweenness.
  const ring = csrFromEdges({ nodeCount: 6, source: [0, 1, 2, 3, 4, 5], target: [1, 2, 3, 4, 5, 0] }).graph;
  const c = removalCurve(ring, { steps: 2 });
  assert.equal(c.steps[0]!.removed, 0);
  assert.equal(c.steps[0]!.tied, 6);
  assert.equal(c.steps[0]!.margin, Infinity);
  // Then a path 1–2–3–4–5: its middle, 3, is alone at the top.
  assert.equal(c.steps[1]!.removed, 3);
  assert.equal(c.steps[1]!.tied, 1);
  assert.deepEqual([...c.relativeSizes], [1, 5 / 6, 2 / 6]);
});

test('rank once versus recompute, and a measure of one\'s own', () => {
  // Two stars joined centre to centre, plus a pendant path on one leaf.
  const g = csrFromEdges({ nodeCount: 9, source: [0, 0, 0, 0, 4, 4, 3, 7], target: [1, 2, 3, 4, 5, 6, 7, 8] }).graph;
  const once = removalCurve(g, { steps: 3, recompute: false });
  const again = removalCurve(g, { steps: 3 });
  const ranked = betweenness(g);
  const order = [...ranked.keys()].sort((a, b) => ranked[b]! - ranked[a]! || a - b);
  assert.deepEqual(once.steps.map((s) => s.removed), order.slice(0, 3));
  assert.equal(again.steps[0]!.removed, once.steps[0]!.removed);
  const byLabel = removalCurve(g, { steps: 2, measure: (graph) => Float64Array.from({ length: graph.nodeCount }, (_, v) => v) });
  assert.deepEqual(byLabel.steps.map((s) => s.removed), [8, 7]);
  assert.throws(() => removalCurve(g, { steps: -1 }));
});
