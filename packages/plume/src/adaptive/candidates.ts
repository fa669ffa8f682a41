/**
 * Candidate next paths from the drone's position, at most three legs each:
 *
 * - fan (off by default, see DEFAULT_CANDIDATE_OPTIONS): straight legs in
 *   `fanHeadings` directions × `fanLengthsM` (what a moving infotaxis agent
 *   can do next; Vergassola et al. 2007 step to a neighbouring cell, a
 *   drone flies a leg);
 * - transects: for every compact source hypothesis, a crosswind pass at
 *   each of `transectRangesM` downwind of its mean, long enough to span
 *   its plume (3 sigma) and the hypothesis' crosswind spread, flown either
 *   way, after a transit leg to its start — the pass that reads a plume's
 *   position and width (the survey's own pattern, aimed);
 * - sweeps: crosswind lines across the flight area every `sweepSpacingM`
 *   along the wind, whole and in halves, either way, after a transit —
 *   what finds a source nothing has seen yet.
 *
 * Every waypoint lies in the flight area (a rectangle, so every leg does
 * too) and no heading change exceeds `maxTurnDeg`; others are dropped.
 * The cost is the length plus `turnCostM` per 180 degrees of turning.
 */
import { sigmaY } from '../sigma.js';
import type { PlanningWind } from './detection-model.js';
import { toWindFrame } from './path-bins.js';
import { insideBounds, type AreaBounds } from './area.js';

export interface FlightLimits {
  /** Where the drone may fly, local metres. */
  readonly bounds: AreaBounds;
  /** Largest heading change at a waypoint (and from the current heading), degrees; 180 = any (a multirotor). */
  readonly maxTurnDeg: number;
  /** Distance a 180-degree turn is charged as, m (pro rata): braking, turning and speeding up again. */
  readonly turnCostM: number;
}

export interface DroneState {
  readonly east: number;
  readonly north: number;
  /** Direction of flight, degrees clockwise from north. */
  readonly headingDeg: number;
  /** Height above ground, m (the planned path keeps it). */
  readonly altitudeM: number;
}

export interface CandidateOptions {
  readonly fanHeadings: number;
  readonly fanLengthsM: readonly number[];
  readonly transectRangesM: readonly number[];
  readonly sweepSpacingM: number;
  /** Shortest leg kept (a transit shorter than this is dropped: the pass starts where the drone is), m. */
  readonly minLegM: number;
  /** Longest transect half-length, m. */
  readonly maxTransectHalfM: number;
}

/**
 * Fans are off by default: with them the planner flies short legs along
 * known plumes, whose detections the span model credits with the onset of
 * the plume but the estimator cannot use (vent height and intermittency
 * confound it); on ten tuning scenarios (seeds 101–110, not the bench's)
 * 4 were localised with 16 fan headings against 6 without.
 */
export const DEFAULT_CANDIDATE_OPTIONS: CandidateOptions = {
  fanHeadings: 0,
  fanLengthsM: [150, 300, 600],
  transectRangesM: [40, 70, 110, 170, 260, 400],
  sweepSpacingM: 150,
  minLegM: 30,
  maxTransectHalfM: 400,
};

/** A compact source hypothesis the transects aim at (wind frame, m). */
export interface TransectFocus {
  readonly along: number;
  readonly cross: number;
  /** Crosswind standard deviation of its particles, m. */
  readonly crossSdM: number;
  /** Widest stability class among its variants, and the sigma set. */
  readonly stability: number;
  readonly sigmaSet: number;
}

export type CandidateKind = 'fan' | 'transect' | 'sweep';

export interface CandidatePath {
  readonly kind: CandidateKind;
  /** Points including the start (the drone's position). */
  readonly east: Float64Array;
  readonly north: Float64Array;
  readonly lengthM: number;
  /** Sum of heading changes, rad. */
  readonly turnRad: number;
  readonly costM: number;
  /**
   * The points from this index on are the part scored for information:
   * the whole path for a fan leg; the pass itself for a transect or a
   * sweep (the transit to it is cost only: its information is not
   * counted, so the score is a lower bound, and a pass flown either way
   * from anywhere is scored once).
   */
  readonly sensedFrom: number;
}

const DEG = Math.PI / 180;

/** Heading change from direction (e0, n0) to (e1, n1), rad in [0, pi]. */
function turnBetween(e0: number, n0: number, e1: number, n1: number): number {
  const c = (e0 * e1 + n0 * n1) / (Math.hypot(e0, n0) * Math.hypot(e1, n1));
  return Math.acos(Math.max(-1, Math.min(1, c)));
}

/**
 * A path from the state through `pts` (east, north pairs), or undefined
 * when it leaves the area or turns too sharply. Legs shorter than minLegM
 * are dropped first.
 */
export function makePath(kind: CandidateKind, s: DroneState, pts: ReadonlyArray<readonly [number, number]>, limits: FlightLimits, minLegM: number): CandidatePath | undefined {
  // Passes (transects, sweeps) are scored on their last leg.
  const passOnly = kind !== 'fan';
  const es: number[] = [s.east];
  const ns: number[] = [s.north];
  for (const [e, n] of pts) {
    if (Math.hypot(e - es[es.length - 1]!, n - ns[ns.length - 1]!) < minLegM) continue;
    if (!insideBounds(limits.bounds, e, n)) return undefined;
    es.push(e);
    ns.push(n);
  }
  if (es.length < 2) return undefined;
  let he = Math.sin(s.headingDeg * DEG);
  let hn = Math.cos(s.headingDeg * DEG);
  const maxTurn = limits.maxTurnDeg * DEG + 1e-9;
  let lengthM = 0;
  let turnRad = 0;
  for (let i = 0; i + 1 < es.length; i++) {
    const de = es[i + 1]! - es[i]!;
    const dn = ns[i + 1]! - ns[i]!;
    const t = turnBetween(he, hn, de, dn);
    if (t > maxTurn) return undefined;
    turnRad += t;
    lengthM += Math.hypot(de, dn);
    he = de;
    hn = dn;
  }
  return { kind, east: Float64Array.from(es), north: Float64Array.from(ns), lengthM, turnRad, costM: lengthM + (limits.turnCostM * turnRad) / Math.PI, sensedFrom: passOnly ? es.length - 2 : 0 };
}

/** The crosswind interval [lo, hi] of the line at along-wind coordinate a inside the rectangle (empty: lo > hi). */
export function crossInterval(w: PlanningWind, b: AreaBounds, a: number): [number, number] {
  // Point (a, c) is east = a·we - c·wn, north = a·wn + c·we.
  let lo = -Infinity;
  let hi = Infinity;
  const clip = (base: number, coef: number, min: number, max: number): void => {
    if (Math.abs(coef) < 1e-12) {
      if (base < min - 1e-9 || base > max + 1e-9) {
        lo = Infinity;
        hi = -Infinity;
      }
      return;
    }
    const t0 = (min - base) / coef;
    const t1 = (max - base) / coef;
    lo = Math.max(lo, Math.min(t0, t1));
    hi = Math.min(hi, Math.max(t0, t1));
  };
  clip(a * w.towardE, -w.towardN, b.minE, b.maxE);
  clip(a * w.towardN, w.towardE, b.minN, b.maxN);
  return [lo, hi];
}

function fromWindFrame(w: PlanningWind, a: number, c: number): [number, number] {
  return [a * w.towardE - c * w.towardN, a * w.towardN + c * w.towardE];
}

/** Every candidate path; deterministic (a fixed order for fixed inputs). */
export function candidatePaths(s: DroneState, foci: readonly TransectFocus[], w: PlanningWind, limits: FlightLimits, o: CandidateOptions = DEFAULT_CANDIDATE_OPTIONS): CandidatePath[] {
  const out: CandidatePath[] = [];
  const push = (p: CandidatePath | undefined): void => {
    if (p !== undefined) out.push(p);
  };
  const b = limits.bounds;
  // Fan: rays clipped to the area.
  for (let k = 0; k < o.fanHeadings; k++) {
    const h = (s.headingDeg + (360 * k) / o.fanHeadings) * DEG;
    const de = Math.sin(h);
    const dn = Math.cos(h);
    let tMax = Infinity;
    if (de > 1e-12) tMax = Math.min(tMax, (b.maxE - s.east) / de);
    if (de < -1e-12) tMax = Math.min(tMax, (b.minE - s.east) / de);
    if (dn > 1e-12) tMax = Math.min(tMax, (b.maxN - s.north) / dn);
    if (dn < -1e-12) tMax = Math.min(tMax, (b.minN - s.north) / dn);
    let last = 0;
    for (const L of o.fanLengthsM) {
      const t = Math.min(L, tMax - 1e-6);
      if (t - last < o.minLegM) continue;
      last = t;
      push(makePath('fan', s, [[s.east + t * de, s.north + t * dn]], limits, o.minLegM));
    }
  }
  // Transects downwind of each compact hypothesis.
  for (const f of foci) {
    for (const d of o.transectRangesM) {
      const a = f.along + d;
      const sy = sigmaY(f.sigmaSet, f.stability, d);
      const half = Math.min(o.maxTransectHalfM, Math.max(60, 3 * Math.sqrt(sy * sy + f.crossSdM * f.crossSdM) + o.minLegM));
      const [lo, hi] = crossInterval(w, b, a);
      const cLo = Math.max(lo, f.cross - half);
      const cHi = Math.min(hi, f.cross + half);
      if (!(cHi - cLo >= 60)) continue;
      const p0 = fromWindFrame(w, a, cLo);
      const p1 = fromWindFrame(w, a, cHi);
      push(makePath('transect', s, [p0, p1], limits, o.minLegM));
      push(makePath('transect', s, [p1, p0], limits, o.minLegM));
    }
  }
  // Sweeps across the area.
  let aLo = Infinity;
  let aHi = -Infinity;
  for (const [e, n] of [[b.minE, b.minN], [b.minE, b.maxN], [b.maxE, b.minN], [b.maxE, b.maxN]] as const) {
    const [a] = toWindFrame(w, e, n);
    aLo = Math.min(aLo, a);
    aHi = Math.max(aHi, a);
  }
  for (let a = aLo + o.sweepSpacingM / 2; a < aHi; a += o.sweepSpacingM) {
    const [lo, hi] = crossInterval(w, b, a);
    if (!(hi - lo >= 2 * o.minLegM)) continue;
    const mid = 0.5 * (lo + hi);
    for (const [c0, c1] of [[lo, hi], [lo, mid], [mid, hi]] as const) {
      const p0 = fromWindFrame(w, a, c0 + 1e-6);
      const p1 = fromWindFrame(w, a, c1 - 1e-6);
      push(makePath('sweep', s, [p0, p1], limits, o.minLegM));
      push(makePath('sweep', s, [p1, p0], limits, o.minLegM));
    }
  }
  return out;
}
