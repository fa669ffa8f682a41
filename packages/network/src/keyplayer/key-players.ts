/**
 * Key players, KPP-Neg (Borgatti 2006): the set of k nodes whose removal
 * most fragments the network, by fragmentation F or distance-weighted ᴰF
 * (fragmentation.ts).
 *
 * `keyPlayers` is Borgatti's heuristic: a start set improved by swaps
 * (exchange a member for a non-member while that raises the objective;
 * each round takes the best swap, ties to the lower member position then
 * the lower node number) until no swap helps, a local optimum. F is flat
 * almost everywhere (most removals split nothing), so one start is not
 * enough: on the 9/11 network the greedy start (Essid Sami Ben Khemais,
 * the best single node) swaps to a pair with F = .19 while the best pair
 * (Atta, Bin al-Shibh) has .52. Hence several starts: the greedy one (add
 * the node that raises the objective most, ties to the lower number) and
 * `starts` (default 20) random sets drawn with `seed` (default 1); the best
 * local optimum wins, the earliest among equals.
 *
 * `exactKeyPlayers` tries every k-subset: the test oracle, refused above
 * `maxSubsets` (default 2,000,000) subsets.
 */
import { createRng, NarizError } from '@nariz/core';
import type { CsrGraph } from '../graph/csr.js';
import { countPresent, maskFor, type NodeMask } from '../graph/node-mask.js';
import { distanceFragmentation, fragmentation } from './fragmentation.js';

export type KeyPlayerObjective = 'fragmentation' | 'distance-fragmentation';

export interface KeyPlayerOptions {
  readonly objective?: KeyPlayerObjective;
  readonly alive?: NodeMask;
  /** Random start sets besides the greedy one (default 20). */
  readonly starts?: number;
  readonly seed?: number;
  /** Swap rounds per start at most (default 1,000). */
  readonly maxRounds?: number;
}

export interface KeyPlayers {
  /** The chosen nodes, ascending. */
  readonly nodes: Uint32Array;
  /** The objective after removing them. */
  readonly score: number;
  /** Objective evaluations spent (each O(n + m) for F, O(n(n + m)) for ᴰF). */
  readonly evaluations: number;
}

/** Improvements smaller than this are rounding, not improvements. */
const IMPROVEMENT = 1e-12;

export function keyPlayers(g: CsrGraph, k: number, o: KeyPlayerOptions = {}): KeyPlayers {
  const base = maskFor(g, o.alive);
  const candidates = checkK(base, k);
  const score = objective(g, o.objective);
  const mask = base.slice();
  let evaluations = 0;
  const evalMask = (): number => {
    evaluations++;
    return score(mask);
  };
  const maxRounds = o.maxRounds ?? 1000;
  const starts = o.starts ?? 20;
  if (!Number.isInteger(starts) || starts < 0) throw new NarizError('NARIZ_USAGE', `starts must be an integer ≥ 0, got ${starts}`);

  // Greedy start.
  const greedy: number[] = [];
  for (let step = 0; step < k; step++) {
    let best = -1;
    let bestScore = -Infinity;
    for (const v of candidates) {
      if (mask[v] !== 1) continue;
      mask[v] = 0;
      const s = evalMask();
      mask[v] = 1;
      if (s > bestScore + IMPROVEMENT) {
        best = v;
        bestScore = s;
      }
    }
    mask[best] = 0;
    greedy.push(best);
  }
  for (const v of greedy) mask[v] = 1;

  /** Swaps from `set` (mask restored afterwards); the local optimum. */
  const improve = (set: number[]): { set: number[]; score: number } => {
    for (const v of set) mask[v] = 0;
    let current = evalMask();
    for (let round = 0; round < maxRounds; round++) {
      let bestI = -1;
      let bestJ = -1;
      let bestScore = current;
      for (let i = 0; i < set.length; i++) {
        const out = set[i]!;
        mask[out] = 1;
        for (const v of candidates) {
          if (mask[v] !== 1 || v === out) continue;
          mask[v] = 0;
          const s = evalMask();
          mask[v] = 1;
          if (s > bestScore + IMPROVEMENT) {
            bestScore = s;
            bestI = i;
            bestJ = v;
          }
        }
        mask[out] = 0;
      }
      if (bestI < 0) break;
      mask[set[bestI]!] = 1;
      mask[bestJ] = 0;
      set[bestI] = bestJ;
      current = bestScore;
    }
    for (const v of set) mask[v] = 1;
    return { set, score: current };
  };

  let best = improve(greedy);
  const rng = createRng(o.seed ?? 1);
  const pool = candidates.slice();
  for (let r = 0; r < starts; r++) {
    for (let i = 0; i < k; i++) {
      const j = i + Math.floor(rng.next() * (pool.length - i));
      const t = pool[i]!;
      pool[i] = pool[j]!;
      pool[j] = t;
    }
    const got = improve(pool.slice(0, k));
    if (got.score > best.score + IMPROVEMENT) best = got;
  }
  return { nodes: Uint32Array.from(best.set).sort(), score: best.score, evaluations };
}

export function exactKeyPlayers(g: CsrGraph, k: number, o: Pick<KeyPlayerOptions, 'objective' | 'alive'> & { readonly maxSubsets?: number } = {}): KeyPlayers {
  const mask = maskFor(g, o.alive).slice();
  const candidates = checkK(mask, k);
  const limit = o.maxSubsets ?? 2_000_000;
  let subsets = 1;
  for (let i = 0; i < k; i++) subsets = (subsets * (candidates.length - i)) / (i + 1);
  if (subsets > limit) throw new NarizError('NARIZ_USAGE', `exact key players would try ${Math.round(subsets)} subsets (limit ${limit}); use keyPlayers`);
  const score = objective(g, o.objective);
  let best: number[] = [];
  let bestScore = -Infinity;
  let evaluations = 0;
  const pick: number[] = [];
  const rec = (from: number): void => {
    if (pick.length === k) {
      evaluations++;
      const s = score(mask);
      if (s > bestScore + IMPROVEMENT) {
        bestScore = s;
        best = pick.slice();
      }
      return;
    }
    for (let c = from; c <= candidates.length - (k - pick.length); c++) {
      const v = candidates[c]!;
      mask[v] = 0;
      pick.push(v);
      rec(c + 1);
      pick.pop();
      mask[v] = 1;
    }
  };
  rec(0);
  return { nodes: Uint32Array.from(best), score: bestScore, evaluations };
}

function checkK(mask: NodeMask, k: number): number[] {
  const n = countPresent(mask);
  if (!Number.isInteger(k) || k < 1 || k >= n) throw new NarizError('NARIZ_USAGE', `k must be an integer in 1 … ${n - 1} (present nodes − 1), got ${k}`);
  const out: number[] = [];
  for (let v = 0; v < mask.length; v++) if (mask[v] === 1) out.push(v);
  return out;
}

function objective(g: CsrGraph, which: KeyPlayerObjective | undefined): (mask: NodeMask) => number {
  return (which ?? 'fragmentation') === 'fragmentation' ? (m) => fragmentation(g, m) : (m) => distanceFragmentation(g, m);
}
