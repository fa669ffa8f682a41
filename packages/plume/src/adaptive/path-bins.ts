/**
 * A planned path cut into bins, in the wind's frame: a (along, toward where
 * the wind blows) and c (crosswind, 90 degrees anticlockwise of it), the
 * frame `gaussian.ts` measures downwind x and crosswind y in. Each leg is
 * split into equal bins no longer than the bin length.
 */
import type { PlanningWind } from './detection-model.js';

export interface PathBins {
  readonly count: number;
  readonly a0: Float64Array;
  readonly c0: Float64Array;
  readonly a1: Float64Array;
  readonly c1: Float64Array;
  /** Extent of the bins' end points: along-wind max, crosswind min and max, m. */
  readonly aMax: number;
  readonly cMin: number;
  readonly cMax: number;
}

/** Along-wind and crosswind coordinates of (east, north). */
export function toWindFrame(w: PlanningWind, east: number, north: number): [number, number] {
  return [east * w.towardE + north * w.towardN, -east * w.towardN + north * w.towardE];
}

/**
 * Bins of the polyline through (east[i], north[i]), i < points: no longer
 * than binLengthM, nor more than about maxBins in all (a long path gets
 * longer bins: its (first, last) tables grow as the square of the bins a
 * plume covers).
 */
export function binPath(east: ArrayLike<number>, north: ArrayLike<number>, points: number, binLengthM: number, w: PlanningWind, maxBins = Infinity): PathBins {
  if (!(binLengthM > 0)) throw new RangeError(`binPath: binLengthM must be > 0, got ${binLengthM}`);
  let total = 0;
  for (let i = 0; i + 1 < points; i++) total += Math.hypot(east[i + 1]! - east[i]!, north[i + 1]! - north[i]!);
  if (total / binLengthM > maxBins) binLengthM = total / maxBins;
  let count = 0;
  for (let i = 0; i + 1 < points; i++) {
    const len = Math.hypot(east[i + 1]! - east[i]!, north[i + 1]! - north[i]!);
    if (len > 0) count += Math.max(1, Math.ceil(len / binLengthM - 1e-9));
  }
  const a0 = new Float64Array(count);
  const c0 = new Float64Array(count);
  const a1 = new Float64Array(count);
  const c1 = new Float64Array(count);
  let aMax = -Infinity;
  let cMin = Infinity;
  let cMax = -Infinity;
  let j = 0;
  for (let i = 0; i + 1 < points; i++) {
    const [as, cs] = toWindFrame(w, east[i]!, north[i]!);
    const [ae, ce] = toWindFrame(w, east[i + 1]!, north[i + 1]!);
    const len = Math.hypot(east[i + 1]! - east[i]!, north[i + 1]! - north[i]!);
    if (!(len > 0)) continue;
    const k = Math.max(1, Math.ceil(len / binLengthM - 1e-9));
    for (let q = 0; q < k; q++) {
      a0[j] = as + ((ae - as) * q) / k;
      c0[j] = cs + ((ce - cs) * q) / k;
      a1[j] = as + ((ae - as) * (q + 1)) / k;
      c1[j] = cs + ((ce - cs) * (q + 1)) / k;
      j++;
    }
    aMax = Math.max(aMax, as, ae);
    cMin = Math.min(cMin, cs, ce);
    cMax = Math.max(cMax, cs, ce);
  }
  return { count, a0, c0, a1, c1, aMax, cMin, cMax };
}
