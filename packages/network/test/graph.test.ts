/**
 * The CSR graph: the invariants csr.ts states, checked on seeded random
 * edge lists (sorted rows, arcs naming their edges, duplicates merged or
 * kept, self-links dropped); components, induced subgraphs, transposes;
 * the graphology adapter; and the refusals.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRng, isNarizError } from '@nariz/core';
import { MultiDirectedGraph, MultiGraph, UndirectedGraph } from 'graphology';
import {
  connectedComponents, csrFromEdges, csrFromGraphology, edgeBetween, inducedSubgraph, largestComponent, largestComponentMask,
  largestComponentSize, maskWithout, transpose, type CsrGraph,
} from '../src/index.js';

function checkInvariants(g: CsrGraph): void {
  const arcs = g.directed ? g.edgeCount : 2 * g.edgeCount;
  assert.equal(g.offsets.length, g.nodeCount + 1);
  assert.equal(g.offsets[0], 0);
  assert.equal(g.offsets[g.nodeCount], arcs);
  for (let v = 0; v < g.nodeCount; v++) {
    for (let a = g.offsets[v]!; a < g.offsets[v + 1]!; a++) {
      const w = g.targets[a]!;
      assert.notEqual(w, v, 'no self-loops');
      if (a > g.offsets[v]!) assert.ok(g.targets[a - 1]! <= w, 'rows sorted');
      const e = g.arcEdge[a]!;
      const ends = [g.edgeSource[e]!, g.edgeTarget[e]!];
      assert.ok(g.directed ? ends[0] === v && ends[1] === w : (ends[0] === Math.min(v, w) && ends[1] === Math.max(v, w)), 'arc names its edge');
      if (g.arcWeights !== undefined) assert.equal(g.arcWeights[a], g.edgeWeights![e]);
    }
  }
  for (let e = 1; e < g.edgeCount; e++) {
    const prev = g.edgeSource[e - 1]! * g.nodeCount + g.edgeTarget[e - 1]!;
    assert.ok(prev <= g.edgeSource[e]! * g.nodeCount + g.edgeTarget[e]!, 'edges in (source, target) order');
  }
}

test('csrFromEdges keeps the CSR invariants on 40 seeded edge lists with repeats and self-links', () => {
  for (let seed = 1; seed <= 40; seed++) {
    const rng = createRng(seed);
    const n = rng.int(1, 40);
    const m = rng.int(0, 120);
    const source = Array.from({ length: m }, () => rng.int(0, n - 1));
    const target = Array.from({ length: m }, () => rng.int(0, n - 1));
    const weight = Array.from({ length: m }, () => rng.int(1, 9));
    const directed = seed % 2 === 0;
    for (const duplicates of ['merge', 'keep'] as const) {
      for (const weightKind of ['length', 'strength'] as const) {
        const b = csrFromEdges({ nodeCount: n, source, target, weight }, { directed, duplicates, weightKind });
        checkInvariants(b.graph);
        const selfLinks = source.filter((u, i) => u === target[i]).length;
        assert.equal(b.droppedSelfLoops, selfLinks);
        // Every input edge maps to an edge with its ends; merged weights are the sum (strength) or minimum (length).
        const want = new Map<number, number>();
        for (let i = 0; i < m; i++) {
          const e = b.edgeOfInput[i]!;
          if (source[i] === target[i]) {
            assert.equal(e, -1);
            continue;
          }
          const [u, v] = directed ? [source[i]!, target[i]!] : [Math.min(source[i]!, target[i]!), Math.max(source[i]!, target[i]!)];
          assert.deepEqual([b.graph.edgeSource[e], b.graph.edgeTarget[e]], [u, v]);
          want.set(e, want.has(e) ? (weightKind === 'strength' ? want.get(e)! + weight[i]! : Math.min(want.get(e)!, weight[i]!)) : weight[i]!);
        }
        for (const [e, w] of want) assert.equal(b.graph.edgeWeights![e], w);
        if (duplicates === 'keep') assert.equal(b.graph.edgeCount, m - selfLinks);
      }
    }
  }
});

test('csrFromEdges refuses what it cannot build, with codes', () => {
  const bad = (f: () => unknown, code: 'NARIZ_GRAPH' | 'NARIZ_USAGE'): void => assert.throws(f, (e) => isNarizError(e, code));
  bad(() => csrFromEdges({ nodeCount: 2, source: [0], target: [2] }), 'NARIZ_GRAPH');
  bad(() => csrFromEdges({ nodeCount: 2, source: [0, 1], target: [1] }), 'NARIZ_GRAPH');
  bad(() => csrFromEdges({ nodeCount: 2, source: [0], target: [1], weight: [0] }, { weightKind: 'length' }), 'NARIZ_GRAPH');
  bad(() => csrFromEdges({ nodeCount: 2, source: [0], target: [1], weight: [NaN] }, { weightKind: 'strength' }), 'NARIZ_GRAPH');
  bad(() => csrFromEdges({ nodeCount: 2, source: [0], target: [1], weight: [1] }), 'NARIZ_USAGE');
  bad(() => csrFromEdges({ nodeCount: 2, source: [1], target: [1] }, { selfLoops: 'error' }), 'NARIZ_GRAPH');
  bad(() => csrFromEdges({ nodeCount: -1, source: [], target: [] }), 'NARIZ_GRAPH');
  // Zero strengths are allowed (a tie of no weight), zero lengths are not.
  assert.equal(csrFromEdges({ nodeCount: 2, source: [0], target: [1], weight: [0] }, { weightKind: 'strength' }).graph.edgeCount, 1);
});

test('components, the largest one, induced subgraphs and transposes', () => {
  // {0,1,2} {3,4} {5} and directed arcs count as links for (weak) components.
  const g = csrFromEdges({ nodeCount: 6, source: [0, 1, 3], target: [1, 2, 4] }, { directed: true }).graph;
  const c = connectedComponents(g);
  assert.deepEqual([...c.label], [0, 0, 0, 1, 1, 2]);
  assert.deepEqual([...c.sizes], [3, 2, 1]);
  assert.equal(largestComponentSize(g), 3);
  assert.equal(largestComponentSize(g, maskWithout(6, [1])), 2);
  assert.deepEqual([...largestComponentMask(g, maskWithout(6, [1]))], [0, 0, 0, 1, 1, 0]);
  const lcc = largestComponent(g);
  assert.deepEqual([...lcc.originalNode], [0, 1, 2]);
  assert.equal(lcc.graph.edgeCount, 2);
  checkInvariants(lcc.graph);
  const sub = inducedSubgraph(g, Uint8Array.from([1, 0, 1, 1, 1, 1]));
  assert.deepEqual([...sub.newNode], [0, -1, 1, 2, 3, 4]);
  assert.deepEqual([...sub.originalEdge], [2]);
  const t = transpose(g);
  checkInvariants(t.graph);
  assert.deepEqual([...t.graph.edgeSource], [1, 2, 4]);
  assert.deepEqual([...t.graph.edgeTarget], [0, 1, 3]);
  assert.deepEqual([...t.originalEdge], [0, 1, 2]);
  const u = csrFromEdges({ nodeCount: 2, source: [0], target: [1] }).graph;
  assert.equal(transpose(u).graph, u);
  assert.equal(edgeBetween(u, 1, 0), 0);
  assert.equal(edgeBetween(g, 1, 0), -1);
});

test('a graphology graph becomes the same CSR as its edge list, with node keys and edge keys kept', () => {
  const gg = new UndirectedGraph();
  for (const k of ['x', 'y', 'z', 'w']) gg.addNode(k);
  gg.addEdgeWithKey('e1', 'x', 'y', { calls: 3 });
  gg.addEdgeWithKey('e2', 'z', 'y', { calls: 1 });
  gg.addEdgeWithKey('e3', 'z', 'w', { calls: 2 });
  const r = csrFromGraphology(gg, { weightAttribute: 'calls', weightKind: 'strength' });
  assert.deepEqual(r.nodeKeys, ['x', 'y', 'z', 'w']);
  assert.equal(r.indexOf.get('z'), 2);
  checkInvariants(r.graph);
  assert.deepEqual([...r.graph.edgeSource], [0, 1, 2]);
  assert.deepEqual([...r.graph.edgeTarget], [1, 2, 3]);
  assert.deepEqual([...r.graph.edgeWeights!], [3, 1, 2]);
  assert.deepEqual(r.edgeKeys, [['e1'], ['e2'], ['e3']]);
  const multi = new MultiDirectedGraph();
  multi.mergeEdge('a', 'b');
  multi.addEdge('a', 'b');
  const m = csrFromGraphology(multi);
  assert.ok(m.graph.directed);
  assert.equal(m.graph.edgeCount, 2);
  const mixed = new MultiGraph();
  mixed.mergeUndirectedEdge('a', 'b');
  mixed.mergeDirectedEdge('b', 'c');
  assert.throws(() => csrFromGraphology(mixed), (e) => isNarizError(e, 'NARIZ_USAGE'));
  assert.throws(() => csrFromGraphology(gg, { weightAttribute: 'missing', weightKind: 'strength' }), (e) => isNarizError(e, 'NARIZ_GRAPH'));
});
