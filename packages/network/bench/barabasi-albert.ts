/**
 * Seeded Barabási–Albert graphs (Barabási & Albert 1999) for the
 * benchmark: a complete graph on 2m + 1 nodes (m(2m + 1) edges, i.e. m per
 * node), then each new node joins m distinct earlier nodes chosen with
 * probability proportional to degree (a draw from the list of edge ends,
 * repeated when it hits a node already chosen). So n nodes have exactly
 * n·m edges: 20,000 nodes and m = 5 give 100,000.
 */
import { createRng } from '@nariz/core';

export interface EdgeArrays {
  readonly nodeCount: number;
  readonly source: Uint32Array;
  readonly target: Uint32Array;
}

export function barabasiAlbert(n: number, m: number, seed: number): EdgeArrays {
  const n0 = 2 * m + 1;
  if (n < n0) throw new RangeError(`need at least ${n0} nodes`);
  const edges = n * m;
  const source = new Uint32Array(edges);
  const target = new Uint32Array(edges);
  const ends = new Uint32Array(2 * edges);
  let e = 0;
  const add = (u: number, v: number): void => {
    source[e] = u;
    target[e] = v;
    ends[2 * e] = u;
    ends[2 * e + 1] = v;
    e++;
  };
  for (let u = 0; u < n0; u++) for (let v = u + 1; v < n0; v++) add(u, v);
  const rng = createRng(seed);
  const chosen = new Int32Array(n).fill(-1);
  for (let v = n0; v < n; v++) {
    const pool = 2 * e;
    const picks: number[] = [];
    while (picks.length < m) {
      const u = ends[Math.floor(rng.next() * pool)]!;
      if (chosen[u] === v) continue;
      chosen[u] = v;
      picks.push(u);
    }
    for (const u of picks) add(u, v);
  }
  return { nodeCount: n, source, target };
}
