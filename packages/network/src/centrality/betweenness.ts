/**
 * Betweenness centrality: for each node v, the share of shortest paths
 * between other pairs that pass through v (Freeman 1977), computed by
 * Brandes's algorithm (brandes.ts), exactly or from sampled sources.
 *
 * Scale: with S(v) = Σ_s δ_s(v) over all sources,
 * - raw: S(v) / 2 for undirected graphs (each pair once), S(v) directed;
 * - normalised (default): S(v) / ((n − 1)(n − 2)) for both, i.e. the raw
 *   value times 2/((n−1)(n−2)) undirected, 1/((n−1)(n−2)) directed, so a
 *   star's centre has 1 (as in UCINET, NetworkX and Krebs 2002).
 * n counts present nodes only (node-mask.ts); endpoints are not counted.
 * Path lengths are hops, or arc lengths when the graph's weights are
 * lengths (graph/weights.ts).
 */
import { NarizError } from '@nariz/core';
import type { CsrGraph } from '../graph/csr.js';
import { countPresent, maskFor, type NodeMask } from '../graph/node-mask.js';
import { readsWeights } from '../graph/weights.js';
import { dependenciesSerial, serialBetweennessExecutor, type BetweennessExecutor } from './betweenness-executor.js';
import { hoeffdingBound, pivotStandardError, samplePivots } from './betweenness-sampling.js';

export interface BetweennessOptions {
  /** Arc weights as lengths (default: when the graph's weights are lengths). */
  readonly weighted?: boolean;
  /** Default true (see the file's header). */
  readonly normalized?: boolean;
  readonly alive?: NodeMask;
}

/** Sample sources instead of using all, when the graph has more than `aboveNodes` present nodes. Off unless given. */
export interface BetweennessSampling {
  readonly aboveNodes: number;
  /** How many sources (pivots) to use. */
  readonly pivots: number;
  readonly seed: number;
}

export interface ComputeBetweennessOptions extends BetweennessOptions {
  /** Default: the calling thread. */
  readonly executor?: BetweennessExecutor;
  readonly sampling?: BetweennessSampling;
}

export interface BetweennessResult {
  readonly values: Float64Array;
  readonly exact: boolean;
  /** The sources used when sampled. */
  readonly pivots: Uint32Array | undefined;
  /** Per-node standard error on the values' scale when sampled (betweenness-sampling.ts: it understates where a few sources dominate), else undefined. */
  readonly standardError: Float64Array | undefined;
  /** The largest of `standardError` (0 when exact). */
  readonly maxStandardError: number;
  /** For each node, with probability ≥ 95 %, |value − exact value| ≤ this (Hoeffding; betweenness-sampling.ts). 0 when exact. */
  readonly errorBound95: number;
}

/** Exact betweenness on the calling thread. */
export function betweenness(g: CsrGraph, o: BetweennessOptions = {}): Float64Array {
  const alive = maskFor(g, o.alive);
  const weighted = readsWeights(g, o.weighted, 'length', 'betweenness');
  const { sum } = dependenciesSerial({ graph: g, sources: presentNodes(alive), weighted, alive, squares: false });
  return scale(sum, g.directed, countPresent(alive), o.normalized ?? true, 1);
}

/** Exact (or, above a size threshold, sampled) betweenness on an executor: the same numbers as `betweenness` when exact. */
export async function computeBetweenness(g: CsrGraph, o: ComputeBetweennessOptions = {}): Promise<BetweennessResult> {
  const alive = maskFor(g, o.alive);
  const weighted = readsWeights(g, o.weighted, 'length', 'betweenness');
  const executor = o.executor ?? serialBetweennessExecutor;
  const n = countPresent(alive);
  const normalized = o.normalized ?? true;
  const s = o.sampling;
  if (s === undefined || n <= s.aboveNodes || s.pivots >= n) {
    const { sum } = await executor.dependencies({ graph: g, sources: presentNodes(alive), weighted, alive, squares: false });
    return { values: scale(sum, g.directed, n, normalized, 1), exact: true, pivots: undefined, standardError: undefined, maxStandardError: 0, errorBound95: 0 };
  }
  if (!Number.isInteger(s.pivots) || s.pivots < 2) throw new NarizError('NARIZ_USAGE', `sampled betweenness needs at least 2 pivots, got ${s.pivots}`);
  const pivots = samplePivots(alive, s.pivots, s.seed);
  const { sum, sumSq } = await executor.dependencies({ graph: g, sources: pivots, weighted, alive, squares: true });
  const k = pivots.length;
  const standardError = scale(pivotStandardError(sum, sumSq!, k, n), g.directed, n, normalized, 1);
  let maxStandardError = 0;
  for (const x of standardError) if (x > maxStandardError) maxStandardError = x;
  const errorBound95 = scale(Float64Array.of(hoeffdingBound(n, k, 0.05)), g.directed, n, normalized, 1)[0]!;
  return { values: scale(sum, g.directed, n, normalized, n / k), exact: false, pivots, standardError, maxStandardError, errorBound95 };
}

function presentNodes(alive: NodeMask): Uint32Array {
  const out = new Uint32Array(countPresent(alive));
  let i = 0;
  for (let v = 0; v < alive.length; v++) if (alive[v] === 1) out[i++] = v;
  return out;
}

/** S(v) × factor on the requested scale (the file's header). */
function scale(sum: Float64Array, directed: boolean, n: number, normalized: boolean, factor: number): Float64Array {
  let f: number;
  if (normalized) f = n > 2 ? factor / ((n - 1) * (n - 2)) : 0;
  else f = directed ? factor : factor / 2;
  const out = new Float64Array(sum.length);
  for (let v = 0; v < sum.length; v++) out[v] = sum[v]! * f;
  return out;
}
