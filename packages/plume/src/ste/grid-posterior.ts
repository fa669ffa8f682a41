/**
 * The location posterior of one source on a local grid, conditional on the
 * other sources (their kernels in the linear base), with per-species rates
 * marginalised analytically. The grid is aligned with the posterior's
 * principal axes and refined until its extent and spacing match the
 * posterior's spread (so a thin crosswind ridge is resolved without a
 * huge square grid).
 */
import type { SteProblem } from './problem.js';
import type { ScanOptions } from './scan.js';
import { serialScan, type ScanExecutor } from './scan-executor.js';
import { projectCell, logRateEvidence, type LinearBase } from './linear-base.js';
import { logSumExp } from '../numeric/normal.js';
import type { Domain } from './types.js';

export interface GridPosterior {
  readonly cellsE: Float64Array;
  readonly cellsN: Float64Array;
  readonly cellAreaM2: number;
  /** Normalised posterior weight per cell. */
  readonly weight: Float64Array;
  /** Projected A, B per cell and species: [c * S + s]. */
  readonly A: Float64Array;
  readonly B: Float64Array;
  /** log of the integral of the evidence gain over the grid (m^2 units: add -log(domain area) for a uniform prior). */
  readonly logZ: number;
  readonly meanE: number;
  readonly meanN: number;
  /** Covariance [ee, en, nn], m^2. */
  readonly cov: readonly [number, number, number];
  readonly mapIndex: number;
}

export interface GridContext {
  readonly problem: SteProblem;
  readonly scan: ScanOptions;
  readonly existing: readonly Float64Array[];
  readonly base: LinearBase;
  /** Upper bound of the uniform rate prior per species, kg/s. */
  readonly rateMaxKgS: Float64Array;
  /** Where the scans run (default: this thread). */
  readonly executor?: ScanExecutor;
  /** The location prior's support: a grid walking along a ridge stops at its edge. */
  readonly domain?: Domain;
}

/** Score cells: log evidence gain per cell plus projected A, B. */
export function scoreCells(ctx: GridContext, cellsE: Float64Array, cellsN: Float64Array, stats: Float64Array): { logGain: Float64Array; A: Float64Array; B: Float64Array } {
  const S = ctx.problem.nSpecies;
  const stride = 3 + ctx.existing.length;
  const nc = cellsE.length;
  const logGain = new Float64Array(nc);
  const A = new Float64Array(nc * S);
  const B = new Float64Array(nc * S);
  for (let c = 0; c < nc; c++) {
    let g = 0;
    for (let s = 0; s < S; s++) {
      const [a, b] = projectCell(ctx.base, s, stats, (c * S + s) * stride);
      A[c * S + s] = a;
      B[c * S + s] = b;
      g += logRateEvidence(a, b, ctx.rateMaxKgS[s]!);
    }
    logGain[c] = g;
  }
  return { logGain, A, B };
}

export function evaluateGrid(ctx: GridContext, ce: number, cn: number, axisE: number, axisN: number, halfMajor: number, halfMinor: number, nMajor: number, nMinor: number): GridPosterior {
  // Axis unit vectors: major (axisE, axisN), minor perpendicular.
  const nc = nMajor * nMinor;
  const cellsE = new Float64Array(nc);
  const cellsN = new Float64Array(nc);
  const dMaj = (2 * halfMajor) / (nMajor - 1);
  const dMin = (2 * halfMinor) / (nMinor - 1);
  for (let a = 0; a < nMajor; a++) {
    const t = -halfMajor + a * dMaj;
    for (let b = 0; b < nMinor; b++) {
      const u = -halfMinor + b * dMin;
      cellsE[a * nMinor + b] = ce + t * axisE - u * axisN;
      cellsN[a * nMinor + b] = cn + t * axisN + u * axisE;
    }
  }
  // Only receptors that can see some cell of this grid take part (exact, see cull.ts).
  const disc = { ce, cn, radiusM: Math.hypot(halfMajor, halfMinor) + 1e-6 };
  const stats = (ctx.executor ?? serialScan).scanDisc(ctx.problem, ctx.existing, disc, cellsE, cellsN, ctx.scan);
  const { logGain, A, B } = scoreCells(ctx, cellsE, cellsN, stats);
  const lz = logSumExp(logGain);
  const weight = new Float64Array(nc);
  let me = 0;
  let mn = 0;
  let mapIndex = 0;
  for (let c = 0; c < nc; c++) {
    const wgt = Math.exp(logGain[c]! - lz);
    weight[c] = wgt;
    me += wgt * cellsE[c]!;
    mn += wgt * cellsN[c]!;
    if (logGain[c]! > logGain[mapIndex]!) mapIndex = c;
  }
  let cee = 0;
  let cen = 0;
  let cnn = 0;
  for (let c = 0; c < nc; c++) {
    const de = cellsE[c]! - me;
    const dn = cellsN[c]! - mn;
    cee += weight[c]! * de * de;
    cen += weight[c]! * de * dn;
    cnn += weight[c]! * dn * dn;
  }
  // A grid cannot resolve spread below its spacing: add the cell's own variance (uniform cell, d^2/12).
  const cellVar = (dMaj * dMaj + dMin * dMin) / 24;
  const cellAreaM2 = dMaj * dMin;
  return {
    cellsE, cellsN, cellAreaM2, weight, A, B, logZ: lz + Math.log(cellAreaM2), meanE: me, meanN: mn,
    cov: [cee + cellVar, cen, cnn + cellVar], mapIndex,
  };
}

/** Principal axes of a 2x2 covariance: major-axis unit vector and the two standard deviations. */
export function principalAxes(cov: readonly [number, number, number]): { axisE: number; axisN: number; sdMajor: number; sdMinor: number } {
  const [a, b, c] = cov;
  const tr = a + c;
  const det = a * c - b * b;
  const disc = Math.sqrt(Math.max(0, (tr * tr) / 4 - det));
  const l1 = tr / 2 + disc;
  const l2 = Math.max(0, tr / 2 - disc);
  const ang = 0.5 * Math.atan2(2 * b, a - c);
  return { axisE: Math.cos(ang), axisN: Math.sin(ang), sdMajor: Math.sqrt(l1), sdMinor: Math.sqrt(l2) };
}

function inDomain(d: Domain, e: number, n: number): boolean {
  return e >= d.minE && e <= d.maxE && n >= d.minN && n <= d.maxN;
}

function onBoundary(index: number, nMajor: number, nMinor: number): boolean {
  const a = Math.floor(index / nMinor);
  const b = index % nMinor;
  return a === 0 || b === 0 || a === nMajor - 1 || b === nMinor - 1;
}

/**
 * Cells per side of refineLocation's first (square) grid and along the
 * major axis of its posterior-fitted grids (+-4.5 sd in 15 cells: 0.64 sd
 * apart, ample for the moments of a unimodal posterior). 15 and 19 gave the
 * same accuracy over the bench's 48 scenarios at 10 % more time (measured
 * 2026-11-27).
 */
export const FIRST_GRID = 11;
export const FITTED_GRID = 15;

/**
 * Iteratively fit the grid to the posterior. Starts as a square of half-size
 * `half0` around (ce, cn); each round re-centres on the posterior mean,
 * aligns with its principal axes and spans +-4.5 sd.
 */
export function refineLocation(ctx: GridContext, ce: number, cn: number, half0: number, rounds = 3): GridPosterior {
  let post = evaluateGrid(ctx, ce, cn, 1, 0, half0, half0, FIRST_GRID, FIRST_GRID);
  // Walk the first grid along a ridge until its maximum is interior (a coarse
  // maximum can sit tens of metres along-wind from the true mode), but not
  // out of the domain: the prior gives no source there.
  for (let shift = 0; shift < 8 && onBoundary(post.mapIndex, FIRST_GRID, FIRST_GRID); shift++) {
    const e = post.cellsE[post.mapIndex]!;
    const n = post.cellsN[post.mapIndex]!;
    if (ctx.domain !== undefined && !inDomain(ctx.domain, e, n)) break;
    post = evaluateGrid(ctx, e, n, 1, 0, half0, half0, FIRST_GRID, FIRST_GRID);
  }
  for (let r = 1; r < rounds; r++) {
    const ax = principalAxes(post.cov);
    const halfMajor = Math.max(4.5 * ax.sdMajor, 3);
    const halfMinor = Math.max(4.5 * ax.sdMinor, 3);
    const nMajor = FITTED_GRID;
    const nMinor = Math.max(9, Math.min(FITTED_GRID, Math.ceil(((2 * halfMinor) / ((2 * halfMajor) / (FITTED_GRID - 1))) + 1)));
    const prev = post;
    post = evaluateGrid(ctx, post.meanE, post.meanN, ax.axisE, ax.axisN, halfMajor, halfMinor, nMajor, nMinor);
    const moved = Math.hypot(post.meanE - prev.meanE, post.meanN - prev.meanN);
    if (r >= 2 && moved < 0.1 * Math.max(ax.sdMinor, 0.5)) break;
  }
  return post;
}

/**
 * Re-fit a posterior under a changed model (another stability class): a
 * grid aligned with the previous posterior, long enough along its major
 * axis (usually along-wind, where classes disagree) to catch the shifted
 * mode, then (with rounds = 2) one posterior-fitted round. Cells about
 * one posterior sd apart suffice: the trapezoid rule on a Gaussian is
 * spectrally accurate (the moments' error is ~exp(-2 pi^2 sd^2 / h^2)), and
 * 17 x 9 then 15 x 9 cells located as well as 25 x 11 then 19 x 11 over the
 * bench's 48 scenarios (mean change +0.07 m) in 15 % less time (measured
 * 2026-11-27).
 */
export function shiftedPosterior(ctx: GridContext, prev: GridPosterior, minReachM: number, rounds: 1 | 2 = 2): GridPosterior {
  const ax = principalAxes(prev.cov);
  const halfMajor = Math.max(4.5 * ax.sdMajor, minReachM);
  const halfMinor = Math.max(4.5 * ax.sdMinor, 5);
  const first = evaluateGrid(ctx, prev.meanE, prev.meanN, ax.axisE, ax.axisN, halfMajor, halfMinor, 17, 9);
  if (rounds === 1) return first;
  const a2 = principalAxes(first.cov);
  return evaluateGrid(ctx, first.meanE, first.meanN, a2.axisE, a2.axisN, Math.max(4.5 * a2.sdMajor, 3), Math.max(4.5 * a2.sdMinor, 3), FITTED_GRID, 9);
}
