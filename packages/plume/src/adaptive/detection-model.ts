/**
 * The planner's observation model for one stretch ("bin") of a planned
 * path: the mean of the ensemble-mean Gaussian plume over the bin, and the
 * probability that the readings there show the plume.
 *
 * - Plume: `gaussian.ts`'s kernel (ground reflection, the estimator's sigma
 *   sets) averaged over the straight bin: the crosswind Gaussian exactly
 *   (an error-function difference), the along-wind and vertical terms at
 *   the midpoint of the bin's downwind part, the upwind part counting
 *   zero. A bin at least as long as the distance flown in one sensor time
 *   constant makes the mean a fair stand-in for what a lagged sensor
 *   reports (a plume narrower than speed × lag is smeared over that
 *   distance). The crosswind sigma is widened by the direction's
 *   uncertainty over the next minutes, sigma_y^2 + (x·theta)^2 (Gifford
 *   1959): the wind the drone will meet is not yet measured.
 * - Detection: with expected signal-to-noise ratio mu, a reading is
 *   Gaussian with mean mu and sd sqrt(1 + (alpha·mu)^2) in noise units —
 *   the estimator's variance model, sensor noise plus a relative model
 *   error (source-term-estimation.md) — and "shows the plume" when it
 *   exceeds `thresholdSd`. The false-alarm rate of that threshold is
 *   removed (p = 0 at mu = 0), so only the plume carries information, and
 *   signals below SNR_NEGLIGIBLE count as none (p < 3e-4 there), which
 *   lets the kernels skip every hypothesis a bin cannot see.
 * - Normal integrals use fast-normal.ts (error <= 1.5e-7): a model, not a
 *   likelihood, so precision beyond that buys nothing.
 */
import { sigmaY, sigmaZ } from '../sigma.js';
import { MIN_WIND_MPS } from '../gaussian.js';
import { fastNormalMass, fastNormalSf } from './fast-normal.js';

/** Expected signal-to-noise ratios below this give detection probability 0. */
export const SNR_NEGLIGIBLE = 0.05;

const SQRT_2PI = Math.sqrt(2 * Math.PI);

export interface DetectionModel {
  /** Sigma set index (SIGMA_SET_INDEX). */
  readonly sigmaSet: number;
  /** A reading shows the plume above this many noise sd. */
  readonly thresholdSd: number;
  /** Relative model error alpha of a reading (the estimator's; 0.5 by default there). */
  readonly relativeError: number;
}

export interface PlanningWind {
  /** Unit vector the wind blows toward (east, north). */
  readonly towardE: number;
  readonly towardN: number;
  readonly speedMps: number;
  /** Uncertainty of the plume direction over the planning horizon, rad. */
  readonly directionSdRad: number;
}

/**
 * Mean unit-rate concentration (s/m^3) over the straight bin from (x0, y0)
 * to (x1, y1) — downwind and crosswind of the source, m — at receptor
 * height zM, for a source of height hM in class `stability`.
 */
export function binMeanPlume(sigmaSet: number, stability: number, hM: number, speedMps: number, thetaRad: number, x0: number, y0: number, x1: number, y1: number, zM: number): number {
  ONE_STABILITY[0] = stability;
  ONE_HEIGHT[0] = hM;
  binMeanPlumeShapes(sigmaSet, ONE_STABILITY, ONE_HEIGHT, 1, speedMps, thetaRad, x0, y0, x1, y1, zM, ONE_OUT);
  return ONE_OUT[0]!;
}

const ONE_STABILITY = new Int32Array(1);
const ONE_HEIGHT = new Float64Array(1);
const ONE_OUT = new Float64Array(1);

/**
 * `binMeanPlume` for several plume shapes at once: shape s has class
 * stability[s] and vent height heightM[s]; out[s] gets its mean. Shapes
 * that follow one another in the same class share the sigmas and the
 * crosswind integral (only the vertical term depends on the height).
 */
export function binMeanPlumeShapes(sigmaSet: number, stability: Int32Array, heightM: Float64Array, shapes: number, speedMps: number, thetaRad: number, x0: number, y0: number, x1: number, y1: number, zM: number, out: Float64Array): void {
  if (x0 <= 0 && x1 <= 0) {
    out.fill(0, 0, shapes);
    return;
  }
  let xa = x0;
  let ya = y0;
  let xb = x1;
  let yb = y1;
  let frac = 1;
  // Only the downwind part of the bin sees the plume.
  if (xa <= 0) {
    const t = xa / (xa - xb);
    ya += t * (yb - ya);
    xa = 0;
    frac = 1 - t;
  } else if (xb <= 0) {
    const t = xb / (xb - xa);
    yb += t * (ya - yb);
    xb = 0;
    frac = 1 - t;
  }
  const xm = 0.5 * (xa + xb);
  const wy = xm * thetaRad;
  const z = zM < 0 ? 0 : zM;
  const dy = Math.abs(yb - ya);
  const u = speedMps < MIN_WIND_MPS ? MIN_WIND_MPS : speedMps;
  let k = -1;
  let sz = 0;
  let common = 0;
  for (let s = 0; s < shapes; s++) {
    if (stability[s] !== k) {
      k = stability[s]!;
      const sy = sigmaY(sigmaSet, k, xm);
      sz = sigmaZ(sigmaSet, k, xm);
      const se = Math.sqrt(sy * sy + wy * wy);
      let gy: number;
      if (dy < 1e-3 * se) {
        const ym = 0.5 * (ya + yb);
        gy = Math.exp((-ym * ym) / (2 * se * se));
      } else {
        const lo = Math.min(ya, yb) / se;
        const hi = Math.max(ya, yb) / se;
        gy = (se * SQRT_2PI * fastNormalMass(lo, hi)) / dy;
      }
      common = (frac * gy) / (2 * Math.PI * u * se * sz);
    }
    const h = heightM[s]!;
    const d1 = z - h;
    const d2 = z + h;
    out[s] = common * (Math.exp((-d1 * d1) / (2 * sz * sz)) + Math.exp((-d2 * d2) / (2 * sz * sz)));
  }
}

/**
 * Probability that a bin whose expected signal-to-noise ratio is `snr`
 * shows the plume, false alarms removed:
 * (P(N(snr, 1 + (alpha snr)^2) > t) - P(N(0,1) > t)) / (1 - P(N(0,1) > t)).
 */
export function detectionProbability(snr: number, m: DetectionModel): number {
  if (!(snr >= SNR_NEGLIGIBLE)) return 0;
  const a = m.relativeError * snr;
  const s = Math.sqrt(1 + a * a);
  const f0 = fastNormalSf(m.thresholdSd);
  const p = fastNormalSf((m.thresholdSd - snr) / s);
  return p > f0 ? (p - f0) / (1 - f0) : 0;
}

/**
 * Half-width beyond which a bin at downwind distance up to xMaxM cannot see
 * a plume of any class at least as wide as `widestStability` (smaller index
 * = wider): 6 widened sigmas, where the Gaussian is below 1.6e-8 of its peak
 * (a plume whose peak SNR is below 3e6 is then under SNR_NEGLIGIBLE there).
 */
export function visibleHalfWidthM(sigmaSet: number, widestStability: number, thetaRad: number, xMaxM: number): number {
  const sy = sigmaY(sigmaSet, widestStability, xMaxM);
  const wy = xMaxM * thetaRad;
  return 6 * Math.sqrt(sy * sy + wy * wy);
}
