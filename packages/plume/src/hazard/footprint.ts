/**
 * The footprint of a threshold in the steady Gaussian plume, in the wind
 * frame (x downwind, y to the left of the downwind direction, metres).
 *
 * Because the plume is Gaussian crosswind, C(x, y, z) = C_c(x) exp(-y^2 / 2 sy^2)
 * with C_c the centreline value at receptor height z. The threshold contour
 * C = T is therefore, wherever C_c(x) >= T,
 *
 *   y(x) = ± sy(x) sqrt(2 ln(C_c(x) / T)),
 *
 * and the footprint is the union of the x-intervals where C_c >= T with that
 * half-width. The intervals are found on a log-spaced grid and their ends
 * refined by bisection; an elevated source's interval starts downstream.
 */
import { NarizError } from '@nariz/core';
import { plumeUnit, type PlumeParams } from '../gaussian.js';
import { MIN_DOWNWIND_M, sigmaY } from '../sigma.js';

/** A ring of [x, y] vertices, closed (last vertex equals the first). */
export type PlanarRing = Array<[number, number]>;

export interface CentrelineModel {
  readonly plume: PlumeParams;
  /** Emission rate, kg/s. */
  readonly rateKgS: number;
  readonly windSpeedMps: number;
  /** Receptor height above ground, m. */
  readonly receptorHeightM: number;
}

export interface ExceedanceSearchOptions {
  /** Upper end of the downwind search, m (default 50 km). */
  readonly maxRangeM?: number;
  /** Log-grid density (default 100 per decade: neighbours 2.3 % apart). */
  readonly samplesPerDecade?: number;
}

export interface ExceedanceInterval {
  /** Where C_c first reaches T, m; MIN_DOWNWIND_M when the zone begins at the source. */
  readonly startM: number;
  readonly endM: number;
  /** True when the zone reaches back to the source (C_c >= T already at MIN_DOWNWIND_M). */
  readonly fromSource: boolean;
  /** True when C_c >= T still at the end of the search range. */
  readonly truncated: boolean;
}

export interface ExceedanceSearch {
  readonly intervals: ExceedanceInterval[];
  /** Largest centreline concentration at receptor height, kg/m^3, and where. */
  readonly peakKgM3: number;
  readonly peakXM: number;
}

export const DEFAULT_MAX_RANGE_M = 50_000;
const GOLDEN = (Math.sqrt(5) - 1) / 2;

/** Centreline concentration C_c(x) in kg/m^3 at the receptor height. */
export function centrelineKgM3(m: CentrelineModel, xM: number): number {
  return m.rateKgS * plumeUnit(m.plume, xM, 0, m.receptorHeightM, m.windSpeedMps);
}

/** Concentration anywhere in the wind frame, kg/m^3. */
export function concentrationKgM3(m: CentrelineModel, xM: number, yM: number): number {
  return m.rateKgS * plumeUnit(m.plume, xM, yM, m.receptorHeightM, m.windSpeedMps);
}

/** Half-width of the threshold contour at x, m; 0 where C_c(x) < T. */
export function halfWidthM(m: CentrelineModel, thresholdKgM3: number, xM: number): number {
  const c = centrelineKgM3(m, xM);
  if (!(c > thresholdKgM3)) return 0;
  const sy = sigmaY(m.plume.sigmaSet, m.plume.stability, xM);
  return sy * Math.sqrt(2 * Math.log(c / thresholdKgM3));
}

function finite(v: number, what: string): number {
  if (!Number.isFinite(v)) throw new NarizError('NARIZ_NUMERIC', `hazard zone: ${what} is not finite (${v})`);
  return v;
}

/** Golden-section maximum of f on [lo, hi] in ln x (f unimodal there). */
function maximiseLog(f: (x: number) => number, lo: number, hi: number, iterations = 80): { x: number; v: number } {
  let a = Math.log(lo);
  let b = Math.log(hi);
  let c = b - GOLDEN * (b - a);
  let d = a + GOLDEN * (b - a);
  let fc = f(Math.exp(c));
  let fd = f(Math.exp(d));
  for (let i = 0; i < iterations && b - a > 1e-12; i++) {
    if (fc >= fd) {
      b = d;
      d = c;
      fd = fc;
      c = b - GOLDEN * (b - a);
      fc = f(Math.exp(c));
    } else {
      a = c;
      c = d;
      fc = fd;
      d = a + GOLDEN * (b - a);
      fd = f(Math.exp(d));
    }
  }
  return fc >= fd ? { x: Math.exp(c), v: fc } : { x: Math.exp(d), v: fd };
}

/**
 * The crossing of f = t between `below` (f < t) and `above` (f >= t), to
 * 1e-9 relative or 1 µm. Tighter than 0.1 m on purpose: near a 100 m zone's
 * tip C falls ~2 % per metre, so 0.1 m would already be a 0.2 % error in C.
 */
export function bisectCrossing(f: (x: number) => number, t: number, below: number, above: number): number {
  let lo = below;
  let hi = above;
  for (let i = 0; i < 200; i++) {
    if (Math.abs(hi - lo) <= Math.max(1e-6, 1e-9 * Math.abs(hi))) break;
    const mid = 0.5 * (lo + hi);
    if (finite(f(mid), 'centreline concentration') >= t) hi = mid;
    else lo = mid;
  }
  return 0.5 * (lo + hi);
}

/**
 * The downwind intervals where C_c(x) >= T, searched from MIN_DOWNWIND_M to
 * maxRangeM. The grid's peak is refined by golden section so a zone narrower
 * than the grid spacing around the peak (elevated source, T just under the
 * maximum) is still found, and so "no zone" reports the true maximum.
 */
export function findExceedance(m: CentrelineModel, thresholdKgM3: number, opts: ExceedanceSearchOptions = {}): ExceedanceSearch {
  const xMin = MIN_DOWNWIND_M;
  const xMax = opts.maxRangeM ?? DEFAULT_MAX_RANGE_M;
  if (!(xMax > xMin * 10)) throw new NarizError('NARIZ_USAGE', `hazard zone: search range ${xMax} m must exceed ${xMin * 10} m`);
  if (!(thresholdKgM3 > 0)) throw new NarizError('NARIZ_USAGE', `hazard zone: threshold must be positive (got ${thresholdKgM3} kg/m3)`);
  const perDecade = opts.samplesPerDecade ?? 100;
  const n = Math.max(16, Math.ceil(Math.log10(xMax / xMin) * perDecade));
  const f = (x: number): number => centrelineKgM3(m, x);

  const xs: number[] = [];
  const cs: number[] = [];
  let best = 0;
  for (let i = 0; i <= n; i++) {
    const x = xMin * Math.pow(xMax / xMin, i / n);
    xs.push(x);
    cs.push(finite(f(x), `centreline concentration at ${x} m`));
    if (cs[i]! > cs[best]!) best = i;
  }
  const peak = maximiseLog(f, xs[Math.max(0, best - 1)]!, xs[Math.min(n, best + 1)]!);
  let peakXM = xs[best]!;
  let peakKgM3 = cs[best]!;
  if (peak.v > peakKgM3) {
    peakXM = peak.x;
    peakKgM3 = peak.v;
    if (peakKgM3 >= thresholdKgM3 && cs[best]! < thresholdKgM3) {
      // The grid stepped over a narrow exceedance: add the peak as a sample.
      const at = xs.findIndex((x) => x > peakXM);
      xs.splice(at, 0, peakXM);
      cs.splice(at, 0, peakKgM3);
    }
  }

  const intervals: ExceedanceInterval[] = [];
  const last = xs.length - 1;
  for (let i = 0; i <= last; i++) {
    if (cs[i]! < thresholdKgM3) continue;
    let j = i;
    while (j < last && cs[j + 1]! >= thresholdKgM3) j++;
    const fromSource = i === 0;
    const truncated = j === last;
    const startM = fromSource ? xMin : bisectCrossing(f, thresholdKgM3, xs[i - 1]!, xs[i]!);
    const endM = truncated ? xMax : bisectCrossing(f, thresholdKgM3, xs[j + 1]!, xs[j]!);
    intervals.push({ startM, endM, fromSource, truncated });
    i = j;
  }
  return { intervals, peakKgM3, peakXM };
}

/**
 * Downwind stations for one interval, clustered at both ends: cosine
 * (Chebyshev-like) spacing in ln x. The contour's half-width behaves like
 * sqrt(distance to a tip), so clustering as t^2 there makes the polygon's
 * edges near the tip as accurate as elsewhere.
 */
export function footprintStations(startM: number, endM: number, count: number): Float64Array {
  const out = new Float64Array(count + 1);
  const a = Math.log(startM);
  const b = Math.log(endM);
  for (let i = 0; i <= count; i++) out[i] = Math.exp(a + (b - a) * 0.5 * (1 - Math.cos((Math.PI * i) / count)));
  out[0] = startM;
  out[count] = endM;
  return out;
}

export interface FootprintPart {
  readonly interval: ExceedanceInterval;
  /** Closed, counter-clockwise ring in the wind frame. */
  readonly ring: PlanarRing;
  readonly maxHalfWidthM: number;
  readonly xAtMaxHalfWidthM: number;
}

/**
 * The polygon of one exceedance interval: the right-hand contour (y < 0)
 * outward, the left-hand one back. Tips (where C_c = T) get half-width 0
 * exactly; a zone reaching the source is closed through the source point.
 * `verticesPerSide` is the number of segments per side (>= 16).
 */
export function footprintPart(m: CentrelineModel, thresholdKgM3: number, interval: ExceedanceInterval, verticesPerSide = 128): FootprintPart {
  const n = Math.max(16, Math.floor(verticesPerSide));
  const xs = footprintStations(interval.startM, interval.endM, n);
  const hs = new Float64Array(n + 1);
  let k = 0;
  for (let i = 0; i <= n; i++) {
    const tip = (i === 0 && !interval.fromSource) || (i === n && !interval.truncated);
    hs[i] = tip ? 0 : halfWidthM(m, thresholdKgM3, xs[i]!);
    if (hs[i]! > hs[k]!) k = i;
  }
  const w = maximiseLog((x) => halfWidthM(m, thresholdKgM3, x), xs[Math.max(0, k - 1)]!, xs[Math.min(n, k + 1)]!);
  const maxHalfWidthM = Math.max(w.v, hs[k]!);
  const xAtMaxHalfWidthM = w.v > hs[k]! ? w.x : xs[k]!;

  const ring: PlanarRing = [];
  if (interval.fromSource) ring.push([0, 0]);
  for (let i = 0; i <= n; i++) ring.push([xs[i]!, -hs[i]!]);
  for (let i = n; i >= 0; i--) {
    if (hs[i] === 0 && (i === n || i === 0)) continue; // tip already emitted by the right-hand side
    ring.push([xs[i]!, hs[i]!]);
  }
  ring.push([ring[0]![0], ring[0]![1]]);
  return { interval, ring, maxHalfWidthM, xAtMaxHalfWidthM };
}
