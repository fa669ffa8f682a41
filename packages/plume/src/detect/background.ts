/**
 * Drifting per-species background and noise scale for a sensor series.
 *
 * Background: a running low quantile (default the 25th percentile) over a
 * centred time window (default 120 s), evaluated on nodes every windowS/4 and
 * linearly interpolated between them. Plumes are positive excursions, so a
 * low quantile is untouched by them until they fill ~(1 - q) of a window;
 * the running median breaks down at 50 % (Hampel 1974 breakdown point).
 * Cost: each sample falls in windowS/hopS = 4 windows and each window is
 * reduced by expected-linear selection, so O(n) amortised; scratch is one
 * buffer sized to the largest window.
 *
 * Noise: residuals from the running quantile are centred and scaled by the
 * median and MAD x 1.4826 (the Gaussian-consistent MAD; Rousseeuw & Croux
 * 1993), then iteratively sigma-clipped at +/- clipZ so that samples inside
 * plumes drop out and only samples near background remain. The clipped
 * median is the offset of the quantile below the noise centre (for Gaussian
 * noise -Phi^-1(q) sd, measured here rather than assumed) and is added back,
 * so `background` estimates the centre of the noise, not its low quantile.
 *
 * Assumes noise stationary over the series (one sd) and timeS non-decreasing.
 */
import { NarizError } from '@nariz/core';
import { quantileInPlace } from './select.js';

export interface BackgroundOptions {
  /** Running window width, s (default 120). */
  readonly windowS?: number;
  /** Quantile of the window taken as background before centring (default 0.25). */
  readonly quantile?: number;
  /** Node spacing, s (default windowS / 4). */
  readonly hopS?: number;
  /** Sigma-clipping half-width for the noise estimate, in sd (default 3). */
  readonly clipZ?: number;
  /** Lower bound on the returned sd, e.g. the sensor resolution (default 0). */
  readonly minNoiseSd?: number;
  /**
   * Detrending passes (default 2). A low quantile of a window sits below the
   * window's centre value when the background ramps across the window; each
   * further pass takes the running quantile of the series minus the previous
   * estimate, whose residual drift is much flatter, and adds it back.
   */
  readonly passes?: number;
}

export interface BackgroundEstimate {
  /** Per-sample background (centre of the noise), same unit as the values. */
  readonly background: Float64Array;
  /** Robust noise sd of values around background, same unit. */
  readonly noiseSd: number;
}

/** Gaussian consistency factor for the MAD: 1 / Phi^-1(3/4). */
export const MAD_TO_SD = 1.4826;
const MIN_NODE_SAMPLES = 3;
/**
 * The noise scale is estimated from at most this many evenly strided
 * residuals: the MAD's relative standard error is ~1.17/sqrt(m) (0.26 % at
 * 2e5), far inside any use of it, and the cost stays bounded for long series.
 */
const NOISE_SAMPLE_CAP = 200_000;

function strided(x: Float64Array, cap: number): Float64Array {
  if (x.length <= cap) return x;
  const stride = Math.ceil(x.length / cap);
  const out = new Float64Array(Math.ceil(x.length / stride));
  for (let i = 0, k = 0; i < x.length; i += stride, k++) out[k] = x[i]!;
  return out;
}

function checkSeries(timeS: Float64Array, values: Float64Array): void {
  const n = values.length;
  if (timeS.length !== n) throw new NarizError('NARIZ_USAGE', `timeS has ${timeS.length} samples but values has ${n}; pass arrays of one sortie`);
  if (n === 0) throw new NarizError('NARIZ_USAGE', 'cannot estimate a background from an empty series');
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(values[i]!) || !Number.isFinite(timeS[i]!)) {
      throw new NarizError('NARIZ_NUMERIC', `sample ${i} is not finite (t=${timeS[i]}, value=${values[i]}); drop or fill it before detection`);
    }
    if (i > 0 && timeS[i]! < timeS[i - 1]!) {
      throw new NarizError('NARIZ_USAGE', `timeS decreases at sample ${i}; sort the sortie by time first`);
    }
  }
}

/**
 * Running q-quantile over a centred window of windowS seconds, on nodes every
 * hopS seconds, linearly interpolated to every sample. Inputs are checked by
 * the caller (estimateBackground) or trusted.
 */
export function runningQuantile(timeS: Float64Array, values: Float64Array, windowS: number, hopS: number, q: number): Float64Array {
  const n = values.length;
  const out = new Float64Array(n);
  if (n === 0) return out;
  const t0 = timeS[0]!;
  const span = timeS[n - 1]! - t0;
  const nodes = Math.ceil(span / hopS) + 1;
  const loIdx = new Int32Array(nodes);
  const hiIdx = new Int32Array(nodes); // exclusive
  const half = windowS / 2;
  let lo = 0;
  let hi = 0;
  let maxCount = 0;
  for (let k = 0; k < nodes; k++) {
    const c = t0 + k * hopS;
    while (lo < n && timeS[lo]! < c - half) lo++;
    if (hi < lo) hi = lo;
    while (hi < n && timeS[hi]! <= c + half) hi++;
    loIdx[k] = lo;
    hiIdx[k] = hi;
    if (hi - lo > maxCount) maxCount = hi - lo;
  }
  // Bound: no window holds more than maxCount samples, so scratch never overflows.
  const scratch = new Float64Array(maxCount);
  const nodeVal = new Float64Array(nodes);
  let valid = 0;
  for (let k = 0; k < nodes; k++) {
    const a = loIdx[k]!;
    const m = hiIdx[k]! - a;
    if (m < MIN_NODE_SAMPLES) {
      nodeVal[k] = NaN;
      continue;
    }
    scratch.set(values.subarray(a, a + m));
    nodeVal[k] = quantileInPlace(scratch, m, q);
    valid++;
  }
  if (valid === 0) {
    // Too few samples for any window (very short or very sparse series): one global quantile.
    const all = Float64Array.from(values);
    out.fill(quantileInPlace(all, n, q));
    return out;
  }
  fillGaps(nodeVal);
  for (let i = 0; i < n; i++) {
    const x = (timeS[i]! - t0) / hopS;
    let k = Math.floor(x);
    if (k >= nodes - 1) k = nodes - 2;
    if (k < 0) {
      out[i] = nodeVal[0]!;
      continue;
    }
    const f = x - k;
    out[i] = nodeVal[k]! + f * (nodeVal[k + 1]! - nodeVal[k]!);
  }
  return out;
}

/** Replaces NaN nodes by linear interpolation between valid neighbours (constant beyond the ends). */
function fillGaps(v: Float64Array): void {
  const n = v.length;
  let prev = -1;
  for (let k = 0; k <= n; k++) {
    if (k < n && Number.isNaN(v[k]!)) continue;
    // k is valid (or n); fill (prev, k)
    for (let g = prev + 1; g < k; g++) {
      if (prev < 0) v[g] = v[k]!;
      else if (k === n) v[g] = v[prev]!;
      else v[g] = v[prev]! + ((g - prev) / (k - prev)) * (v[k]! - v[prev]!);
    }
    prev = k;
  }
}

/** Median and MAD-sd of x[0..m-1]; reorders `work` (length >= m) and leaves x intact. */
function medianMad(x: Float64Array, m: number, work: Float64Array): { centre: number; sd: number } {
  work.set(x.subarray(0, m));
  const centre = quantileInPlace(work, m, 0.5);
  for (let i = 0; i < m; i++) work[i] = Math.abs(x[i]! - centre);
  const mad = quantileInPlace(work, m, 0.5);
  return { centre, sd: MAD_TO_SD * mad };
}

/**
 * Robust centre and sd of residuals by iterated sigma clipping around the
 * median with a MAD scale. Returns sd 0 when more than half of the residuals
 * are identical (quantised flat signal); the caller falls back.
 */
export function robustCentreScale(residual: Float64Array, clipZ: number): { centre: number; sd: number } {
  const n = residual.length;
  const kept = new Float64Array(n);
  const work = new Float64Array(n);
  let { centre, sd } = medianMad(residual, n, work);
  for (let iter = 0; iter < 8 && sd > 0; iter++) {
    let m = 0;
    const lo = centre - clipZ * sd;
    const hi = centre + clipZ * sd;
    for (let i = 0; i < n; i++) {
      const r = residual[i]!;
      if (r >= lo && r <= hi) kept[m++] = r;
    }
    if (m < MIN_NODE_SAMPLES) break;
    const next = medianMad(kept, m, work);
    const done = Math.abs(next.sd - sd) <= 1e-4 * sd && Math.abs(next.centre - centre) <= 1e-4 * sd;
    centre = next.centre;
    sd = next.sd;
    if (done) break;
  }
  return { centre, sd };
}

export function estimateBackground(timeS: Float64Array, values: Float64Array, opts: BackgroundOptions = {}): BackgroundEstimate {
  const windowS = opts.windowS ?? 120;
  const q = opts.quantile ?? 0.25;
  const hopS = opts.hopS ?? windowS / 4;
  const clipZ = opts.clipZ ?? 3;
  const minNoiseSd = opts.minNoiseSd ?? 0;
  const passes = opts.passes ?? 2;
  if (!(windowS > 0) || !Number.isFinite(windowS)) throw new NarizError('NARIZ_USAGE', `windowS must be a positive number of seconds, got ${windowS}`);
  if (!(hopS > 0) || hopS > windowS) throw new NarizError('NARIZ_USAGE', `hopS must be in (0, windowS], got ${hopS}`);
  if (!(q > 0 && q < 1)) throw new NarizError('NARIZ_USAGE', `quantile must be in (0, 1), got ${q}; 0.2-0.3 keeps plumes out`);
  if (!(clipZ >= 2)) throw new NarizError('NARIZ_USAGE', `clipZ must be >= 2, got ${clipZ}`);
  if (!(minNoiseSd >= 0) || !Number.isFinite(minNoiseSd)) throw new NarizError('NARIZ_USAGE', `minNoiseSd must be finite and >= 0, got ${minNoiseSd}`);
  if (!Number.isInteger(passes) || passes < 1 || passes > 5) throw new NarizError('NARIZ_USAGE', `passes must be an integer in 1..5, got ${passes}`);
  checkSeries(timeS, values);
  const n = values.length;
  const background = runningQuantile(timeS, values, windowS, hopS, q);
  const residual = new Float64Array(n);
  for (let i = 0; i < n; i++) residual[i] = values[i]! - background[i]!;
  for (let pass = 1; pass < passes; pass++) {
    const correction = runningQuantile(timeS, residual, windowS, hopS, q);
    for (let i = 0; i < n; i++) {
      background[i] = background[i]! + correction[i]!;
      residual[i] = values[i]! - background[i]!;
    }
  }
  const { centre, sd: madSd } = robustCentreScale(strided(residual, NOISE_SAMPLE_CAP), clipZ);
  for (let i = 0; i < n; i++) background[i] = background[i]! + centre;
  let sd = madSd;
  if (!(sd > 0)) {
    // Quantised, mostly flat signal: the MAD is 0. Fall back to the mean absolute
    // deviation (x sqrt(pi/2), Gaussian-consistent), which sees the minority of non-flat samples.
    let s = 0;
    for (let i = 0; i < n; i++) s += Math.abs(residual[i]! - centre);
    sd = (1.2533141373155 * s) / n;
  }
  if (sd < minNoiseSd) sd = minNoiseSd;
  // A perfectly constant series has no noise; any positive value keeps z finite (its excess is 0).
  if (!(sd > 0)) sd = Number.MIN_VALUE;
  return { background, noiseSd: sd };
}
