/**
 * The flight pattern: a lawnmower ("boustrophedon") of crosswind transects,
 * the usual design for mobile plume surveys (e.g. the EPA OTM-33A drive-by
 * and aircraft mass-balance practice): lines perpendicular to the mean wind
 * cut across every plume, and stepping them downwind samples the plume at a
 * growing range. The pattern covers the search area and a margin downwind of
 * it, once per altitude; consecutive altitudes fly the pattern in reverse so
 * the only link between them is a vertical climb.
 */
import { windFromToUv, stabilityIndex } from '@nariz/core';
import { SIGMA_SET_INDEX, sigmaY } from '@nariz/plume';
import type { Scenario, SurveySpec } from './scenario.js';

export type LegKind = 'transect' | 'turn' | 'climb';

/** A straight leg in local ENU metres (up = height above ground). */
export interface Leg {
  readonly kind: LegKind;
  readonly e0: number;
  readonly n0: number;
  readonly u0: number;
  readonly e1: number;
  readonly n1: number;
  readonly u1: number;
  readonly lengthM: number;
}

export interface SurveyPlan {
  readonly legs: readonly Leg[];
  readonly spacingM: number;
  /** Transects per altitude. */
  readonly lineCount: number;
  readonly totalLengthM: number;
  /** Unit vector the mean wind blows toward (east, north). */
  readonly windToward: readonly [number, number];
  /** Unit crosswind vector (windToward rotated 90 degrees anticlockwise). */
  readonly crosswind: readonly [number, number];
  /** Along-wind coordinates of the transects, m from the origin. */
  readonly lineAlongM: readonly number[];
  /** Crosswind extent [from, to] of each transect (c coordinate along `crosswind`), m. */
  readonly lineCrossM: ReadonlyArray<readonly [number, number]>;
  /** Crosswind extent of the whole pattern, m. */
  readonly crossRangeM: readonly [number, number];
}

/** The plume is seen downwind of its source: fly this far past the area's downwind edge, m. */
export const DEFAULT_DOWNWIND_MARGIN_M = 300;
/** Typical range at which a rooftop plume is intercepted, m. */
export const SPACING_REFERENCE_RANGE_M = 300;
export const MIN_TRANSECT_SPACING_M = 40;
export const MAX_TRANSECT_SPACING_M = 150;

/**
 * Default transect spacing: the plume's full width 2·sigma_y at
 * SPACING_REFERENCE_RANGE_M, clamped to 40–150 m, so a plume at that range
 * is crossed by at least one line at no more than one sigma off its peak.
 */
export function defaultTransectSpacingM(s: Pick<Scenario, 'sigmaSet' | 'stability'>): number {
  const w = 2 * sigmaY(SIGMA_SET_INDEX[s.sigmaSet], stabilityIndex(s.stability), SPACING_REFERENCE_RANGE_M);
  return Math.min(MAX_TRANSECT_SPACING_M, Math.max(MIN_TRANSECT_SPACING_M, w));
}

function leg(kind: LegKind, e0: number, n0: number, u0: number, e1: number, n1: number, u1: number): Leg {
  return { kind, e0, n0, u0, e1, n1, u1, lengthM: Math.hypot(e1 - e0, n1 - n0, u1 - u0) };
}

/**
 * Crosswind extent of the convex hull of `pts` (a, c) within the slab
 * lo <= a <= hi. The extreme points of a convex polygon cut by a slab are
 * vertices inside the slab or crossings of hull edges with its two faces;
 * using every pair of points instead of the hull's edges adds only interior
 * points, so no hull needs to be built.
 */
function crossRangeInBand(pts: ReadonlyArray<readonly [number, number]>, lo: number, hi: number): [number, number] {
  let min = Infinity;
  let max = -Infinity;
  const take = (c: number): void => {
    if (c < min) min = c;
    if (c > max) max = c;
  };
  for (const [a, c] of pts) if (a >= lo && a <= hi) take(c);
  for (let i = 0; i < pts.length; i++) {
    for (let j = i + 1; j < pts.length; j++) {
      const [a0, c0] = pts[i]!;
      const [a1, c1] = pts[j]!;
      for (const face of [lo, hi]) {
        if ((a0 - face) * (a1 - face) <= 0 && a0 !== a1) take(c0 + ((face - a0) / (a1 - a0)) * (c1 - c0));
      }
    }
  }
  return [min, max];
}

export function planSurvey(s: Pick<Scenario, 'areaM' | 'wind' | 'stability' | 'sigmaSet' | 'survey'>): SurveyPlan {
  const [we, wn] = windFromToUv(1, s.wind.fromDeg);
  const ce = -wn;
  const cn = we;
  const spacingM = s.survey.transectSpacingM ?? defaultTransectSpacingM(s);
  const marginM = s.survey.downwindMarginM ?? DEFAULT_DOWNWIND_MARGIN_M;

  // The surveyed region is the area swept downwind by the margin: the convex
  // hull of the area's corners and the same corners shifted marginM downwind.
  // Work in wind coordinates (a along, c across).
  const pts: Array<readonly [number, number]> = [];
  for (const shift of [0, marginM]) {
    for (const se of [-0.5, 0.5]) {
      for (const sn of [-0.5, 0.5]) {
        const e = se * s.areaM.width;
        const n = sn * s.areaM.height;
        pts.push([e * we + n * wn + shift, e * ce + n * cn]);
      }
    }
  }
  const aMin = Math.min(...pts.map((p) => p[0]));
  const aMax = Math.max(...pts.map((p) => p[0]));
  const areaAMax = aMax - marginM;
  // Lines at aMin + spacing/2 + k·spacing: enough to put every point of the
  // area within spacing/2 (along wind) of a line, and to reach the margin.
  const lineCount = Math.max(Math.ceil((areaAMax - aMin) / spacingM), Math.floor((aMax - aMin - spacingM / 2) / spacingM) + 1, 1);
  const lineAlongM: number[] = [];
  const lineCross: Array<readonly [number, number]> = [];
  let cMin = Infinity;
  let cMax = -Infinity;
  for (let k = 0; k < lineCount; k++) {
    const a = aMin + spacingM / 2 + k * spacingM;
    // Each line spans the region's crosswind extent over its band
    // [a - spacing/2, a + spacing/2], so every point of the region lies
    // within spacing/2 of the line in both directions' sense (no corner gaps).
    const range = crossRangeInBand(pts, Math.max(aMin, a - spacingM / 2), Math.min(aMax, a + spacingM / 2));
    lineAlongM.push(a);
    lineCross.push(range);
    cMin = Math.min(cMin, range[0]);
    cMax = Math.max(cMax, range[1]);
  }

  // Horizontal polyline of one pass.
  const path: Array<[number, number]> = [];
  lineAlongM.forEach((a, k) => {
    const [lo, hi] = lineCross[k]!;
    const [c0, c1] = k % 2 === 0 ? [lo, hi] : [hi, lo];
    path.push([a * we + c0 * ce, a * wn + c0 * cn], [a * we + c1 * ce, a * wn + c1 * cn]);
  });

  const legs: Leg[] = [];
  s.survey.altitudesM.forEach((alt, j) => {
    const pass = j % 2 === 0 ? path : [...path].reverse();
    if (j > 0) {
      const prevAlt = s.survey.altitudesM[j - 1]!;
      const [e, n] = pass[0]!;
      if (prevAlt !== alt) legs.push(leg('climb', e, n, prevAlt, e, n, alt));
    }
    for (let i = 0; i + 1 < pass.length; i++) {
      const [e0, n0] = pass[i]!;
      const [e1, n1] = pass[i + 1]!;
      // Points 2k -> 2k+1 are transect k; 2k+1 -> 2k+2 link transects.
      legs.push(leg(i % 2 === 0 ? 'transect' : 'turn', e0, n0, alt, e1, n1, alt));
    }
  });
  const totalLengthM = legs.reduce((sum, l) => sum + l.lengthM, 0);
  return { legs, spacingM, lineCount, totalLengthM, windToward: [we, wn], crosswind: [ce, cn], lineAlongM, lineCrossM: lineCross, crossRangeM: [cMin, cMax] };
}

/** Sample positions along the plan: local ENU metres, with the horizontal flight direction. */
export interface Track {
  readonly count: number;
  readonly timeS: Float64Array;
  readonly east: Float64Array;
  readonly north: Float64Array;
  readonly up: Float64Array;
  /** Unit horizontal flight direction; on a climb, the direction of the last horizontal leg. */
  readonly headingE: Float64Array;
  readonly headingN: Float64Array;
  /** Index into plan.legs of the leg each sample lies on. */
  readonly legIndex: Uint32Array;
}

/** Samples the full plan yields at the survey's speed and rate (before maxSamples). */
export function fullSampleCount(plan: SurveyPlan, survey: Pick<SurveySpec, 'speedMps' | 'sampleHz'>): number {
  const ds = survey.speedMps / survey.sampleHz;
  return Math.floor(plan.totalLengthM / ds + 1e-9) + 1;
}

export function sampleCount(plan: SurveyPlan, survey: SurveySpec): number {
  return Math.min(fullSampleCount(plan, survey), survey.maxSamples ?? Infinity);
}

/**
 * Fly the plan at constant speed, sampling at sampleHz: sample k lies at
 * arc length k·speed/sampleHz and time startTimeS + k/sampleHz.
 */
export function flySurvey(plan: SurveyPlan, survey: SurveySpec): Track {
  const count = sampleCount(plan, survey);
  const timeS = new Float64Array(count);
  const east = new Float64Array(count);
  const north = new Float64Array(count);
  const up = new Float64Array(count);
  const headingE = new Float64Array(count);
  const headingN = new Float64Array(count);
  const legIndex = new Uint32Array(count);
  const ds = survey.speedMps / survey.sampleHz;
  const legs = plan.legs;
  let li = 0;
  let legStart = 0;
  let he = plan.crosswind[0];
  let hn = plan.crosswind[1];
  const setHeading = (l: Leg): void => {
    const h = Math.hypot(l.e1 - l.e0, l.n1 - l.n0);
    if (h > 0) {
      he = (l.e1 - l.e0) / h;
      hn = (l.n1 - l.n0) / h;
    }
  };
  if (legs.length > 0) setHeading(legs[0]!);
  for (let k = 0; k < count; k++) {
    const s = k * ds;
    while (li + 1 < legs.length && s > legStart + legs[li]!.lengthM) {
      legStart += legs[li]!.lengthM;
      li++;
      setHeading(legs[li]!);
    }
    const l = legs[li];
    timeS[k] = survey.startTimeS + k / survey.sampleHz;
    if (l === undefined) continue; // no legs: impossible for a validated scenario (lineCount >= 1, width > 0)
    const f = l.lengthM > 0 ? Math.min(1, (s - legStart) / l.lengthM) : 0;
    east[k] = l.e0 + f * (l.e1 - l.e0);
    north[k] = l.n0 + f * (l.n1 - l.n0);
    up[k] = l.u0 + f * (l.u1 - l.u0);
    headingE[k] = he;
    headingN[k] = hn;
    legIndex[k] = li;
  }
  return { count, timeS, east, north, up, headingE, headingN, legIndex };
}
