/**
 * Bayesian source-term estimation for an unknown number of sources, all
 * species jointly (one location, per-species rates), unknown background
 * offset, unknown stability, with sensor noise and plume meander handled by
 * the likelihood weights and tempering. docs/science/source-term-estimation.md
 * explains the model; in outline:
 *
 * 1. Pilot: greedy search in a reference class (the given one, else D) with
 *    observation-based weights. Its prediction sets the final weights
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
 * 3. Stability: the sources are re-fitted under each other class (transfer)
 *    and classes are weighted by evidence; sources are matched across classes
 *    and their position and rate draws mixed.
 */
import type { SteProblem } from './problem.js';
import { temperProblem, reweightProblem, calibrateRelativeError, KIND_READING } from './problem.js';
import { buildSigmaTable } from './kernel-table.js';
import { kernelAtSamples, type ScanOptions } from './scan.js';
import { buildSparseKernel, sparseStats, type SparseKernel } from './sparse-kernel.js';
import { buildLinearBase } from './linear-base.js';
import { refineLocation, scoreCells, principalAxes, shiftedPosterior, type GridContext, type GridPosterior } from './grid-posterior.js';
import { normalQuantile, normalCdf } from '../numeric/normal.js';
import { createRng, type Rng } from '@nariz/core';

export interface SteOptions {
  readonly sigmaSet: number;
  /** Stability classes (0..5) to consider; default all six. */
  readonly stabilities?: readonly number[];
  /** Prior probability of each class (length 6); classes below 1 % of the largest are skipped. Default uniform. */
  readonly stabilityPrior?: Float64Array;
  readonly sourceHeightM?: number;
  /**
   * Vent heights (m) over which each source's position and rates are
   * marginalised at the end, uniform prior; must include sourceHeightM.
   * Default DEFAULT_SOURCE_HEIGHTS_M, or [sourceHeightM] when that is given.
   */
  readonly sourceHeightsM?: readonly number[];
  /** Initial plume spread at the source, m (default DEFAULT_INITIAL_SPREAD_M). */
  readonly initialSpreadM?: number;
  /** Search domain in local metres; default: the flown area plus a margin (see DOMAIN_MARGIN_*). */
  readonly domain?: { minE: number; maxE: number; minN: number; maxN: number };
  /** Coarse grid spacing, m; default chosen for ~2500 cells (>= 15 m). */
  readonly coarseStepM?: number;
  readonly maxSources?: number;
  /** Sources closer than this are one source (default 30 m). */
  readonly minSeparationM?: number;
  /** Prior probability that a candidate source exists (default 0.3). */
  readonly priorSourceProbability?: number;
  /** Upper bound of the uniform prior on each species' rate, kg/s (default DEFAULT_RATE_MAX_KGS). */
  readonly rateMaxKgS?: number;
  /** Fixed tempering factor (skips the pilot fit). */
  readonly gamma?: number;
  /**
   * Upper bound on the residual autocorrelation time, samples: a plume
   * crossing carries at least one independent datum, so the median crossing
   * length (from detection) bounds it. Default unbounded.
   */
  readonly maxAutocorrelationTime?: number;
  readonly seed?: number;
  readonly rateDraws?: number;
  /** Sources whose existence probability falls below this are not reported (default 0.2). */
  readonly reportProbability?: number;
  /** Progress callback (fraction 0..1, message); kernels stay free of I/O. */
  readonly onProgress?: (fraction: number, message: string) => void;
}

export interface SourceEstimate {
  readonly east: number;
  readonly north: number;
  readonly cov: readonly [number, number, number];
  /** Radius around (east, north) holding 95 % of the position posterior, m. */
  readonly radius95M: number;
  /** 95 % ellipse: semi-axes (m) and orientation of the major axis (deg clockwise from north). */
  readonly ellipse95: { readonly semiMajorM: number; readonly semiMinorM: number; readonly azimuthDeg: number };
  /** Per-species rate summaries, kg/s: median, mean, sd and 95 % interval (with the model-structure floor). */
  readonly rates: ReadonlyArray<{ median: number; mean: number; sd: number; lo95: number; hi95: number }>;
  /** Per-species rate mean and sd without the common structure factor: for species ratios (classification). */
  readonly ratesForRatios: ReadonlyArray<{ mean: number; sd: number }>;
  readonly probability: number;
  /** Position draws (east, north) for downstream mixing and maps. */
  readonly drawsE: Float64Array;
  readonly drawsN: Float64Array;
}

export interface SteResult {
  readonly sources: SourceEstimate[];
  /** Posterior probability of each stability class (0..5), zero for classes not considered. */
  readonly stabilityPosterior: Float64Array;
  readonly gamma: number;
  /** Relative model error of a single reading, calibrated on the pilot fit. */
  readonly relativeError: number;
  readonly reducedChi2: number;
  readonly residualLag1: number;
  /** Integrated autocorrelation time of the residuals, samples (1 / tempering). */
  readonly autocorrelationTime: number;
  readonly domain: { minE: number; maxE: number; minN: number; maxN: number };
  /** Background offset per species (kg/m^3) fitted with the final sources. */
  readonly offsetKgM3: Float64Array;
}

interface ClassRun {
  readonly k: number;
  readonly logEvidence: number;
  readonly posts: GridPosterior[];
  readonly kernels: Float64Array[];
  readonly ctx: GridContext;
}

const CHI2_2DOF_95 = 5.991464547107979;

/**
 * Default upper bound of the uniform per-species rate prior: 30 g/s, above
 * the largest sustained releases of small clandestine labs and workshops.
 * The bound matters: it is the Occam penalty that keeps a candidate whose
 * plume barely reaches the sensors from explaining a noise bump with an
 * absurd rate. Raise it (--max-rate-gps) for industrial sources.
 */
export const DEFAULT_RATE_MAX_KGS = 0.03;

/**
 * Vent heights marginalised by default, m: ground-level leaks to roof vents.
 * The along-wind position depends on the height (a higher vent reaches the
 * ground later), so a fixed height would bias it and hide the bias.
 */
export const DEFAULT_SOURCE_HEIGHTS_M: readonly number[] = [1.5, 3, 6, 12];

type Domain = { minE: number; maxE: number; minN: number; maxN: number };

function defaultDomain(p: SteProblem): Domain {
  let minE = Infinity;
  let maxE = -Infinity;
  let minN = Infinity;
  let maxN = -Infinity;
  for (let j = 0; j < p.nodeE.length; j++) {
    minE = Math.min(minE, p.nodeE[j]!);
    maxE = Math.max(maxE, p.nodeE[j]!);
    minN = Math.min(minN, p.nodeN[j]!);
    maxN = Math.max(maxN, p.nodeN[j]!);
  }
  // A modest margin: a source far upwind of everything flown reaches the
  // whole survey as a broad, weak rise that the data cannot tell from
  // background drift, so searching there only invents sources.
  const m = Math.max(DOMAIN_MARGIN_MIN_M, DOMAIN_MARGIN_FRACTION * Math.max(maxE - minE, maxN - minN));
  return { minE: minE - m, maxE: maxE + m, minN: minN - m, maxN: maxN + m };
}

/** Default search margin around the flown area: the larger of 150 m and 10 % of its extent. */
export const DOMAIN_MARGIN_MIN_M = 150;
export const DOMAIN_MARGIN_FRACTION = 0.1;

/**
 * Model-structure floor on position uncertainty, as fractions of the distance
 * from the source to the nearest receptor that sees its plume. Dispersion
 * coefficients are uncertain by tens of percent even over flat terrain
 * (Hanna, Briggs & Hosker 1982, ch. 4; Irwin 1983), and the along-wind
 * position is read from how fast the plume spreads, so it cannot be known
 * better than a comparable fraction of that distance however strong the
 * signal; crosswind, the floor is the meander angle (at least 0.05 rad).
 */
export const STRUCTURE_ALONG_FRACTION = 0.15;
/**
 * Model-structure floor on emission rates: a log-normal factor common to all
 * species of a source (ln sd 0.35, i.e. ~70 % of draws within a factor of
 * 1.4 and ~95 % within 2). Gaussian-plume predictions of concentration are
 * typically within a factor of two of observations about half to
 * three-quarters of the time (Hanna 1989; Chang & Hanna 2004, FAC2), and a
 * rate estimate inherits that. Common to all species, so species ratios —
 * what classification uses — are unchanged.
 */
export const STRUCTURE_RATE_LOG_SD = 0.35;
export const STRUCTURE_CROSS_MIN_RAD = 0.05;

function localMaxima(values: Float64Array, nx: number, ny: number, count: number): number[] {
  const idx: number[] = [];
  for (let j = 0; j < ny; j++) {
    for (let i = 0; i < nx; i++) {
      const c = j * nx + i;
      const v = values[c]!;
      if (!(v > 0)) continue;
      let best = true;
      for (let dj = -1; dj <= 1 && best; dj++) {
        for (let di = -1; di <= 1; di++) {
          if (di === 0 && dj === 0) continue;
          const ii = i + di;
          const jj = j + dj;
          if (ii < 0 || jj < 0 || ii >= nx || jj >= ny) continue;
          if (values[jj * nx + ii]! > v) {
            best = false;
            break;
          }
        }
      }
      if (best) idx.push(c);
    }
  }
  idx.sort((a, b) => values[b]! - values[a]!);
  return idx.slice(0, count);
}

/** What is fixed for one stability class: the problem (tempered or not), its sigma table and priors. */
interface ClassModel {
  readonly k: number;
  readonly p: SteProblem;
  readonly scan: ScanOptions;
  readonly rateMax: Float64Array;
  readonly logArea: number;
  readonly logPriorOdds: number;
  readonly minSeparationM: number;
}

/** The coarse search grid and its sparse kernel (independent of the weights, so shared by the pilot and the tempered search). */
interface SearchGrid {
  readonly step: number;
  readonly nx: number;
  readonly ny: number;
  readonly cellsE: Float64Array;
  readonly cellsN: Float64Array;
  readonly coarse: SparseKernel;
}

interface Configuration {
  kernels: Float64Array[];
  posts: GridPosterior[];
  logEvidence: number;
}

function classModel(p: SteProblem, k: number, o: SteOptions, domain: Domain): ClassModel {
  const diag = Math.hypot(domain.maxE - domain.minE, domain.maxN - domain.minN);
  const priorP = o.priorSourceProbability ?? 0.3;
  return {
    k,
    p,
    scan: { table: buildSigmaTable(o.sigmaSet, k, diag + 10, 0.5, o.initialSpreadM), sourceHeightM: o.sourceHeightM ?? 3 },
    rateMax: new Float64Array(p.nSpecies).fill(o.rateMaxKgS ?? DEFAULT_RATE_MAX_KGS),
    logArea: Math.log((domain.maxE - domain.minE) * (domain.maxN - domain.minN)),
    logPriorOdds: Math.log(priorP / (1 - priorP)),
    minSeparationM: o.minSeparationM ?? 30,
  };
}

function withProblem(m: ClassModel, p: SteProblem): ClassModel {
  return { ...m, p };
}

function searchGrid(m: ClassModel, o: SteOptions, domain: Domain): SearchGrid {
  const areaM2 = (domain.maxE - domain.minE) * (domain.maxN - domain.minN);
  const step = o.coarseStepM ?? Math.max(15, Math.sqrt(areaM2 / 2500));
  const nx = Math.max(2, Math.round((domain.maxE - domain.minE) / step) + 1);
  const ny = Math.max(2, Math.round((domain.maxN - domain.minN) / step) + 1);
  const cellsE = new Float64Array(nx * ny);
  const cellsN = new Float64Array(nx * ny);
  for (let j = 0; j < ny; j++) {
    for (let i = 0; i < nx; i++) {
      cellsE[j * nx + i] = domain.minE + (i * (domain.maxE - domain.minE)) / (nx - 1);
      cellsN[j * nx + i] = domain.minN + (j * (domain.maxN - domain.minN)) / (ny - 1);
    }
  }
  return { step, nx, ny, cellsE, cellsN, coarse: buildSparseKernel(m.p, cellsE, cellsN, { ...m.scan, inflateM: step / 2 }) };
}

function makeCtx(m: ClassModel, ks: readonly Float64Array[]): GridContext {
  return { problem: m.p, scan: m.scan, existing: ks, base: buildLinearBase(m.p, ks), rateMaxKgS: m.rateMax };
}

/** The split move of greedyStep: returns the new configuration and the new source's evidence gain, or undefined. */
function trySplit(m: ClassModel, g: SearchGrid, cfg: Configuration, e0: number, n0: number): { kernels: Float64Array[]; posts: GridPosterior[]; gain: number } | undefined {
  const kernels = [...cfg.kernels, kernelAtSamples(m.p, e0, n0, m.scan)];
  // Seed posterior: one small grid at the coarse cell (no walking).
  const seedCtx = makeCtx(m, cfg.kernels);
  const posts = [...cfg.posts, refineLocation(seedCtx, e0, n0, g.step / 2, 1)];
  const last = posts.length - 1;
  // The accepted source nearest to the seed is the one to move.
  let j = 0;
  for (let q = 1; q < last; q++) {
    if (Math.hypot(posts[q]!.meanE - e0, posts[q]!.meanN - n0) < Math.hypot(posts[j]!.meanE - e0, posts[j]!.meanN - n0)) j = q;
  }
  for (let round = 0; round < 3; round++) {
    for (const idx of [j, last]) {
      const others = kernels.filter((_, q) => q !== idx);
      const pq = posts[idx]!;
      const post = refineLocation(makeCtx(m, others), pq.meanE, pq.meanN, Math.max(10, 3 * principalAxes(pq.cov).sdMajor));
      posts[idx] = post;
      kernels[idx] = kernelAtSamples(m.p, post.meanE, post.meanN, m.scan);
    }
  }
  const a = posts[j]!;
  const b = posts[last]!;
  if (Math.hypot(a.meanE - b.meanE, a.meanN - b.meanN) < m.minSeparationM) return undefined;
  const gain = b.logZ - m.logArea + m.logPriorOdds;
  return gain > 0 ? { kernels, posts, gain } : undefined;
}

/** One greedy forward-selection step; returns false when no further source has a positive evidence gain. */
function greedyStep(m: ClassModel, g: SearchGrid, cfg: Configuration): boolean {
  const ctx = makeCtx(m, cfg.kernels);
  const stats = sparseStats(g.coarse, m.p, cfg.kernels);
  const { logGain } = scoreCells(ctx, g.cellsE, g.cellsN, stats);
  const far = (e: number, n: number): boolean => cfg.posts.every((q) => Math.hypot(q.meanE - e, q.meanN - n) >= m.minSeparationM);
  // Refine the best coarse maxima until two land clear of the accepted
  // sources (a maximum next to an accepted source is usually its residual).
  const cands = localMaxima(logGain, g.nx, g.ny, 8).filter((c) => far(g.cellsE[c]!, g.cellsN[c]!));
  let best: GridPosterior | undefined;
  let tried = 0;
  let collided: number | undefined;
  for (const c of cands) {
    if (tried >= 2) break;
    const post = refineLocation(ctx, g.cellsE[c]!, g.cellsN[c]!, 1.5 * g.step);
    if (!far(post.meanE, post.meanN)) {
      collided ??= c;
      continue;
    }
    tried++;
    if (best === undefined || post.logZ > best.logZ) best = post;
  }
  // A strong residual maximum that refines onto an accepted source often
  // means that source sits between two real ones (typically aligned
  // along-wind). Try splitting: seed the new source at the coarse cell and
  // let the pair re-centre alternately.
  if (collided !== undefined && (best === undefined || logGain[collided]! > 2 * (best.logZ - m.logArea))) {
    const split = trySplit(m, g, cfg, g.cellsE[collided]!, g.cellsN[collided]!);
    if (split !== undefined && (best === undefined || split.gain > best.logZ - m.logArea + m.logPriorOdds)) {
      cfg.logEvidence += split.gain;
      cfg.kernels.splice(0, cfg.kernels.length, ...split.kernels);
      cfg.posts.splice(0, cfg.posts.length, ...split.posts);
      return true;
    }
  }
  const gain = best === undefined ? -Infinity : best.logZ - m.logArea + m.logPriorOdds;
  if (best === undefined || !(gain > 0)) return false;
  cfg.logEvidence += gain;
  cfg.kernels.push(kernelAtSamples(m.p, best.meanE, best.meanN, m.scan));
  cfg.posts.push(best);
  return true;
}

/**
 * Gibbs-style sweep: re-centre each source given all the others, then merge
 * sources that landed within the minimum separation. The configuration's
 * evidence becomes the sum of the conditional gains, a consistent (if
 * approximate) score for comparing stability classes.
 */
function sweep(m: ClassModel, cfg: Configuration): void {
  for (let j = 0; j < cfg.kernels.length; j++) {
    const others = cfg.kernels.filter((_, q) => q !== j);
    const pj = cfg.posts[j]!;
    const ax = principalAxes(pj.cov);
    const post = refineLocation(makeCtx(m, others), pj.meanE, pj.meanN, Math.max(10, 3 * ax.sdMajor));
    cfg.posts[j] = post;
    cfg.kernels[j] = kernelAtSamples(m.p, post.meanE, post.meanN, m.scan);
  }
  for (let j = cfg.posts.length - 1; j > 0; j--) {
    const pj = cfg.posts[j]!;
    if (cfg.posts.slice(0, j).some((q) => Math.hypot(q.meanE - pj.meanE, q.meanN - pj.meanN) < m.minSeparationM)) {
      cfg.posts.splice(j, 1);
      cfg.kernels.splice(j, 1);
    }
  }
  cfg.logEvidence = cfg.posts.reduce((acc, q) => acc + q.logZ - m.logArea + m.logPriorOdds, 0);
}

function search(m: ClassModel, g: SearchGrid, maxSources: number): Configuration {
  const cfg: Configuration = { kernels: [], posts: [], logEvidence: 0 };
  while (cfg.kernels.length < maxSources && greedyStep(m, g, cfg));
  if (cfg.kernels.length > 0) sweep(m, cfg);
  return cfg;
}

/**
 * The same sources under another model (stability class, weights): each
 * source's posterior re-fitted given the others, starting from where the
 * search put it. Sources whose conditional evidence gain is no longer
 * positive are kept (their probability says so) unless they merge.
 */
function transfer(m: ClassModel, from: Configuration, minReachM: number): Configuration {
  const cfg: Configuration = {
    kernels: from.posts.map((q) => kernelAtSamples(m.p, q.meanE, q.meanN, m.scan)),
    posts: [...from.posts],
    logEvidence: 0,
  };
  for (let j = 0; j < cfg.kernels.length; j++) {
    const others = cfg.kernels.filter((_, q) => q !== j);
    const post = shiftedPosterior(makeCtx(m, others), cfg.posts[j]!, minReachM);
    cfg.posts[j] = post;
    cfg.kernels[j] = kernelAtSamples(m.p, post.meanE, post.meanN, m.scan);
  }
  cfg.logEvidence = cfg.posts.reduce((acc, q) => acc + q.logZ - m.logArea + m.logPriorOdds, 0);
  return cfg;
}

/**
 * Residual diagnostics of a fitted configuration (linear fit of the offset
 * and rates for the given kernels): the model prediction without offset
 * (species-major), a robust reduced chi-square and the lag-1
 * autocorrelation of standardised residuals, both over samples with signal.
 */
export function residualDiagnostics(p: SteProblem, kernels: readonly Float64Array[]): { chi2nu: number; rho: number; tau: number; offset: Float64Array; pred: Float64Array } {
  const base = buildLinearBase(p, kernels);
  const n = p.nSamples;
  const m = kernels.length + 1;
  const z2: number[] = [];
  // Runs of consecutive signal samples (standardised residuals), for the autocorrelation.
  const runs: number[][] = [];
  const offset = new Float64Array(p.nSpecies);
  const predAll = new Float64Array(p.nSpecies * n);
  for (let s = 0; s < p.nSpecies; s++) {
    // Coefficients beta = G^-1 h; negative rates are clipped to zero for the prediction.
    const gi = base.gInv[s]!;
    const h = base.h[s]!;
    const beta = new Float64Array(m);
    for (let a = 0; a < m; a++) {
      let v = 0;
      for (let b = 0; b < m; b++) v += gi[a * m + b]! * h[b]!;
      beta[a] = a === 0 ? v : Math.max(0, v);
    }
    offset[s] = beta[0]!;
    let run: number[] = [];
    let prevIdx = -2;
    for (let i = 0; i < n; i++) {
      let pred = 0;
      for (let j = 0; j < kernels.length; j++) pred += beta[j + 1]! * kernels[j]![i]!;
      predAll[s * n + i] = pred;
      // Judge the model where it claims plume. Quiet samples fit the noise
      // model by construction and would dilute the estimate; plume hits of
      // sources the fit does not contain yet say nothing about how well the
      // contained ones are modelled.
      if (!(Math.abs(pred) > 3 * p.noiseSd[s]! * Math.sqrt(p.sensorVar[i]!))) {
        if (run.length > 1) runs.push(run);
        run = [];
        prevIdx = -2;
        continue;
      }
      const z = (p.d[s * n + i]! - beta[0]! * p.offsetCoef[i]! - pred) * Math.sqrt(p.w[s * n + i]!);
      z2.push(z * z);
      // Autocorrelation along runs of consecutive single readings only
      // (crossing moments are one datum per crossing already).
      if (p.kind[i] !== KIND_READING || p.multiplicity[i] !== 1) {
        if (run.length > 1) runs.push(run);
        run = [];
        prevIdx = -2;
        continue;
      }
      if (p.sampleIndex[i] !== prevIdx + 1 && run.length > 0) {
        if (run.length > 1) runs.push(run);
        run = [];
      }
      run.push(z);
      prevIdx = p.sampleIndex[i]!;
    }
    if (run.length > 1) runs.push(run);
  }
  // Robust reduced chi-square: median(z^2) / median of chi2(1) (0.4549).
  z2.sort((a, b) => a - b);
  const chi2nu = z2.length > 0 ? z2[(z2.length - 1) >> 1]! / 0.454936423119572 : 1;
  // Integrated autocorrelation time tau = 1 + 2 sum_k rho_k, summed until
  // rho_k first drops to zero (Geyer's initial-sequence truncation). Unlike
  // an AR(1) extrapolation of rho_1, it sees that residuals are correlated
  // within a plume crossing but not across crossings.
  let tau = 1;
  let rho1 = 0;
  for (let k = 1; k <= 60; k++) {
    let sxy = 0;
    let sxx = 0;
    let syy = 0;
    for (const r of runs) {
      for (let t = k; t < r.length; t++) {
        sxy += r[t]! * r[t - k]!;
        sxx += r[t - k]! * r[t - k]!;
        syy += r[t]! * r[t]!;
      }
    }
    if (!(sxx > 0 && syy > 0)) break;
    const rk = sxy / Math.sqrt(sxx * syy);
    if (k === 1) rho1 = rk;
    if (!(rk > 0)) break;
    tau += 2 * rk;
  }
  return { chi2nu, rho: rho1, tau, offset, pred: predAll };
}

function drawTruncNormal(rng: Rng, mu: number, sd: number, lo: number, hi: number): number {
  const a = normalCdf((lo - mu) / sd);
  const b = normalCdf((hi - mu) / sd);
  if (!(b - a > 1e-300)) return mu < lo ? lo : hi;
  const u = a + rng.next() * (b - a);
  const x = mu + sd * normalQuantile(Math.min(Math.max(u, 1e-300), 1 - 1e-16));
  return Math.min(hi, Math.max(lo, x));
}

interface SourceDraws {
  e: Float64Array;
  n: Float64Array;
  rates: Float64Array[]; // per species
}

/** Draw positions and rates from a grid posterior (cell by weight, uniform jitter in the cell, rate from its truncated normal). */
function drawFromGrid(post: GridPosterior, S: number, rateMax: Float64Array, count: number, rng: Rng): SourceDraws {
  const nc = post.weight.length;
  const cdf = new Float64Array(nc);
  let acc = 0;
  for (let c = 0; c < nc; c++) cdf[c] = acc += post.weight[c]!;
  const e = new Float64Array(count);
  const nn = new Float64Array(count);
  const rates = Array.from({ length: S }, () => new Float64Array(count));
  const jit = Math.sqrt(post.cellAreaM2);
  for (let q = 0; q < count; q++) {
    const u = rng.next() * acc;
    let lo = 0;
    let hi = nc - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cdf[mid]! < u) lo = mid + 1;
      else hi = mid;
    }
    e[q] = post.cellsE[lo]! + (rng.next() - 0.5) * jit;
    nn[q] = post.cellsN[lo]! + (rng.next() - 0.5) * jit;
    for (let s = 0; s < S; s++) {
      const A = post.A[lo * S + s]!;
      const B = post.B[lo * S + s]!;
      rates[s]![q] = A > 0 ? drawTruncNormal(rng, B / A, 1 / Math.sqrt(A), 0, rateMax[s]!) : rng.next() * rateMax[s]!;
    }
  }
  return { e, n: nn, rates };
}

function quantile(sorted: Float64Array, q: number): number {
  const x = q * (sorted.length - 1);
  const i = Math.floor(x);
  const t = x - i;
  return sorted[i]! + t * ((sorted[Math.min(i + 1, sorted.length - 1)] ?? sorted[i]!) - sorted[i]!);
}

/**
 * Spread the position draws by the model-structure floor (see
 * STRUCTURE_ALONG_FRACTION): Gaussian jitter along and across the mean wind
 * at the source, scaled by the distance to the nearest receptor that sees a
 * significant share of its plume.
 */
function addStructureUncertainty(d: SourceDraws, post: GridPosterior, run: ClassRun, p: SteProblem, rng: Rng): void {
  const k = kernelAtSamples(p, post.meanE, post.meanN, run.ctx.scan);
  let kmax = 0;
  for (let i = 0; i < k.length; i++) if (k[i]! > kmax) kmax = k[i]!;
  if (!(kmax > 0)) return;
  let xmin = Infinity;
  let ue = 0;
  let un = 0;
  for (let i = 0; i < k.length; i++) {
    if (k[i]! < 0.1 * kmax) continue;
    const j = p.nodeStart[i]!;
    const x = (p.nodeE[j]! - post.meanE) * p.ex[i]! + (p.nodeN[j]! - post.meanN) * p.ey[i]!;
    if (x > 0 && x < xmin) xmin = x;
    ue += p.ex[i]!;
    un += p.ey[i]!;
  }
  if (!Number.isFinite(xmin)) return;
  const norm = Math.hypot(ue, un);
  if (!(norm > 0)) return;
  ue /= norm;
  un /= norm;
  const sAlong = STRUCTURE_ALONG_FRACTION * xmin;
  const sCross = Math.max(p.meanderRad, STRUCTURE_CROSS_MIN_RAD) * xmin;
  for (let q = 0; q < d.e.length; q++) {
    const a = rng.normal() * sAlong;
    const c = rng.normal() * sCross;
    d.e[q] = d.e[q]! + a * ue - c * un;
    d.n[q] = d.n[q]! + a * un + c * ue;
  }
}

function summarise(d: SourceDraws, probability: number, structureRng?: Rng): SourceEstimate {
  const n = d.e.length;
  let me = 0;
  let mn = 0;
  for (let i = 0; i < n; i++) {
    me += d.e[i]!;
    mn += d.n[i]!;
  }
  me /= n;
  mn /= n;
  let cee = 0;
  let cen = 0;
  let cnn = 0;
  const dist = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const de = d.e[i]! - me;
    const dn = d.n[i]! - mn;
    cee += de * de;
    cen += de * dn;
    cnn += dn * dn;
    dist[i] = Math.hypot(de, dn);
  }
  const cov: [number, number, number] = [cee / n, cen / n, cnn / n];
  dist.sort();
  const ax = principalAxes(cov);
  const f = Math.sqrt(CHI2_2DOF_95);
  let az = (Math.atan2(ax.axisE, ax.axisN) * 180) / Math.PI;
  if (az < 0) az += 180;
  if (az >= 180) az -= 180;
  const ratesForRatios = d.rates.map((r) => {
    let mean = 0;
    for (let i = 0; i < n; i++) mean += r[i]!;
    mean /= n;
    let v = 0;
    for (let i = 0; i < n; i++) v += (r[i]! - mean) ** 2;
    return { mean, sd: Math.sqrt(v / n) };
  });
  if (structureRng !== undefined) {
    for (let i = 0; i < n; i++) {
      const f = Math.exp(STRUCTURE_RATE_LOG_SD * structureRng.normal());
      for (const r of d.rates) r[i] = r[i]! * f;
    }
  }
  const rates = d.rates.map((r) => {
    const sorted = Float64Array.from(r).sort();
    let mean = 0;
    for (let i = 0; i < n; i++) mean += sorted[i]!;
    mean /= n;
    let v = 0;
    for (let i = 0; i < n; i++) v += (sorted[i]! - mean) ** 2;
    return { median: quantile(sorted, 0.5), mean, sd: Math.sqrt(v / n), lo95: quantile(sorted, 0.025), hi95: quantile(sorted, 0.975) };
  });
  return {
    east: me,
    north: mn,
    cov,
    radius95M: quantile(dist, 0.95),
    ellipse95: { semiMajorM: f * ax.sdMajor, semiMinorM: f * ax.sdMinor, azimuthDeg: az },
    rates,
    ratesForRatios,
    probability,
    drawsE: d.e,
    drawsN: d.n,
  };
}

/** Probability that a source exists given the others: its conditional evidence gain against the uniform-location prior and the prior odds. */
function existenceProbability(post: GridPosterior, logArea: number, logPriorOdds: number): number {
  const g = post.logZ - logArea + logPriorOdds;
  return g > 40 ? 1 : 1 / (1 + Math.exp(-g));
}

export function estimateSources(problem: SteProblem, o: SteOptions): SteResult {
  const progress = o.onProgress ?? (() => undefined);
  const domain = o.domain ?? defaultDomain(problem);
  const prior = o.stabilityPrior ?? new Float64Array(6).fill(1 / 6);
  const pmax = Math.max(...(o.stabilities ?? [0, 1, 2, 3, 4, 5]).map((k) => prior[k]!));
  const classes = (o.stabilities ?? [0, 1, 2, 3, 4, 5]).filter((k) => prior[k]! >= 0.01 * pmax);
  const maxSources = o.maxSources ?? 6;
  // The greedy search runs in one reference class (the given one, else D);
  // the others re-fit the sources it found. Searching every class from
  // scratch finds the same sources at six times the cost.
  const refClass = classes.reduce((a, k) => (prior[k]! > prior[a]! ? k : a), classes.includes(3) ? 3 : classes[0]!);
  const ref = classModel(problem, refClass, o, domain);
  progress(0.02, 'coarse kernel');
  const grid = searchGrid(ref, o, domain);
  let gamma = o.gamma ?? 1;
  // Pilot fit with observation-based weights; its prediction then sets the
  // weights (see reweightProblem) and its residuals the tempering.
  progress(0.15, 'pilot fit');
  const pilot = search(ref, grid, Math.min(maxSources, 4));
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
  const maxLe = Math.max(...runs.map((r) => r.logEvidence));
  let tot = 0;
  for (const r of runs) tot += Math.exp(r.logEvidence - maxLe);
  for (const r of runs) stabilityPosterior[r.k] = Math.exp(r.logEvidence - maxLe) / tot;
  const best = runs.reduce((x, y) => (y.logEvidence > x.logEvidence ? y : x));

  const areaM2 = (domain.maxE - domain.minE) * (domain.maxN - domain.minN);
  const logArea = Math.log(areaM2);
  const priorP = o.priorSourceProbability ?? 0.3;
  const logPriorOdds = Math.log(priorP / (1 - priorP));
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
      const variants = heights.map((h) =>
        h === refHeight ? match : shiftedPosterior({ ...r.ctx, scan: { ...r.ctx.scan, sourceHeightM: h }, existing: others, base }, match, reach),
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
    const draws: SourceDraws = { e: new Float64Array(0), n: new Float64Array(0), rates: [] };
    const chunks: SourceDraws[] = [];
    for (const part of parts) {
      if (part.weight <= 0) continue;
      const count = Math.max(1, Math.round((totalDraws * part.weight) / wsum));
      chunks.push(drawFromGrid(part.post, S, rateMax, count, rng));
    }
    const total = chunks.reduce((a, c) => a + c.e.length, 0);
    draws.e = new Float64Array(total);
    draws.n = new Float64Array(total);
    draws.rates = Array.from({ length: S }, () => new Float64Array(total));
    let off = 0;
    for (const c of chunks) {
      draws.e.set(c.e, off);
      draws.n.set(c.n, off);
      for (let s = 0; s < S; s++) draws.rates[s]!.set(c.rates[s]!, off);
      off += c.e.length;
    }
    addStructureUncertainty(draws, post, best, tp, rng);
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
  };
}
