/**
 * Published results reproduced from ../shared/data/networks, each within
 * 5e-4:
 * - Krebs (2002), 9/11 hijackers: 62 nodes, 153 links in the largest
 *   component; Mohamed Atta's normalised degree .361, betweenness .588,
 *   closeness .587.
 * - Borgatti (2006), key players on the same network: best single node
 *   F = .0967, best pair F = .5209 (fragmentation with n = nodes left).
 * - Cavallaro et al. (2020), Montagna: sequential betweenness removal,
 *   largest component relative size over steps 0–7, meetings and phone
 *   calls; no step depends on the tie rule (one node at the top each time,
 *   ahead by ≥ 1 % of its score).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  betweenness, closeness, computeBetweenness, degree, distanceFragmentation, exactKeyPlayers, fragmentation, keyPlayers,
  maskWithout, removalCurve, BetweennessPool,
} from '../src/index.js';
import { krebs, montagna } from './networks.js';

const TOL = 5e-4;
const near = (got: number, want: number, what: string): void => assert.ok(Math.abs(got - want) <= TOL, `${what}: ${got} vs published ${want}`);

test('Krebs 9/11: the merged largest component has 62 nodes and 153 links', () => {
  const k = krebs();
  assert.equal(k.all.graph.nodeCount, 68);
  assert.equal(k.lcc.graph.nodeCount, 62);
  assert.equal(k.lcc.graph.edgeCount, 153);
  assert.ok(!k.names.includes('Nabil Almarabh'));
});

test('Krebs 9/11: Mohamed Atta has degree .361, betweenness .588, closeness .587', async () => {
  const k = krebs();
  const g = k.lcc.graph;
  const atta = k.indexOf('Mohamed Atta');
  near(degree(g)[atta]!, 0.361, 'degree');
  near(betweenness(g)[atta]!, 0.588, 'betweenness');
  near(closeness(g)[atta]!, 0.587, 'closeness');
  const pool = new BetweennessPool({ workers: 2 });
  try {
    near((await computeBetweenness(g, { executor: pool })).values[atta]!, 0.588, 'betweenness on the worker pool');
  } finally {
    await pool.close();
  }
  // He is the most central by all three.
  for (const values of [degree(g), betweenness(g), closeness(g)]) assert.equal(values.indexOf(Math.max(...values)), atta);
});

test('Borgatti key players on the 9/11 network: F = .0967 for the best node, .5209 for the best pair', () => {
  const k = krebs();
  const g = k.lcc.graph;
  const one = keyPlayers(g, 1);
  const two = keyPlayers(g, 2);
  near(one.score, 0.0967, 'best single node');
  near(two.score, 0.5209, 'best pair');
  assert.deepEqual([...one.nodes].map((v) => k.names[v]), ['Essid Sami Ben Khemais']);
  assert.deepEqual([...two.nodes].map((v) => k.names[v]).sort(), ['Mohamed Atta', 'Ramzi Bin al-Shibh']);
  // The exhaustive oracle agrees, and F is computed on the nodes left.
  assert.equal(exactKeyPlayers(g, 1).score, one.score);
  assert.equal(exactKeyPlayers(g, 2).score, two.score);
  assert.equal(fragmentation(g, maskWithout(g.nodeCount, two.nodes)), two.score);
  // The greedy start alone stops at a local optimum (F = .19): the random starts are needed.
  assert.ok(keyPlayers(g, 2, { starts: 0 }).score < 0.2);
});

test('the distance-weighted variant does not give the published figures (it is not what Borgatti reported for F)', () => {
  const k = krebs();
  const g = k.lcc.graph;
  const one = exactKeyPlayers(g, 1, { objective: 'distance-fragmentation' });
  const two = exactKeyPlayers(g, 2, { objective: 'distance-fragmentation' });
  assert.ok(Math.abs(one.score - 0.0967) > 0.1 && Math.abs(two.score - 0.5209) > 0.1);
  near(one.score, 0.6712, 'DF, best single node (Atta)');
  near(two.score, 0.7724, 'DF, best pair (Atta, Bin al-Shibh)');
  assert.deepEqual([...one.nodes].map((v) => k.names[v]), ['Mohamed Atta']);
  assert.equal(distanceFragmentation(g, maskWithout(g.nodeCount, two.nodes)), two.score);
});

const CURVES = {
  meetings: [1, 0.9565, 0.7391, 0.7174, 0.5, 0.4239, 0.413, 0.3913],
  phonecalls: [1, 0.764, 0.573, 0.427, 0.3933, 0.2472, 0.1348, 0.1236],
} as const;

for (const which of ['meetings', 'phonecalls'] as const) {
  test(`Montagna ${which}: the sequential betweenness removal curve over steps 0–7`, () => {
    const m = montagna(which);
    const curve = removalCurve(m.graph, { steps: 7 });
    assert.equal(curve.relativeSizes.length, 8);
    CURVES[which].forEach((want, i) => near(curve.relativeSizes[i]!, want, `step ${i}`));
    for (const s of curve.steps) {
      assert.equal(s.tied, 1, 'a single top node at each step');
      assert.ok(s.margin >= 0.01 * s.score, `step removing ${m.labels[s.removed]}: margin ${s.margin} of ${s.score}`);
    }
    assert.equal(m.labels[curve.steps[0]!.removed], '18');
  });
}

test('Montagna: the graphs as read (meetings 101 nodes / 256 edges, LCC 92; phone calls 100 / 124, LCC 89)', () => {
  const a = removalCurve(montagna('meetings').graph, { steps: 0 });
  const b = removalCurve(montagna('phonecalls').graph, { steps: 0 });
  assert.equal(montagna('meetings').graph.nodeCount, 101);
  assert.equal(montagna('meetings').graph.edgeCount, 256);
  assert.equal(a.initialLargest, 92);
  assert.equal(montagna('phonecalls').graph.nodeCount, 100);
  assert.equal(montagna('phonecalls').graph.edgeCount, 124);
  assert.equal(b.initialLargest, 89);
});
