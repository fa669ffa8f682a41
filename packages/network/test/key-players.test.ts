/**
 * Fragmentation by hand, and key players: the heuristic (greedy start,
 * random starts, swaps) against the exhaustive oracle for k ≤ 2 on seeded
 * small graphs, for F and distance-weighted F.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isNarizError } from '@nariz/core';
import { csrFromEdges, distanceFragmentation, exactKeyPlayers, fragmentation, fullMask, keyPlayers, maskWithout } from '../src/index.js';
import { gnp } from './random-graphs.js';

test('fragmentation and distance fragmentation worked by hand', () => {
  // A path 0–1–2–3–4.
  const path = csrFromEdges({ nodeCount: 5, source: [0, 1, 2, 3], target: [1, 2, 3, 4] }).graph;
  assert.equal(fragmentation(path), 0);
  // Remove 2: components {0,1}, {3,4} of 4 nodes left: 1 − (2 + 2)/12.
  assert.equal(fragmentation(path, maskWithout(5, [2])), 1 - 4 / 12);
  // ᴰF of the path: Σ_{i≠j} 1/d = 2 (4·1 + 3/2 + 2/3 + 1/4).
  assert.ok(Math.abs(distanceFragmentation(path) - (1 - (2 * (4 + 3 / 2 + 2 / 3 + 1 / 4)) / 20)) < 1e-15);
  assert.ok(Math.abs(distanceFragmentation(path, maskWithout(5, [2])) - (1 - 4 / 12)) < 1e-15);
  // Complete fragmentation and degenerate cases.
  const empty = csrFromEdges({ nodeCount: 4, source: [], target: [] }).graph;
  assert.equal(fragmentation(empty), 1);
  assert.equal(fragmentation(path, maskWithout(5, [0, 1, 2, 3])), 1);
});

test('greedy + swap with random starts finds the exact optimum for k ≤ 2 on 30 seeded graphs (F and ᴰF)', () => {
  for (let seed = 1; seed <= 30; seed++) {
    const g = gnp(16, 0.16, seed);
    for (const objective of ['fragmentation', 'distance-fragmentation'] as const) {
      for (const k of [1, 2]) {
        const exact = exactKeyPlayers(g, k, { objective });
        const heur = keyPlayers(g, k, { objective, seed });
        assert.ok(Math.abs(heur.score - exact.score) < 1e-12, `seed ${seed} ${objective} k ${k}: ${heur.score} vs ${exact.score}`);
        // The score is the objective of the set returned.
        const mask = maskWithout(g.nodeCount, heur.nodes);
        assert.equal(objective === 'fragmentation' ? fragmentation(g, mask) : distanceFragmentation(g, mask), heur.score);
      }
    }
  }
});

test('key players respect a mask and refuse impossible k or oversized exact searches', () => {
  const g = gnp(12, 0.3, 4);
  const mask = maskWithout(12, [3]);
  const r = keyPlayers(g, 2, { alive: mask });
  assert.ok(![...r.nodes].includes(3));
  assert.equal(exactKeyPlayers(g, 2, { alive: mask }).score, r.score);
  assert.throws(() => keyPlayers(g, 0), (e) => isNarizError(e, 'NARIZ_USAGE'));
  assert.throws(() => keyPlayers(g, 12), (e) => isNarizError(e, 'NARIZ_USAGE'));
  assert.throws(() => exactKeyPlayers(gnp(200, 0.02, 1), 4), (e) => isNarizError(e, 'NARIZ_USAGE'));
  assert.deepEqual([...fullMask(3)], [1, 1, 1]);
});
