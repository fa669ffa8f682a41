/**
 * Exact betweenness on a 20,000-node / 100,000-edge graph, against igraph
 * and NetworkX (Debian's python3-igraph and python3-networkx, run as
 * subprocesses in the same run; `bash scripts/setup-python-graph.sh`
 * installs them).
 *
 * Input: a seeded Barabási–Albert graph (barabasi-albert.ts: m = 5 from a
 * complete graph on 11 nodes, so exactly 5 edges per node; seed 2024),
 * written to a temporary edge-list file the peers read (their timers run
 * around the betweenness call only, not the file reading).
 *
 * Contestants:
 * - nariz `computeBetweenness` on a `BetweennessPool` of `--workers`
 *   worker threads (default 2), exact, `--reps` times (default 3) after a
 *   warm-up on a 2,000-node graph;
 * - nariz `betweenness` on the calling thread (serial), the same;
 *   every run is checked to give the same bits as the pool;
 * - igraph `Graph.betweenness(directed=False)` (C, single-threaded), once;
 *   the largest relative difference from ours over nodes with non-zero
 *   betweenness is reported (raw values, each pair once);
 * - NetworkX `betweenness_centrality` (pure Python): exact on the
 *   2,000-node graph (where all three are compared), and on the big graph
 *   only with k = `--nx-pivots` sampled sources (default 100), its time
 *   scaled by n / k as an estimate of the exact run (per-source cost is
 *   the same); an exact run would take hours.
 * Reported: median, min and max seconds; PASS/FAIL for the target "exact
 * betweenness on 20,000 nodes / 100,000 edges in ≤ 30 s with 2 workers".
 * The load average is printed before and after: the machine may be shared.
 *
 *   npm run bench -- betweenness   (or: node packages/network/dist/bench/betweenness.bench.js [--nodes N] [--workers W] [--reps R] [--nx-pivots K] [--quick])
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { arch, cpus, loadavg, platform, release, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { betweenness, BetweennessPool, computeBetweenness, csrFromEdges, type CsrGraph } from '../src/index.js';
import { barabasiAlbert } from './barabasi-albert.js';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}
const quick = process.argv.includes('--quick');
const nodes = Number(arg('--nodes') ?? (quick ? 2000 : 20_000));
const workers = Number(arg('--workers') ?? 2);
const reps = Number(arg('--reps') ?? (quick ? 2 : 3));
const nxPivots = Number(arg('--nx-pivots') ?? 100);
const M = 5;
const SEED = 2024;
const SMALL = 2000;
const TARGET_S = 30;
if (!(nodes >= 2 * M + 1) || !(workers >= 1) || !(reps >= 1) || !(nxPivots >= 2)) {
  throw new Error('usage: betweenness.bench.js [--nodes N] [--workers W] [--reps R] [--nx-pivots K] [--quick]');
}

const PYTHON = process.env['NARIZ_PYTHON'] ?? (existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3');
const PEER = `
import sys, time, array
mode, path, n, out, k = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4], int(sys.argv[5])
edges = [tuple(map(int, l.split())) for l in open(path)]
if mode == 'igraph':
    import igraph
    g = igraph.Graph(n=n, edges=edges, directed=False)
    t = time.perf_counter(); b = g.betweenness(directed=False); dt = time.perf_counter() - t
else:
    import networkx as nx
    G = nx.Graph(); G.add_nodes_from(range(n)); G.add_edges_from(edges)
    t = time.perf_counter()
    d = nx.betweenness_centrality(G, normalized=False, k=None if k >= n else k, seed=None if k >= n else 1)
    dt = time.perf_counter() - t
    b = [d[i] for i in range(n)]
with open(out, 'wb') as f: array.array('d', b).tofile(f)
print(dt)
`;

const cpu = cpus();
const versions = spawnSync(PYTHON, ['-c', 'import igraph, networkx; print(igraph.__version__, networkx.__version__)']);
const peers = versions.status === 0;
const peerVersions = peers ? versions.stdout.toString().trim().split(' ') : [];
console.log(`node ${process.version}, ${platform()} ${release()} ${arch()}, ${cpu.length} × ${cpu[0]?.model ?? 'cpu?'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB`);
console.log(peers ? `peers: python-igraph ${peerVersions[0]}, NetworkX ${peerVersions[1]} (${PYTHON})` : `peers skipped: ${PYTHON} cannot import igraph and networkx (bash scripts/setup-python-graph.sh installs them)`);
const load = (): string => loadavg().map((x) => x.toFixed(2)).join(' ');
console.log(`load average at start: ${load()}`);

const dir = mkdtempSync(join(tmpdir(), 'nariz-betweenness-bench-'));
const seconds = (t0: bigint): number => Number(process.hrtime.bigint() - t0) / 1e9;
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

interface Graph {
  readonly g: CsrGraph;
  readonly file: string;
}
function makeGraph(n: number): Graph {
  const e = barabasiAlbert(n, M, SEED);
  const g = csrFromEdges(e).graph;
  const file = join(dir, `ba-${n}.txt`);
  let text = '';
  for (let i = 0; i < e.source.length; i++) text += `${e.source[i]} ${e.target[i]}\n`;
  writeFileSync(file, text);
  return { g, file };
}

function peer(mode: 'igraph' | 'networkx', gr: Graph, k: number): { s: number; values: Float64Array } {
  const out = join(dir, `${mode}-${gr.g.nodeCount}-${k}.f64`);
  const r = spawnSync(PYTHON, ['-c', PEER, mode, gr.file, String(gr.g.nodeCount), out, String(k)], { encoding: 'utf8', maxBuffer: 1 << 24 });
  if (r.status !== 0) throw new Error(`${mode} failed: ${r.stderr}`);
  const buf = readFileSync(out);
  return { s: Number(r.stdout.trim()), values: new Float64Array(buf.buffer, buf.byteOffset, buf.byteLength / 8) };
}

/** max over nodes with reference > 0 of |ours − ref| / ref, and whether zero references match. */
function maxRelDiff(ours: Float64Array, ref: Float64Array): number {
  let worst = 0;
  for (let v = 0; v < ref.length; v++) {
    const r = ref[v]!;
    const d = r > 0 ? Math.abs(ours[v]! - r) / r : Math.abs(ours[v]!);
    if (d > worst) worst = d;
  }
  return worst;
}

const rows: string[][] = [];
const row = (who: string, graph: string, threads: string, times: number[], note: string): void => {
  const s = [...times].sort((a, b) => a - b);
  rows.push([who, graph, threads, median(times).toFixed(2), times.length > 1 ? `${s[0]!.toFixed(2)}–${s[s.length - 1]!.toFixed(2)}` : '', String(times.length), note]);
};

const pool = new BetweennessPool({ workers });
try {
  // 1. The small graph: warm-up, and all three exact on the same graph.
  const small = makeGraph(SMALL);
  const label = (g: CsrGraph): string => `BA ${g.nodeCount.toLocaleString('en')} / ${g.edgeCount.toLocaleString('en')}`;
  let t = process.hrtime.bigint();
  const smallSerial = betweenness(small.g, { normalized: false });
  const smallSerialS = seconds(t);
  t = process.hrtime.bigint();
  const smallPool = (await computeBetweenness(small.g, { executor: pool, normalized: false })).values;
  const smallPoolS = seconds(t);
  if (!smallSerial.every((x, i) => x === smallPool[i])) throw new Error('pool and serial differ on the small graph');
  row('nariz, worker pool (warm-up)', label(small.g), String(workers), [smallPoolS], 'bits = serial');
  row('nariz, serial (warm-up)', label(small.g), '1', [smallSerialS], '');
  if (peers) {
    const ig = peer('igraph', small, small.g.nodeCount);
    row('igraph Graph.betweenness', label(small.g), '1', [ig.s], `max rel. diff ${maxRelDiff(smallSerial, ig.values).toExponential(1)}`);
    const nx = peer('networkx', small, small.g.nodeCount);
    row('NetworkX betweenness_centrality', label(small.g), '1', [nx.s], `max rel. diff ${maxRelDiff(smallSerial, nx.values).toExponential(1)}`);
  }

  // 2. The big graph.
  const big = nodes === SMALL ? small : makeGraph(nodes);
  const timesPool: number[] = [];
  const timesSerial: number[] = [];
  let reference: Float64Array | undefined;
  let sink = 0;
  for (let r = 0; r < reps; r++) {
    t = process.hrtime.bigint();
    const p = (await computeBetweenness(big.g, { executor: pool, normalized: false })).values;
    timesPool.push(seconds(t));
    t = process.hrtime.bigint();
    const s = betweenness(big.g, { normalized: false });
    timesSerial.push(seconds(t));
    if (!p.every((x, i) => x === s[i])) throw new Error('pool and serial differ on the big graph');
    reference ??= s;
    sink += s[r % s.length]!;
  }
  const poolMedian = median(timesPool);
  row('nariz, worker pool', label(big.g), String(workers), timesPool, `bits = serial; ${pool.failures.length} worker failures`);
  row('nariz, serial', label(big.g), '1', timesSerial, '');
  if (peers && big !== small) {
    const ig = peer('igraph', big, big.g.nodeCount);
    row('igraph Graph.betweenness', label(big.g), '1', [ig.s], `max rel. diff ${maxRelDiff(reference!, ig.values).toExponential(1)}`);
    const k = Math.min(nxPivots, big.g.nodeCount);
    const nx = peer('networkx', big, k);
    row(`NetworkX, ${k} sampled sources`, label(big.g), '1', [nx.s], `exact ≈ ${((nx.s * big.g.nodeCount) / k).toFixed(0)} s (× n/k)`);
  }

  const head = ['contestant', 'graph', 'threads', 'median s', 'min–max s', 'runs', 'note'];
  const widths = head.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c]!.length)));
  const line = (cells: string[]): string => `| ${cells.map((x, c) => x.padEnd(widths[c]!)).join(' | ')} |`;
  console.log(`\n${line(head)}\n| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`);
  for (const r of rows) console.log(line(r));
  console.log(`\nload average at end: ${load()} (sink ${sink.toExponential(3)})`);
  if (big.g.nodeCount >= 20_000) {
    const ok = poolMedian <= TARGET_S;
    console.log(`${ok ? 'PASS' : 'FAIL'}: exact betweenness, ${label(big.g)}, ${workers} workers, median ${poolMedian.toFixed(2)} s ${ok ? '≤' : '>'} ${TARGET_S} s`);
    if (!ok) process.exitCode = 1;
  }
} finally {
  await pool.close();
  rmSync(dir, { recursive: true, force: true });
}
