/**
 * The true wind: a mean vector plus slow direction meander and speed gusts,
 * each an Ornstein–Uhlenbeck (OU) process — the continuous-time AR(1) that
 * is the standard minimal model of a stationary turbulent velocity with an
 * exponential autocorrelation exp(-|lag|/T) (Taylor 1921; Pope 2000, §12.3;
 * Gardiner, "Stochastic Methods", §3.8.4 for the exact discretisation).
 *
 * The wind is uniform in space and varies in time. A puff emitted at t_e
 * and seen at t has been carried by the wind integrated over [t_e, t], so
 * the plume a sample sees points along the direction averaged over the
 * travel time x/u, not the direction at the drone: this is what makes
 * plumes snake between transects.
 */
import { windFromToUv, type Rng } from '@nariz/core';
import { MIN_WIND_MPS } from '@nariz/plume';
import type { WindSpec } from './scenario.js';
import { streamRng } from './streams.js';

/** Integral time scale of the speed fluctuations (gusts), s. */
export const GUST_TIMESCALE_S = 20;

/** An OU process sampled on a regular grid, with its running integral for window means. */
export interface OuSeries {
  readonly t0: number;
  readonly dtS: number;
  readonly values: Float64Array;
  /** integral[k] = ∫ from t0 to t0 + k·dt of the piecewise-linear process. */
  readonly integral: Float64Array;
}

/**
 * OU with zero mean, stationary standard deviation `sd` and time scale
 * `timescaleS` on [t0, t1] with step dtS, started from its stationary law.
 * Exact update: x' = rho x + sd sqrt(1 - rho^2) N(0,1), rho = exp(-dt/T).
 */
export function ouSeries(rng: Rng, sd: number, timescaleS: number, t0: number, t1: number, dtS: number): OuSeries {
  const n = Math.max(2, Math.ceil((t1 - t0) / dtS) + 1);
  const values = new Float64Array(n);
  const integral = new Float64Array(n);
  const rho = Math.exp(-dtS / timescaleS);
  const kick = sd * Math.sqrt(1 - rho * rho);
  let x = sd * rng.normal();
  values[0] = x;
  for (let k = 1; k < n; k++) {
    const prev = x;
    x = rho * x + kick * rng.normal();
    values[k] = x;
    integral[k] = integral[k - 1]! + 0.5 * dtS * (prev + x);
  }
  return { t0, dtS, values, integral };
}

/** Value at t by linear interpolation; held constant outside the grid. */
export function ouAt(s: OuSeries, t: number): number {
  const n = s.values.length;
  const u = (t - s.t0) / s.dtS;
  if (u <= 0) return s.values[0]!;
  if (u >= n - 1) return s.values[n - 1]!;
  const k = Math.floor(u);
  const f = u - k;
  const a = s.values[k]!;
  return a + f * (s.values[k + 1]! - a);
}

function integralTo(s: OuSeries, t: number): number {
  const n = s.values.length;
  const u = (t - s.t0) / s.dtS;
  if (u <= 0) return (t - s.t0) * s.values[0]!;
  if (u >= n - 1) return s.integral[n - 1]! + (t - s.t0 - (n - 1) * s.dtS) * s.values[n - 1]!;
  const k = Math.floor(u);
  return s.integral[k]! + 0.5 * (t - s.t0 - k * s.dtS) * (s.values[k]! + ouAt(s, t));
}

/** Mean of the process over [tA, tB]; the value at tB when the window is empty. */
export function ouMean(s: OuSeries, tA: number, tB: number): number {
  const w = tB - tA;
  if (!(w > 1e-9)) return ouAt(s, tB);
  return (integralTo(s, tB) - integralTo(s, tA)) / w;
}

/** A wind sample: speed (m/s), direction from (degrees) and its (u, v) toward east/north. */
export interface WindSample {
  readonly speedMps: number;
  readonly fromDeg: number;
  readonly u: number;
  readonly v: number;
}

/**
 * The true wind over a time window. Direction deviations are in degrees and
 * are not wrapped (meander sd is tens of degrees at most); speed is the mean
 * plus the gust deviation, floored at MIN_WIND_MPS.
 */
export class MeanderWind {
  readonly spec: WindSpec;
  readonly direction: OuSeries;
  readonly gust: OuSeries;

  /** Covers [t0, t1]; use streams derived from `seed` so the wind is independent of every other process. */
  constructor(spec: WindSpec, seed: number, t0: number, t1: number, stepS: number) {
    this.spec = spec;
    this.direction = ouSeries(streamRng(seed, 'wind-direction'), spec.meanderSdDeg, spec.meanderTimescaleS, t0, t1, stepS);
    this.gust = ouSeries(streamRng(seed, 'wind-gust'), spec.speedGustSd, GUST_TIMESCALE_S, t0, t1, stepS);
  }

  private sample(dirDev: number, gustDev: number): WindSample {
    const fromDeg = this.spec.fromDeg + dirDev;
    const speedMps = Math.max(MIN_WIND_MPS, this.spec.speedMps + gustDev);
    const [u, v] = windFromToUv(speedMps, fromDeg);
    return { speedMps, fromDeg, u, v };
  }

  /** The wind at the drone at time t. */
  at(t: number): WindSample {
    return this.sample(ouAt(this.direction, t), ouAt(this.gust, t));
  }

  /** The wind averaged over [tA, tB] (the wind that carried a puff over that interval). */
  mean(tA: number, tB: number): WindSample {
    return this.sample(ouMean(this.direction, tA, tB), ouMean(this.gust, tA, tB));
  }

  /**
   * The wind that carried air from a source at (srcE, srcN) to a receptor
   * at (e, n) arriving at time t: the mean over the travel window
   * [t - x/u, t], where x is the downwind distance. x depends on the
   * direction, so the window is found by two fixed-point passes from the
   * instantaneous wind (ample: a 10 degree change alters x by 1.5 %).
   * Receptors upwind (x <= 0) get the instantaneous wind.
   */
  transport(t: number, srcE: number, srcN: number, e: number, n: number): WindSample {
    const de = e - srcE;
    const dn = n - srcN;
    let w = this.at(t);
    for (let pass = 0; pass < 2; pass++) {
      const x = (de * w.u + dn * w.v) / w.speedMps;
      if (!(x > 0)) return w;
      w = this.mean(t - x / w.speedMps, t);
    }
    return w;
  }
}
