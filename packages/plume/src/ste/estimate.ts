/**
 * Bayesian source-term estimation for an unknown number of sources, all
 * species jointly (one location, per-species rates), unknown background
 * offset, unknown stability, with sensor noise and plume meander handled by
 * the likelihood weights and tempering. docs/science/source-term-estimation.md
 * explains the model; in outline:
 *
 * 1. Pilot: greedy search in a reference class (the given one, else the
 *    one that fits best, see 3) with observation-based weights. The sensor
 *    lag is chosen on it. Its prediction sets the final weights
 *    (reweightProblem), the relative error alpha is calibrated on its
 *    residuals (calibrateRelativeError), and the likelihood is tempered by
 *    the residuals' integrated autocorrelation time (residualDiagnostics).
 * 2. Search: greedy forward selection on the tempered likelihood. A sparse
 *    coarse kernel (crosswind sigma inflated by half a cell) proposes
 *    candidates; grids fitted to the posterior refine them; a candidate is
 *    accepted while its evidence gain (rates marginalised analytically,
 *    location integrated against a uniform prior over the domain, prior odds
 *    per source) is positive; a split move separates two sources the greedy
 *    step saw as one; a Gibbs sweep re-centres every source given the others.
 * 3. Stability: when it is not known, step 1 runs in every class allowed
 *    by the prior and the best-fitting class becomes the reference for the
 *    search. The sources are then re-fitted under each other class
 *    (transfer) and classes are weighted by evidence; sources are matched
 *    across classes and their position and rate draws mixed.
 */
import { createRng } from '@nariz/core';
import type { SteProblem } from './problem.js';
import { temperProblem, reweightProblem, calibrateRelativeError, withSensorLag } from './problem.js';
import { applySensorLag, kernelAtSamples, type ScanOptions } from './scan.js';
import { lagSparseKernel } from './sparse-kernel.js';
import { buildLinearBase } from './linear-base.js';
import { shiftedPosterior, type GridContext, type GridPosterior } from './grid-posterior.js';
import { residualDiagnostics } from './diagnostics.js';
import { classModel, defaultDomain, makeCtx, search, searchGrid, transfer, withProblem } from './search.js';
import { addStructureUncertainty, concatDraws, drawFromGrid, existenceProbability, summarise } from './draws.js';
import { logSumExp } from '../numeric/normal.js';
import { DEFAULT_SOURCE_HEIGHTS_M, type SteOptions, type SteResult } from './types.js';

export type { SteOptions, SteResult, SourceEstimate } from './types.js';
export { DEFAULT_RATE_MAX_KGS, DEFAULT_SOURCE_HEIGHTS_M } from './types.js';

interface ClassRun {
  readonly k: number;
  readonly logEvidence: number;
  readonly posts: GridPosterior[];
  readonly kernels: Float64Array[];
  readonly ctx: GridContext;
}

/** Sensor lags tried when none is given, s (PIDs respond in 1–3 s, electrochemical cells in tens of seconds). */
export const DEFAULT_SENSOR_LAG_CANDIDATES_S: readonly number[] = [0, 0.5, 1, 1.5, 2, 3, 4, 6, 8, 12, 20, 30];

/**
 * The lag among `candidates` under which the given source positions fit
 * best: rates and offset re-fitted by weighted least squares, scored by the
 * weighted residual sum of squares over all data (weights are the problem's,
 * the same for every candidate, so the sums compare).
 */
export function chooseSensorLag(problem: SteProblem, posts: ReadonlyArray<{ meanE: number; meanN: number }>, scan: ScanOptions, candidates: readonly number[]): number {
  let best = problem.lagS;
  let bestSs = Infinity;
  // The plumes once, without lag; each candidate then only filters them.
  const raw = withSensorLag(problem, 0);
  const unlagged = posts.map((q) => kernelAtSamples(raw, q.meanE, q.meanN, scan));
  for (const lag of candidates) {
    const p = withSensorLag(problem, lag);
    const kernels = unlagged.map((k) => {
      const out = Float64Array.from(k);
      if (p.lagS > 0) applySensorLag(out, p.lagDecay);
      return out;
    });
    const { pred, offset } = residualDiagnostics(p, kernels);
    const n = p.nSamples;
    let ss = 0;
    for (let s = 0; s < p.nSpecies; s++) {
      for (let i = 0; i < n; i++) {
        const r = p.d[s * n + i]! - offset[s]! * p.offsetCoef[i]! - pred[s * n + i]!;
        ss += p.w[s * n + i]! * r * r;
      }
    }
    if (ss < bestSs) {
      bestSs = ss;
      best = lag;
    }
  }
  return best;
}

export function estimateSources(input: SteProblem, o: SteOptions): SteResult {
  let problem = input;
  const progress = o.onProgress ?? (() => undefined);
  const domain = o.domain ?? defaultDomain(problem);
  const prior = o.stabilityPrior ?? new Float64Array(6).fill(1 / 6);
  const allowed = o.stabilities ?? [0, 1, 2, 3, 4, 5];
  const pmax = Math.max(...allowed.map((k) => prior[k]!));
  const classes = allowed.filter((k) => prior[k]! >= 0.01 * pmax);
  const maxSources = o.maxSources ?? 6;
  // The greedy search runs in one reference class (the given one; else the
  // best pilot fit, below); the others re-fit the sources it found.
  let refClass = classes.reduce((a, k) => (prior[k]! > prior[a]! ? k : a), classes.includes(3) ? 3 : classes[0]!);
  let ref = classModel(problem, refClass, o, domain);
  progress(0.02, 'coarse kernel');
  let grid = searchGrid(ref, o, domain);
  let gamma = o.gamma ?? 1;
  // Pilot fit with observation-based weights; its prediction then sets the
  // weights (see reweightProblem) and its residuals the tempering.
  progress(0.15, 'pilot fit');
  const pilotMax = Math.min(maxSources, 4);
  let pilot = search(ref, grid, pilotMax, true);
  // Sensor lag: given, or chosen by the pilot's fit (sources held where the
  // pilot put them, rates and offset re-fitted) among the candidates; the
  // pilot's sources are then re-fitted under the chosen lag (a transfer:
  // re-running the whole pilot search cost a second and located no better,
  // measured on the bench).
  if (o.sensorLagS !== undefined) {
    if (o.sensorLagS !== problem.lagS) throw new RangeError('sensorLagS: build the problem with it (buildProblem sensorLagS) or leave it unset');
  } else if (pilot.posts.length > 0) {
    const lag = chooseSensorLag(problem, pilot.posts, ref.scan, o.sensorLagCandidatesS ?? DEFAULT_SENSOR_LAG_CANDIDATES_S);
    if (lag !== problem.lagS) {
      progress(0.2, `sensor lag ${lag} s: pilot re-fitted`);
      problem = withSensorLag(problem, lag);
      ref = classModel(problem, refClass, o, domain);
      // The coarse kernel is put through the lag when it was built without
      // one; a problem built with another lag needs it rebuilt.
      grid = input.lagS === 0 ? { ...grid, coarse: lagSparseKernel(grid.coarse, problem.lagDecay) } : searchGrid(ref, o, domain);
      pilot = transfer(ref, pilot, Math.max(30, 2 * grid.step));
    }
  }
  // Stability unknown: the reference class becomes the one whose own pilot
  // search fits best (pilot evidence + log prior). A search in the wrong
  // class puts every source at the wrong range (a class-F plume is as narrow
  // at twice the range as a class-D one) and re-fitting within reach cannot
  // walk that far. Over the bench's 12 sorties without a stability column
  // this found 15 of 21 labs instead of 11 (measured 2026-11-27), for about
  // twice the time on such sorties.
  if (classes.length > 1) {
    let bestScore = pilot.logEvidence + Math.log(prior[refClass]!);
    for (const k of classes) {
      if (k === refClass) continue;
      progress(0.25, `pilot fit in class ${'ABCDEF'[k]}`);
      const mk = classModel(problem, k, o, domain);
      const gk = searchGrid(mk, o, domain);
      const pk = search(mk, gk, pilotMax, true);
      const score = pk.logEvidence + Math.log(prior[k]!);
      if (score > bestScore) {
        bestScore = score;
        refClass = k;
        ref = mk;
        grid = gk;
        pilot = pk;
      }
    }
  }
  const pilotDiag = residualDiagnostics(problem, pilot.kernels);
  // The relative error is calibrated on the pilot's residuals (so the
  // plume samples' chi-square is 1); the tempering then only accounts for
  // their autocorrelation. Quiet samples keep their noise-only weight.
  const alpha = calibrateRelativeError(problem, pilotDiag.pred, pilotDiag.offset);
  const reweighted = reweightProblem(problem, pilotDiag.pred, 1, alpha);
  const diag = residualDiagnostics(reweighted, pilot.kernels);
  if (o.gamma === undefined) gamma = Math.min(1, Math.max(0.01, 1 / Math.min(diag.tau, o.maxAutocorrelationTime ?? Infinity)));
  const tp = temperProblem(reweighted, gamma);
  progress(0.4, 'source search');
  const refModel = withProblem(ref, tp);
  const reach = Math.max(30, 2 * grid.step);
  const found = search(refModel, grid, maxSources);
  const runs: ClassRun[] = [];
  classes.forEach((k, i) => {
    progress(0.55 + (0.35 * i) / classes.length, `stability class ${'ABCDEF'[k]}`);
    const m = k === refClass ? refModel : classModel(tp, k, o, domain);
    const cfg = k === refClass ? found : transfer(m, found, reach);
    runs.push({ k, logEvidence: cfg.logEvidence + Math.log(prior[k]!), posts: cfg.posts, kernels: cfg.kernels, ctx: makeCtx(m, cfg.kernels) });
  });
  const stabilityPosterior = new Float64Array(6);
  const logTotal = logSumExp(runs.map((r) => r.logEvidence));
  for (const r of runs) stabilityPosterior[r.k] = Math.exp(r.logEvidence - logTotal);
  const best = runs.reduce((x, y) => (y.logEvidence > x.logEvidence ? y : x));

  const { logArea, logPriorOdds } = ref;
  const rng = createRng(o.seed ?? 1);
  const totalDraws = o.rateDraws ?? 2000;
  const S = problem.nSpecies;
  const rateMax = best.ctx.rateMaxKgS;

  progress(0.92, 'summarising (vent heights)');
  const refHeight = o.sourceHeightM ?? 3;
  const heights = o.sourceHeightsM ?? (o.sourceHeightM !== undefined ? [o.sourceHeightM] : DEFAULT_SOURCE_HEIGHTS_M);
  if (!heights.includes(refHeight)) throw new RangeError(`sourceHeightsM must include sourceHeightM (${refHeight})`);
  const sources = best.posts.map((post) => {
    // Mix in the matching source of every class with weight (class weight x
    // height weight): within a class, the source is re-fitted at each vent
    // height given the others, and heights are weighed by that evidence.
    const parts: Array<{ post: GridPosterior; weight: number; prob: number }> = [];
    for (const r of runs) {
      const wk = stabilityPosterior[r.k]!;
      if (wk < 1e-3) continue;
      let mi = -1;
      let bestD = Infinity;
      r.posts.forEach((q, i) => {
        const dd = Math.hypot(q.meanE - post.meanE, q.meanN - post.meanN);
        if (dd < bestD) {
          bestD = dd;
          mi = i;
        }
      });
      const lim = Math.max(50, 3 * Math.sqrt(post.cov[0] + post.cov[2]));
      if (mi < 0 || bestD > lim) continue;
      const match = r.posts[mi]!;
      const others = r.kernels.filter((_, q) => q !== mi);
      const base = buildLinearBase(r.ctx.problem, others);
      // One grid per height: a vent height moves the mode less than the
      // grid's reach, and a second round cost a fifth of the run without
      // changing the bench's accuracy (measured 2026-11-27).
      const variants = heights.map((h) =>
        h === refHeight ? match : shiftedPosterior({ ...r.ctx, scan: { ...r.ctx.scan, sourceHeightM: h }, existing: others, base }, match, reach, 1),
      );
      const lzMax = Math.max(...variants.map((v) => v.logZ));
      const hw = variants.map((v) => Math.exp(v.logZ - lzMax));
      const hsum = hw.reduce((a, b) => a + b, 0);
      // Existence: evidence averaged over the height prior.
      const logZmix = lzMax + Math.log(hsum / heights.length);
      const prob = existenceProbability({ ...match, logZ: logZmix }, logArea, logPriorOdds);
      variants.forEach((v, i) => parts.push({ post: v, weight: (wk * hw[i]!) / hsum, prob }));
    }
    if (parts.length === 0) parts.push({ post, weight: 1, prob: existenceProbability(post, logArea, logPriorOdds) });
    const wsum = parts.reduce((a, b) => a + b.weight, 0);
    const probability = parts.reduce((a, b) => a + b.weight * b.prob, 0) / (wsum > 0 ? wsum : 1);
    const chunks = parts
      .filter((part) => part.weight > 0)
      .map((part) => drawFromGrid(part.post, S, rateMax, Math.max(1, Math.round((totalDraws * part.weight) / wsum)), rng));
    const draws = concatDraws(chunks, S);
    addStructureUncertainty(draws, post, best.ctx.scan, tp, rng);
    return summarise(draws, probability, rng);
  });
  const finalDiag = residualDiagnostics(tp, best.kernels);
  const shown = o.reportProbability ?? 0.2;
  progress(1, 'done');
  return {
    sources: sources.filter((s) => s.probability >= shown),
    stabilityPosterior,
    gamma,
    relativeError: alpha,
    reducedChi2: diag.chi2nu,
    residualLag1: diag.rho,
    autocorrelationTime: diag.tau,
    domain,
    offsetKgM3: finalDiag.offset,
    sensorLagS: problem.lagS,
  };
}
