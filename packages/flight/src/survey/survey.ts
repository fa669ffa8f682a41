/**
 * Survey planning over a search polygon: crosswind transects over and
 * downwind of the area, spaced from the expected plume width, flown as a
 * lawnmower once per altitude band, with the flight time checked against
 * the vehicle's endurance and split into sorties when it does not fit.
 * Deterministic: the same options give the same plan.
 *
 * Model and formulas: spacing.ts (spacing, intercept range), transects.ts
 * (where lines go), ordering.ts (the order and turn radius), coverage.ts
 * (the coverage estimate), sorties.ts (splitting); summarised in
 * docs/flight.md.
 */
import { NarizError, isStabilityClass, type StabilityClass } from '@nariz/core';
import { SIGMA_SETS, type SigmaSet } from '@nariz/plume';
import type { Feature, Polygon } from 'geojson';
import type { FlightPlan, Home, Vehicle, Waypoint } from '../plan/plan.js';
import { planTimeline, type WindVector } from '../plan/timeline.js';
import { DEFAULT_COVERAGE_SAMPLES, estimateCoverage } from './coverage.js';
import type { Ring } from './cross-section.js';
import { interleaveFactor, orderLines } from './ordering.js';
import { splitIntoSorties } from './sorties.js';
import { DEFAULT_REFERENCE_RANGE_M, interceptRangeM, transectSpacingM, type PlumeModel } from './spacing.js';
import { layoutTransects } from './transects.js';
import { WindFrame } from './wind-frame.js';

/** The default downwind margin is never more than this, m. */
export const MAX_DEFAULT_MARGIN_M = 2000;
/** Default height of a lab's vent above ground, m (a shed or farm building). */
export const DEFAULT_SOURCE_HEIGHT_M = 3;
/** Below this wind speed the Gaussian plume (and a crosswind survey) is meaningless, m/s. */
export const MIN_SURVEY_WIND_MPS = 1;

export interface SurveyOptions {
  /** The search area, WGS84 (holes allowed). */
  readonly area: Polygon | Feature<Polygon>;
  readonly wind: WindVector;
  readonly stability: StabilityClass;
  /** Dispersion coefficients (default 'briggs-rural'). */
  readonly sigmaSet?: SigmaSet;
  /** Altitude bands above home, m, flown in this order. */
  readonly altitudesM: readonly number[];
  readonly vehicle: Vehicle;
  /** Take-off point (default: the area's vertex centroid). */
  readonly home?: Home;
  readonly name?: string;
  readonly startTime?: string;
  /** Height of the sources looked for, m (default DEFAULT_SOURCE_HEIGHT_M). */
  readonly sourceHeightM?: number;
  /** Reference intercept range x_ref for the spacing, m (default 300). */
  readonly referenceRangeM?: number;
  /** Override the spacing formula, m. */
  readonly spacingM?: number;
  /** Override the downwind margin M, m. */
  readonly downwindMarginM?: number;
  /** At most this many lines per band (upwind lines kept). */
  readonly maxTransects?: number;
  readonly coverageSamples?: number;
}

export interface SurveyEstimate {
  /** Lines flown, all bands. */
  readonly transects: number;
  readonly transectsPerBand: readonly number[];
  readonly spacingM: number;
  readonly referenceRangeM: number;
  readonly downwindMarginM: number;
  /** x_lo per band, m (Infinity: the plume never reaches the band). */
  readonly interceptRangesM: readonly number[];
  /** Lines are flown in this many interleaved passes (1 unless spacing < 2 × turn radius). */
  readonly interleave: number;
  /** Fraction of the area whose plume is crossed by at least one line (coverage.ts). */
  readonly coverage: number;
  /** The whole survey flown as one sortie. */
  readonly flightTimeS: number;
  readonly distanceM: number;
  readonly fitsEndurance: boolean;
  readonly sortiesNeeded: number;
  readonly sortieFlightTimesS: readonly number[];
  /** Sorties (indices) that do not fit even with one line. */
  readonly infeasibleSorties: readonly number[];
  readonly warnings: readonly string[];
}

export interface SurveyLine {
  readonly band: number;
  readonly altM: number;
  readonly start: { readonly lat: number; readonly lon: number };
  readonly end: { readonly lat: number; readonly lon: number };
}

export interface SurveyResult {
  /** Every line in one plan (may exceed the endurance: see estimate.fitsEndurance). */
  readonly plan: FlightPlan;
  /** The same lines split into sorties that each fit the endurance (one sortie when it fits). */
  readonly sorties: readonly FlightPlan[];
  readonly lines: readonly SurveyLine[];
  readonly estimate: SurveyEstimate;
}

export function surveyPlan(o: SurveyOptions): SurveyResult {
  const polygon = o.area.type === 'Feature' ? o.area.geometry : o.area;
  validate(o, polygon);
  const model: PlumeModel = { stability: o.stability, sigmaSet: o.sigmaSet ?? 'briggs-rural' };
  const outer = polygon.coordinates[0]!;
  const origin = { lat: mean(outer.map((p) => p[1]!)), lon: mean(outer.map((p) => p[0]!)) };
  const frame = new WindFrame(origin, o.wind.fromDeg);
  const rings: Ring[] = polygon.coordinates.map((ring) => ring.map((p) => frame.toWind(p[1]!, p[0]!)));

  const referenceRangeM = o.referenceRangeM ?? DEFAULT_REFERENCE_RANGE_M;
  const spacingM = o.spacingM ?? transectSpacingM(model, referenceRangeM);
  const sourceHeightM = o.sourceHeightM ?? DEFAULT_SOURCE_HEIGHT_M;
  const highest = Math.max(...o.altitudesM);
  const marginM = o.downwindMarginM ?? Math.min(MAX_DEFAULT_MARGIN_M, Math.max(referenceRangeM, interceptRangeM(model, highest - sourceHeightM)) + spacingM);
  const bands = layoutTransects(rings, model, { spacingM, marginM, altitudesM: o.altitudesM, sourceHeightM, ...(o.maxTransects === undefined ? {} : { maxTransects: o.maxTransects }) });

  const warnings: string[] = [];
  for (const b of bands) {
    if (b.interceptRangeM > marginM) {
      warnings.push(`altitude ${b.altM} m: a plume from ${sourceHeightM} m reaches it only ${Number.isFinite(b.interceptRangeM) ? `${Math.round(b.interceptRangeM)} m` : 'never'} downwind (class ${o.stability}), beyond the ${Math.round(marginM)} m margin: no lines`);
    }
    if (b.truncated > 0) warnings.push(`altitude ${b.altM} m: ${b.truncated} lines dropped by maxTransects`);
  }

  const home: Home = o.home ?? origin;
  const start = frame.toWind(home.lat, home.lon);
  const flown = orderLines(bands, spacingM, o.vehicle.turnRadiusM, start);
  if (flown.length === 0) {
    throw new NarizError('NARIZ_USAGE', `no transects: ${warnings.join('; ') || 'the area is empty'}`);
  }
  const lines: SurveyLine[] = [];
  const units: Waypoint[][] = flown.map((f) => {
    const s = frame.fromWind(f.line.a, f.cStart);
    const e = frame.fromWind(f.line.a, f.cEnd);
    lines.push({ band: f.line.band, altM: f.line.altM, start: s, end: e });
    return [
      { lat: s.lat, lon: s.lon, altM: f.line.altM },
      { lat: e.lat, lon: e.lon, altM: f.line.altM },
    ];
  });

  const base: Omit<FlightPlan, 'waypoints'> = {
    name: o.name ?? 'Survey',
    vehicle: o.vehicle,
    home,
    ...(o.startTime === undefined ? {} : { startTime: o.startTime }),
  };
  const plan: FlightPlan = { ...base, waypoints: units.flat() };
  const timeline = planTimeline(plan, { wind: o.wind });
  const split = timeline.feasible ? { plans: [plan], infeasible: [] } : splitIntoSorties(base, units, o.wind);
  const coverage = estimateCoverage(rings, bands, model, marginM, o.coverageSamples ?? DEFAULT_COVERAGE_SAMPLES);
  warnings.push(...timeline.warnings);

  return {
    plan,
    sorties: split.plans,
    lines,
    estimate: {
      transects: flown.length,
      transectsPerBand: bands.map((b) => b.lines.length),
      spacingM,
      referenceRangeM,
      downwindMarginM: marginM,
      interceptRangesM: bands.map((b) => b.interceptRangeM),
      interleave: interleaveFactor(spacingM, o.vehicle.turnRadiusM),
      coverage,
      flightTimeS: timeline.totalTimeS,
      distanceM: timeline.totalDistanceM,
      fitsEndurance: timeline.feasible,
      sortiesNeeded: split.plans.length,
      sortieFlightTimesS: split.plans.map((p) => planTimeline(p, { wind: o.wind }).totalTimeS),
      infeasibleSorties: split.infeasible,
      warnings,
    },
  };
}

function validate(o: SurveyOptions, polygon: Polygon): void {
  const bad = (m: string): never => {
    throw new NarizError('NARIZ_USAGE', `surveyPlan: ${m}`);
  };
  if (polygon.type !== 'Polygon') bad(`area must be a GeoJSON Polygon, found ${String((polygon as { type?: unknown }).type)}`);
  const outer = polygon.coordinates[0];
  if (outer === undefined || outer.length < 4) bad('area needs a ring of at least 3 distinct vertices (4 positions, closed)');
  for (const ring of polygon.coordinates) {
    for (const p of ring) {
      const [lon, lat] = p;
      if (lon === undefined || lat === undefined || !Number.isFinite(lon) || !Number.isFinite(lat) || Math.abs(lat) > 90 || Math.abs(lon) > 180) bad(`area has an invalid position ${JSON.stringify(p)}`);
    }
  }
  if (!(o.wind.speedMps >= MIN_SURVEY_WIND_MPS)) bad(`wind speed ${o.wind.speedMps} m/s is below ${MIN_SURVEY_WIND_MPS} m/s: in calm air there is no plume to cross`);
  if (!Number.isFinite(o.wind.fromDeg)) bad('wind direction must be finite');
  if (!isStabilityClass(o.stability)) bad(`stability "${String(o.stability)}" is not A..F`);
  if (o.sigmaSet !== undefined && !(SIGMA_SETS as readonly string[]).includes(o.sigmaSet)) bad(`sigma set "${String(o.sigmaSet)}" is not one of ${SIGMA_SETS.join(', ')}`);
  if (o.altitudesM.length === 0 || o.altitudesM.some((z) => !(z > 0 && z < 10000))) bad('altitudesM needs at least one altitude above 0 m');
  for (const [k, v] of [['spacingM', o.spacingM], ['downwindMarginM', o.downwindMarginM], ['referenceRangeM', o.referenceRangeM]] as const) {
    if (v !== undefined && !(v > 0 && Number.isFinite(v))) bad(`${k} must be a positive number`);
  }
  if (o.maxTransects !== undefined && !(Number.isInteger(o.maxTransects) && o.maxTransects >= 1)) bad('maxTransects must be a positive integer');
  const v = o.vehicle;
  if (!(v.cruiseSpeedMps > 0) || !(v.enduranceS > 0) || !(v.turnRadiusM >= 0) || !(v.reserveFraction >= 0 && v.reserveFraction < 1)) bad('vehicle needs cruiseSpeedMps > 0, enduranceS > 0, turnRadiusM >= 0 and 0 <= reserveFraction < 1');
}

function mean(xs: readonly number[]): number {
  // The closing vertex repeats the first; leave it out.
  const n = xs.length > 1 ? xs.length - 1 : xs.length;
  let s = 0;
  for (let i = 0; i < n; i++) s += xs[i]!;
  return s / n;
}
