/**
 * Paths between entities and ego networks against plain oracles: distances
 * and path counts from the all-pairs search, simple paths by an unpruned
 * depth-first enumeration, neighbourhoods from Floyd–Warshall.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRng, isNarizError } from '@nariz/core';
import { allShortestPaths, csrFromEdges, edgeBetween, egoNetwork, pathsWithin, shortestPath, type CsrGraph } from '../src/index.js';
import { allPairsCounts, floydWarshall } from './oracles.js';
import { gnp } from './random-graphs.js';

/** Checks that `nodes` is a walk along edges of g and returns its length. */
function walkLength(g: CsrGraph, nodes: ArrayLike<number>): number {
  let len = 0;
  for (let i = 1; i < nodes.length; i++) {
    const e = edgeBetween(g, nodes[i - 1]!, nodes[i]!);
    assert.ok(e >= 0, `no edge ${nodes[i - 1]} → ${nodes[i]}`);
    len += g.weightKind === 'length' ? g.edgeWeights![e]! : 1;
  }
  return len;
}

test('shortestPath and allShortestPaths agree with the all-pairs oracle (distance, and the number of paths)', () => {
  for (let seed = 1; seed <= 16; seed++) {
    const o = { directed: seed % 2 === 0, ...(seed % 4 < 2 ? { maxWeight: 3 } : {}) };
    const g = gnp(18, 0.18, seed, o);
    const { dist, sigma } = allPairsCounts(g);
    for (let s = 0; s < g.nodeCount; s++) {
      for (let t = 0; t < g.nodeCount; t++) {
        if (s === t) continue;
        const p = shortestPath(g, s, t);
        const all = allShortestPaths(g, s, t, { maxPaths: 100_000 });
        if (dist[s]![t] === Infinity) {
          assert.equal(p, undefined);
          assert.equal(all, undefined);
          continue;
        }
        assert.equal(p!.distance, dist[s]![t]);
        assert.equal(p!.nodes[0], s);
        assert.equal(p!.nodes[p!.nodes.length - 1], t);
        assert.equal(walkLength(g, p!.nodes), dist[s]![t]);
        assert.equal(p!.edges.length, p!.nodes.length - 1);
        for (let i = 0; i < p!.edges.length; i++) assert.equal(p!.edges[i], edgeBetween(g, p!.nodes[i]!, p!.nodes[i + 1]!));
        assert.equal(all!.paths.length, sigma[s]![t], `seed ${seed}: ${s} → ${t}`);
        assert.equal(new Set(all!.paths.map((x) => x.join(','))).size, all!.paths.length);
        for (const q of all!.paths) assert.equal(walkLength(g, q), dist[s]![t]);
      }
    }
  }
});

test('allShortestPaths stops at maxPaths and says so', () => {
  // A 2 × 6 grid ladder has many shortest corner-to-corner paths.
  const src: number[] = [];
  const tgt: number[] = [];
  for (let i = 0; i < 6; i++) {
    src.push(i);
    tgt.push(i + 6);
    if (i < 5) {
      src.push(i, i + 6);
      tgt.push(i + 1, i + 7);
    }
  }
  const g = csrFromEdges({ nodeCount: 12, source: src, target: tgt }).graph;
  const all = allShortestPaths(g, 0, 11)!;
  assert.equal(all.paths.length, 6);
  const few = allShortestPaths(g, 0, 11, { maxPaths: 4 })!;
  assert.equal(few.paths.length, 4);
  assert.ok(few.truncated && !all.truncated);
});

/** Every simple path s → t with at most k links, by plain DFS (no pruning). */
function simplePathsOracle(g: CsrGraph, s: number, t: number, k: number): string[] {
  const out: string[] = [];
  const path = [s];
  const rec = (v: number): void => {
    if (v === t) {
      out.push(path.join(','));
      return;
    }
    if (path.length - 1 === k) return;
    for (let a = g.offsets[v]!; a < g.offsets[v + 1]!; a++) {
      const w = g.targets[a]!;
      if (path.includes(w)) continue;
      path.push(w);
      rec(w);
      path.pop();
    }
  };
  rec(s);
  return out;
}

test('pathsWithin lists exactly the simple paths of at most k links, and the links on them', () => {
  for (let seed = 1; seed <= 12; seed++) {
    const g = gnp(14, 0.22, seed, { directed: seed % 3 === 0 });
    const rng = createRng(seed);
    for (let trial = 0; trial < 6; trial++) {
      const s = rng.int(0, 13);
      const t = (s + rng.int(1, 13)) % 14;
      const k = rng.int(1, 5);
      const got = pathsWithin(g, s, t, k);
      const want = simplePathsOracle(g, s, t, k);
      assert.deepEqual(got.paths.map((p) => p.join(',')).sort(), want.sort(), `seed ${seed}: ${s} → ${t} within ${k}`);
      assert.equal(got.truncated, false);
      const edges = new Set<number>();
      const nodes = new Set<number>();
      for (const p of want) {
        const ns = p.split(',').map(Number);
        ns.forEach((v) => nodes.add(v));
        for (let i = 1; i < ns.length; i++) edges.add(edgeBetween(g, ns[i - 1]!, ns[i]!));
      }
      assert.deepEqual([...got.edges], [...edges].sort((a, b) => a - b));
      assert.deepEqual([...got.nodes], [...nodes].sort((a, b) => a - b));
    }
  }
  const g = gnp(30, 0.4, 5);
  const capped = pathsWithin(g, 0, 1, 5, { maxPaths: 50 });
  assert.equal(capped.paths.length, 50);
  assert.ok(capped.truncated);
  assert.throws(() => pathsWithin(g, 0, 0, 3), (e) => isNarizError(e, 'NARIZ_USAGE'));
  assert.throws(() => pathsWithin(g, 0, 99, 3), (e) => isNarizError(e, 'NARIZ_GRAPH'));
});

test('egoNetwork holds the nodes within r links and the links among them', () => {
  for (let seed = 1; seed <= 10; seed++) {
    const directed = seed % 2 === 0;
    const g = gnp(20, 0.12, seed, { directed });
    const out = floydWarshall(g);
    for (const r of [0, 1, 2, 3]) {
      const center = seed % 20;
      const ego = egoNetwork(g, center, r, { direction: 'out' });
      const want = out[center]!.map((d, v) => [d, v] as const).filter(([d]) => d <= r).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
      assert.deepEqual([...ego.nodes], want.map(([, v]) => v));
      assert.deepEqual([...ego.hops], want.map(([d]) => d));
      const members = new Set(want.map(([, v]) => v));
      let inside = 0;
      for (let e = 0; e < g.edgeCount; e++) if (members.has(g.edgeSource[e]!) && members.has(g.edgeTarget[e]!)) inside++;
      assert.equal(ego.subgraph.graph.edgeCount, inside);
      assert.deepEqual([...ego.subgraph.originalNode], [...members].sort((a, b) => a - b));
      if (directed) {
        // Default 'both': hops over links taken either way, i.e. the neighbourhood in the undirected version.
        const undirected = csrFromEdges({ nodeCount: g.nodeCount, source: g.edgeSource, target: g.edgeTarget }).graph;
        const either = floydWarshall(undirected)[center]!;
        const both = egoNetwork(g, center, r);
        assert.deepEqual([...both.nodes].sort((a, b) => a - b), either.flatMap((d, v) => (d <= r ? [v] : [])));
      }
    }
  }
});
