/**
 * Diminishing returns of flying where the drone has already flown. The
 * planner's observation model takes each pass's detections as independent
 * given the source, but what a real pass misreads — meander, intermittency,
 * the vent height, the sigmas — is largely shared by passes over the same
 * ground, and the estimator accordingly tempers correlated data (its
 * likelihood counts a crossing as a few independent data,
 * source-term-estimation.md). With an equicorrelated error of correlation
 * rho (a "site effect"; Kennedy & O'Hagan 2001 on model discrepancy),
 * n replicates carry the information of n / (1 + (n - 1) rho) independent
 * ones, so the (k+1)-th pass adds
 *
 *   d(k) = (k + 1)/(1 + k rho) - k/(1 + (k - 1) rho)   (d(0) = 1)
 *
 * of a first pass' information: 1, 1/3, 1/6, 1/10, ... for rho = 1/2.
 * A candidate's gain is scaled by the mean of d(k_j) over its bins, k_j the
 * earlier passes near bin j: the length flown within `radiusM` of its
 * midpoint over 2·radiusM (the chord of a pass through the middle).
 * Without it a greedy planner whose estimator stops improving re-flies one
 * pass indefinitely.
 */
import type { PathBins } from './path-bins.js';
import type { PlanningWind } from './detection-model.js';

/** Midpoints and lengths of the pieces of track flown so far (local metres). */
export interface FlownTrack {
  readonly count: number;
  readonly east: Float64Array;
  readonly north: Float64Array;
  readonly lengthM: Float64Array;
}

export const DEFAULT_REVISIT_RADIUS_M = 25;
export const DEFAULT_REVISIT_CORRELATION = 0.5;

/** Share of a first pass' information the (k+1)-th pass adds, k >= 0 (real-valued k interpolates). */
export function revisitFactor(k: number, rho: number): number {
  if (!(k > 0)) return 1;
  const info = (n: number): number => n / (1 + (n - 1) * rho);
  return info(k + 1) - info(k);
}

/** Counts flown length near points: a uniform grid of radiusM cells over the track's midpoints. */
export class RevisitIndex {
  readonly radiusM: number;
  private readonly cells = new Map<number, number[]>();
  private readonly track: FlownTrack;

  constructor(track: FlownTrack, radiusM = DEFAULT_REVISIT_RADIUS_M) {
    if (!(radiusM > 0)) throw new RangeError(`RevisitIndex: radiusM must be > 0, got ${radiusM}`);
    this.radiusM = radiusM;
    this.track = track;
    for (let i = 0; i < track.count; i++) {
      const k = this.key(Math.floor(track.east[i]! / radiusM), Math.floor(track.north[i]! / radiusM));
      const list = this.cells.get(k);
      if (list === undefined) this.cells.set(k, [i]);
      else list.push(i);
    }
  }

  private key(ce: number, cn: number): number {
    // Cells within +-2^20 of the origin (26,000 km at 25 m): unique keys.
    return (ce + 1048576) * 2097152 + (cn + 1048576);
  }

  /** Length of track with its midpoint within radiusM of (east, north), m. */
  lengthNear(east: number, north: number): number {
    const r = this.radiusM;
    const ce = Math.floor(east / r);
    const cn = Math.floor(north / r);
    let sum = 0;
    for (let de = -1; de <= 1; de++) {
      for (let dn = -1; dn <= 1; dn++) {
        const list = this.cells.get(this.key(ce + de, cn + dn));
        if (list === undefined) continue;
        for (const i of list) {
          if (Math.hypot(this.track.east[i]! - east, this.track.north[i]! - north) <= r) sum += this.track.lengthM[i]!;
        }
      }
    }
    return sum;
  }

  /** Mean revisit factor over the bins of a path (bins in the wind frame of `w`). */
  novelty(bins: PathBins, w: PlanningWind, rho = DEFAULT_REVISIT_CORRELATION): number {
    if (bins.count === 0) return 1;
    let s = 0;
    for (let j = 0; j < bins.count; j++) {
      const a = 0.5 * (bins.a0[j]! + bins.a1[j]!);
      const c = 0.5 * (bins.c0[j]! + bins.c1[j]!);
      // Back from the wind frame: east = a·we - c·wn, north = a·wn + c·we.
      const e = a * w.towardE - c * w.towardN;
      const n = a * w.towardN + c * w.towardE;
      s += revisitFactor(this.lengthNear(e, n) / (2 * this.radiusM), rho);
    }
    return s / bins.count;
  }
}
