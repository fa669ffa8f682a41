/**
 * Communities on the betweenness bench's graph (a seeded Barabási–Albert
 * graph, m = 5, seed 2024: 20,000 nodes, exactly 100,000 edges) and on a
 * planted partition of the same size (200 blocks of 100 nodes, about
 * 100,000 edges): Louvain against Leiden (default 10 passes, and 2 passes
 * as igraph and leidenalg default to), each with seeds 1 … `--seeds`
 * (default 5). Reported per contestant: median and min–max seconds, the
 * median, lowest and highest modularity, the communities, and how many
 * runs returned a community that is not connected (checked here by a
 * breadth-first search inside each community).
 *
 *   npm run bench -- communities   (or: node packages/network/dist/bench/communities.bench.js [--nodes N] [--seeds S])
 */
import { createRng } from '@nariz/core';
import { arch, cpus, loadavg, platform, release, totalmem } from 'node:os';
import { csrFromEdges, leiden, louvain, type CsrGraph } from '../src/index.js';
import { barabasiAlbert } from './barabasi-albert.js';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}
const nodes = Number(arg('--nodes') ?? 20_000);
const seeds = Number(arg('--seeds') ?? 5);
if (!(nodes >= 1000 && nodes % 100 === 0) || !(seeds >= 1)) throw new Error('usage: communities.bench.js [--nodes N (a multiple of 100, ≥ 1,000)] [--seeds S]');

/** 100-node blocks; inside pairs joined with probability 0.08 (≈ 4 edges per node), across so that ≈ 1 edge per node leaves its block. */
function planted(n: number, seed: number): CsrGraph {
  const rng = createRng(seed);
  const size = 100;
  const source: number[] = [];
  const target: number[] = [];
  for (let u = 0; u < n; u++) {
    const b = Math.floor(u / size);
    for (let v = u + 1; v < (b + 1) * size; v++) {
      if (rng.next() < 0.08) {
        source.push(u);
        target.push(v);
      }
    }
    if (rng.next() < 0.5) {
      const v = Math.floor(rng.next() * n);
      if (Math.floor(v / size) !== b) {
        source.push(u);
        target.push(v);
      }
    }
  }
  return csrFromEdges({ nodeCount: n, source, target }).graph;
}

/** Communities whose members are not all reached from their first member inside the community. */
function disconnected(g: CsrGraph, membership: Int32Array): number {
  const n = g.nodeCount;
  const reached = new Uint8Array(n);
  const started = new Set<number>();
  const broken = new Set<number>();
  const stack: number[] = [];
  for (let s = 0; s < n; s++) {
    const c = membership[s]!;
    if (started.has(c)) {
      if (reached[s] === 0) broken.add(c);
      continue;
    }
    started.add(c);
    reached[s] = 1;
    stack.push(s);
    while (stack.length > 0) {
      const v = stack.pop()!;
      for (let a = g.offsets[v]!; a < g.offsets[v + 1]!; a++) {
        const u = g.targets[a]!;
        if (reached[u] === 0 && membership[u] === c) {
          reached[u] = 1;
          stack.push(u);
        }
      }
    }
  }
  return broken.size;
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 === 1 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

const cpu = cpus();
console.log(`node ${process.version}, ${platform()} ${release()} ${arch()}, ${cpu.length} × ${cpu[0]?.model ?? 'cpu?'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB`);
const load = (): string => loadavg().map((x) => x.toFixed(2)).join(' ');
console.log(`load average at start: ${load()}`);

const graphs: Array<[string, CsrGraph]> = [
  [`BA ${nodes.toLocaleString('en')} / ${(nodes * 5).toLocaleString('en')}`, csrFromEdges(barabasiAlbert(nodes, 5, 2024)).graph],
];
const p = planted(nodes, 2024);
graphs.push([`planted ${nodes / 100} × 100, ${p.edgeCount.toLocaleString('en')} edges`, p]);
// Warm-up (JIT) on a small graph.
for (let s = 1; s <= 3; s++) {
  const w = csrFromEdges(barabasiAlbert(2000, 5, s)).graph;
  louvain(w, { seed: s });
  leiden(w, { seed: s });
}

const contestants: Array<[string, (g: CsrGraph, seed: number) => { membership: Int32Array; modularity: number; communityCount: number }]> = [
  ['louvain', (g, seed) => louvain(g, { seed })],
  ['leiden (10 passes, default)', (g, seed) => leiden(g, { seed })],
  ['leiden (2 passes)', (g, seed) => leiden(g, { seed, iterations: 2 })],
];
const rows: string[][] = [];
for (const [graphName, g] of graphs) {
  for (const [who, run] of contestants) {
    const times: number[] = [];
    const qs: number[] = [];
    const counts: number[] = [];
    let broken = 0;
    for (let seed = 1; seed <= seeds; seed++) {
      const t = performance.now();
      const r = run(g, seed);
      times.push((performance.now() - t) / 1000);
      qs.push(r.modularity);
      counts.push(r.communityCount);
      if (disconnected(g, r.membership) > 0) broken++;
    }
    rows.push([
      who, graphName, median(times).toFixed(2), `${Math.min(...times).toFixed(2)}–${Math.max(...times).toFixed(2)}`, median(qs).toFixed(4),
      `${Math.min(...qs).toFixed(4)}–${Math.max(...qs).toFixed(4)}`, `${Math.min(...counts)}–${Math.max(...counts)}`, `${broken} of ${seeds}`,
    ]);
  }
}
const head = ['contestant', 'graph', 'median s', 'min–max s', 'median Q', 'min–max Q', 'communities', 'runs with a disconnected community'];
const line = (r: string[]): string => `| ${r.join(' | ')} |`;
console.log(`\n${line(head)}\n| ${head.map(() => '---').join(' | ')} |`);
for (const r of rows) console.log(line(r));
console.log(`\nload average at end: ${load()}`);
