/**
 * How far apart crosswind transects go, and from how far downwind a plume
 * can be met at a given flight altitude. Both come from the plume package's
 * dispersion coefficients (sigma.ts) for the stability class and sigma set.
 *
 * Spacing: s = 2·sigma_y(x_ref), the plume's full ±1σ width at the reference
 * intercept range x_ref (default 300 m), clamped to [40, 150] m. This is the
 * simulator's convention (sim/src/survey.ts), on which the locate pipeline is
 * validated. The reason: a source between two lines is met by the next line
 * downwind at a range in [x0, x0 + s]; keeping s to the plume's width makes
 * the along-wind bracketing of the source as fine as the crosswind one
 * (~sigma_y), so neither direction limits the localisation.
 *
 * Intercept range: a plume from a source at height h reaches a flight level
 * z once |z - h| <= 2·sigma_z(x) (the flight level is inside the plume's
 * ±2σ vertical envelope, where the concentration is at least e^-2 of the
 * centreline's). `interceptRangeM` solves for the smallest such x.
 */
import { stabilityIndex, type StabilityClass } from '@nariz/core';
import { SIGMA_SET_INDEX, sigmaY, sigmaZ, type SigmaSet } from '@nariz/plume';

/** Representative downwind range at which a plume is intercepted, m. */
export const DEFAULT_REFERENCE_RANGE_M = 300;
export const MIN_SPACING_M = 40;
export const MAX_SPACING_M = 150;
/** The search for an intercept range stops here, m. */
export const MAX_INTERCEPT_RANGE_M = 50_000;

export interface PlumeModel {
  readonly stability: StabilityClass;
  readonly sigmaSet: SigmaSet;
}

export function plumeSigmaYM(m: PlumeModel, xM: number): number {
  return sigmaY(SIGMA_SET_INDEX[m.sigmaSet], stabilityIndex(m.stability), xM);
}

export function plumeSigmaZM(m: PlumeModel, xM: number): number {
  return sigmaZ(SIGMA_SET_INDEX[m.sigmaSet], stabilityIndex(m.stability), xM);
}

/** s = clamp(2·sigma_y(x_ref), 40, 150) m. */
export function transectSpacingM(m: PlumeModel, referenceRangeM = DEFAULT_REFERENCE_RANGE_M): number {
  return Math.min(MAX_SPACING_M, Math.max(MIN_SPACING_M, 2 * plumeSigmaYM(m, referenceRangeM)));
}

/**
 * Smallest downwind range x (m, >= 1) with 2·sigma_z(x) >= |dzM|, or
 * Infinity when the plume never spreads that far (sigma_z of stable classes
 * levels off: Briggs rural F stays below 54 m).
 */
export function interceptRangeM(m: PlumeModel, dzM: number): number {
  const need = Math.abs(dzM);
  const reach = (x: number): boolean => 2 * plumeSigmaZM(m, x) >= need;
  if (reach(1)) return 1;
  if (!reach(MAX_INTERCEPT_RANGE_M)) return Infinity;
  let lo = 1;
  let hi = MAX_INTERCEPT_RANGE_M;
  // sigma_z grows with x in every set, so bisection finds the first crossing; 50 halvings reach < 1e-10 m.
  for (let i = 0; i < 50 && hi - lo > 1e-6; i++) {
    const mid = 0.5 * (lo + hi);
    if (reach(mid)) hi = mid;
    else lo = mid;
  }
  return hi;
}
