/**
 * From grid posteriors to reported numbers: position and rate draws,
 * the model-structure floors, and the per-source summaries.
 */
import type { Rng } from '@nariz/core';
import type { SteProblem } from './problem.js';
import { kernelAtSamples, type ScanOptions } from './scan.js';
import { principalAxes, type GridPosterior } from './grid-posterior.js';
import { normalQuantile, normalCdf } from '../numeric/normal.js';
import type { SourceEstimate } from './types.js';

const CHI2_2DOF_95 = 5.991464547107979;

/**
 * Model-structure floor on position uncertainty, as fractions of the distance
 * from the source to the nearest receptor that sees its plume. Dispersion
 * coefficients are uncertain by tens of percent even over flat terrain
 * (Hanna, Briggs & Hosker 1982, ch. 4; Irwin 1983), and the along-wind
 * position is read from how fast the plume spreads, so it cannot be known
 * better than a comparable fraction of that distance however strong the
 * signal; crosswind, the floor is the meander angle (at least 0.05 rad).
 * The along-wind fraction is calibrated on the simulator over 48 scenarios
 * (coverage of the 95 % radius / ellipse: 0.15 gave 97.7 / 99.2 %, 0.12
 * 93.8 / 96.9 %, 0.10 92.2 / 94.5 %; measured 2026-11-27, after the
 * along-wind bias of a meander-widened plume was removed).
 */
export const STRUCTURE_ALONG_FRACTION = 0.12;

/**
 * Model-structure floor on emission rates: a log-normal factor common to all
 * species of a source (ln sd 0.25: ~95 % of draws within a factor of 1.6).
 * A single Gaussian-plume prediction of concentration is within a factor of
 * two of observation only half to three-quarters of the time (Hanna 1989;
 * Chang & Hanna 2004, FAC2), but a rate fitted to many crossings averages
 * much of that scatter away. The value is calibrated on the simulator over
 * 48 scenarios: with the tempering capped at three data per crossing
 * (locate-sortie.ts), 0.2 made the 95 % intervals cover 92.2 % of 346 true
 * rates and 0.25 94.2 % (with one datum per crossing, 0.35 covered 99 %;
 * measured 2026-11-27). Field data with a plume model further from the
 * truth than the simulator's will need it wider.
 * Common to all species, so species ratios — what classification uses —
 * are unchanged.
 */
export const STRUCTURE_RATE_LOG_SD = 0.25;

export const STRUCTURE_CROSS_MIN_RAD = 0.05;

function drawTruncNormal(rng: Rng, mu: number, sd: number, lo: number, hi: number): number {
  const a = normalCdf((lo - mu) / sd);
  const b = normalCdf((hi - mu) / sd);
  if (!(b - a > 1e-300)) return mu < lo ? lo : hi;
  const u = a + rng.next() * (b - a);
  const x = mu + sd * normalQuantile(Math.min(Math.max(u, 1e-300), 1 - 1e-16));
  return Math.min(hi, Math.max(lo, x));
}

export interface SourceDraws {
  e: Float64Array;
  n: Float64Array;
  rates: Float64Array[]; // per species
}

/** One set of draws from consecutive chunks (each chunk a mixture component). */
export function concatDraws(chunks: readonly SourceDraws[], S: number): SourceDraws {
  const total = chunks.reduce((a, c) => a + c.e.length, 0);
  const out: SourceDraws = { e: new Float64Array(total), n: new Float64Array(total), rates: Array.from({ length: S }, () => new Float64Array(total)) };
  let off = 0;
  for (const c of chunks) {
    out.e.set(c.e, off);
    out.n.set(c.n, off);
    for (let s = 0; s < S; s++) out.rates[s]!.set(c.rates[s]!, off);
    off += c.e.length;
  }
  return out;
}

/** Draw positions and rates from a grid posterior (cell by weight, uniform jitter in the cell, rate from its truncated normal). */
export function drawFromGrid(post: GridPosterior, S: number, rateMax: Float64Array, count: number, rng: Rng): SourceDraws {
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
export function addStructureUncertainty(d: SourceDraws, post: GridPosterior, scan: ScanOptions, p: SteProblem, rng: Rng): void {
  const k = kernelAtSamples(p, post.meanE, post.meanN, scan);
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

export function summarise(d: SourceDraws, probability: number, structureRng?: Rng): SourceEstimate {
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
export function existenceProbability(post: GridPosterior, logArea: number, logPriorOdds: number): number {
  const g = post.logZ - logArea + logPriorOdds;
  return g > 40 ? 1 : 1 / (1 + Math.exp(-g));
}
