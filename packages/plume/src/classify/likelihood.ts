/**
 * Marginal likelihood of measured per-species rates under one emission
 * profile (Bayesian model evidence; Kass & Raftery 1995, J. Am. Stat.
 * Assoc. 90:773).
 *
 * Generative model for profile k with normalised mass fractions f_s:
 *   true rate      r_s = T * f_s * exp(eta_s),  eta_s ~ N(0, tau^2) independent
 *   measurement    y_s ~ N(r_s, sd_s^2)
 *   total          T ~ log-uniform (scale-free; the same improper prior for
 *                  every profile, so its constant cancels between profiles)
 * Species measured but absent from the profile get f_s = floor. Species in
 * the profile but not measured integrate out to 1 and are ignored.
 *
 * Evidence  p(y | k) = int dlogT  prod_s  I_s(T),
 *   I_s(T) = int_0^inf N(y_s; r, sd_s^2) LN(r; log(T f_s), tau^2) dr.
 *
 * Numerics. u = log r is cut into cells of width H; on each cell the
 * measurement density is replaced by its exact cell average
 * A_j = [Phi((r_{j+1}-y)/sd) - Phi((r_j-y)/sd)] / (r_{j+1}-r_j) and the
 * log-normal by its exact cell mass P_j = Phi((u_{j+1}-m)/tau) - Phi((u_j-m)/tau).
 * This is exact when either factor is constant across a cell, so it holds
 * both for precise (sd << r) and noisy (sd >~ r) measurements. Below
 * r_0 = min(0.1 sd, 0.01 sd^2/|y|) the measurement density is flat to 1 %
 * and one tail cell (0, r_0) takes the log-normal mass below u_0. The log T grid has step 2H and is
 * aligned with the cells, so P depends only on j - 2i and is tabulated once
 * per (species, profile): cost O(NT * J) multiply-adds, no special functions
 * in the inner loop.
 */
import { normalCdf, normalMass } from '../numeric/normal.js';

/**
 * Cell width in log rate: a tenth of the narrowest profile spread, within
 * [0.0125, 0.05] (0.05 for the default spread 0.5). The log T step is two
 * cells, at most tau/5, while the T-integrand is about tau/sqrt(#species)
 * wide, so the rectangle sum is accurate to far below the Monte Carlo noise
 * of any test (a Gaussian summed at 1 sd spacing is exact to ~1e-8).
 */
export function cellWidth(minTau: number): number {
  return Math.min(0.05, Math.max(0.0125, minTau / 10));
}
/** Measurement cells span [min(0.1 sd, 0.01 sd^2/|y|), max(y,0) + SPAN sd]. */
const SPAN = 10;

export interface MeasuredSpecies {
  readonly key: string;
  readonly mean: number;
  readonly sd: number;
}

/** Measurement likelihood cells for one species (independent of the profile). */
export interface MeasurementCells {
  readonly u0: number;
  readonly cells: Float64Array;
  readonly tail: number;
}

export function measurementCells(y: number, sd: number, H: number): MeasurementCells {
  // Below rLo the measurement density varies by < 1 % (|d log N/dr| = |y - r|/sd^2),
  // so the tail cell's uniform average is exact there. Cells must reach down this far
  // even when y >> sd: a profile that emits a species only at its floor fraction is
  // explained by rates near 0, and its evidence lives in that region.
  const rLo = Math.min(0.1 * sd, (0.01 * sd * sd) / Math.max(Math.abs(y), 1e-300));
  const rHi = Math.max(y, 0) + SPAN * sd;
  const u0 = Math.log(rLo);
  const J = Math.max(1, Math.ceil((Math.log(rHi) - u0) / H));
  const cells = new Float64Array(J);
  let rPrev = rLo;
  let zPrev = (rLo - y) / sd;
  for (let j = 0; j < J; j++) {
    const r = Math.exp(u0 + (j + 1) * H);
    const z = (r - y) / sd;
    cells[j] = normalMass(zPrev, z) / (r - rPrev);
    rPrev = r;
    zPrev = z;
  }
  const tail = normalMass(-y / sd, (rLo - y) / sd) / rLo;
  return { u0, cells, tail };
}

/** The log-total grid shared by all profiles of one classification. */
export interface TotalGrid {
  /** Cell width in log rate; the log T step is 2h. */
  readonly h: number;
  readonly t0: number;
  readonly count: number;
}

/**
 * Grid of log T: from 6 e-folds below the observed scale (where every
 * profile predicts ~nothing) to far enough above it that a profile can
 * explain a species from its floor fraction.
 */
export function totalGrid(measured: readonly MeasuredSpecies[], floor: number, h: number): TotalGrid {
  let scale = 0;
  for (const m of measured) scale += Math.max(m.mean, 0) + m.sd;
  const lo = Math.log(scale) - 6;
  const hi = Math.log(scale) + Math.log(1 / floor) + 3;
  return { h, t0: lo, count: Math.ceil((hi - lo) / (2 * h)) + 1 };
}

/**
 * Adds log I_s(T_i) for one species under one profile fraction to acc[i].
 * tau: log-normal spread; logF: log of the (floored) fraction.
 */
export function accumulateSpecies(acc: Float64Array, m: MeasurementCells, grid: TotalGrid, logF: number, tau: number): void {
  const NT = grid.count;
  const H = grid.h;
  const J = m.cells.length;
  const off = 2 * (NT - 1);
  const K = J + off + 1; // boundary index kk = j - 2i + off, j in [0, J]
  const c = m.u0 - grid.t0 - logF;
  const lower = new Float64Array(K); // Phi(z_kk): log-normal mass below boundary
  const mass = new Float64Array(K - 1); // mass between boundary kk and kk+1
  let zPrev = (c - off * H) / tau;
  lower[0] = normalCdf(zPrev);
  for (let kk = 1; kk < K; kk++) {
    const z = (c + (kk - off) * H) / tau;
    lower[kk] = normalCdf(z);
    mass[kk - 1] = normalMass(zPrev, z);
    zPrev = z;
  }
  const cells = m.cells;
  for (let i = 0; i < NT; i++) {
    const base = off - 2 * i;
    let s = m.tail * lower[base]!;
    for (let j = 0; j < J; j++) s += cells[j]! * mass[base + j]!;
    acc[i] = acc[i]! + (s > 0 ? Math.log(s) : -Infinity);
  }
}

/** log-sum-exp of a, -Infinity when every entry is. */
export function logSumExp(a: Float64Array): number {
  let max = -Infinity;
  for (let i = 0; i < a.length; i++) if (a[i]! > max) max = a[i]!;
  if (max === -Infinity) return -Infinity;
  let s = 0;
  for (let i = 0; i < a.length; i++) s += Math.exp(a[i]! - max);
  return max + Math.log(s);
}
