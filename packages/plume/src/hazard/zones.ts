/**
 * Hazard (threat) zones for a continuous release, in the manner of NOAA
 * ALOHA's Gaussian threat zones: for each level of concern, the ground
 * footprint where the steady-state concentration exceeds the 60-minute
 * threshold, plus the same footprint swept through the wind-direction
 * uncertainty. Pure: no I/O, no clocks. Method and limits:
 * docs/science/hazard-zones.md.
 */
import {
  NarizError,
  STANDARD_PRESSURE_HPA,
  STANDARD_TEMP_C,
  fromKgM3,
  stabilityIndex,
  thresholdKgM3 as tierThresholdKgM3,
  type Chemical,
  type StabilityClass,
} from '@nariz/core';
import { MIN_WIND_MPS } from '../gaussian.js';
import { MIN_DOWNWIND_M, SIGMA_SET_INDEX, type SigmaSet } from '../sigma.js';
import { defaultDirectionUncertaintyDeg, sweepRing } from './envelope.js';
import { DEFAULT_MAX_RANGE_M, findExceedance, footprintPart, type CentrelineModel, type ExceedanceInterval, type PlanarRing } from './footprint.js';
import { ensureCcw, ringExtent, ringSignedArea, windFrameToEnu } from './rings.js';
import { selectLevelThresholds, type HazardLevel, type LevelThreshold, type MissingLevel, type ThresholdFamily, type TierSelection } from './tiers.js';

/** Below this the Gaussian plume is not a usable model (ALOHA's floor is about 1 m/s too). */
export const MIN_HAZARD_WIND_MPS = 1;
/** Inside this distance buildings and terrain dominate; zones shorter than this get a warning. */
export const NEAR_FIELD_M = 100;
/** Gaussian-plume zones beyond this are unreliable (ALOHA does not draw past 10 km). */
export const FAR_FIELD_M = 10_000;

export interface HazardScenario {
  /** Source position, WGS84 degrees. */
  readonly lat: number;
  readonly lon: number;
  /** Effective source height above ground, m (default 0). */
  readonly sourceHeightM?: number;
  readonly chemical: Chemical;
  /** Continuous emission rate, g/s. */
  readonly rateGps: number;
  readonly windSpeedMps: number;
  /** Direction the wind blows FROM, degrees clockwise from north. */
  readonly windFromDeg: number;
  readonly stability: StabilityClass;
  /** Dispersion coefficients (default briggs-rural). */
  readonly sigmaSet?: SigmaSet;
  /** Receptor height, m: 0 (ground, as ALOHA) by default; 1.5 for breathing height. */
  readonly receptorHeightM?: number;
  /** For ppm <-> mg/m^3 (default 25 °C, 1013.25 hPa). */
  readonly tempC?: number;
  readonly pressureHpa?: number;
  /** Threshold family (default `auto`: AEGL, else PAC, else ERPG). */
  readonly tiers?: TierSelection;
  /** 95 % wind-direction half-angle, degrees (default defaultDirectionUncertaintyDeg(U)). */
  readonly directionUncertaintyDeg?: number;
  /** Downwind search range, m (default 50 km). */
  readonly maxRangeM?: number;
  /** Polygon segments per side (default 128). */
  readonly verticesPerSide?: number;
}

export interface HazardZone {
  readonly level: HazardLevel;
  readonly label: string;
  readonly family: ThresholdFamily;
  readonly tier: LevelThreshold['tier'];
  readonly fallback: boolean;
  readonly thresholdKgM3: number;
  readonly thresholdPpm: number;
  readonly thresholdMgM3: number;
  /** Largest centreline concentration at receptor height, and where. */
  readonly maxConcentrationKgM3: number;
  readonly maxConcentrationPpm: number;
  readonly xAtMaxConcentrationM: number;
  /** False: "no zone" — the threshold is never reached. */
  readonly exceeded: boolean;
  readonly intervals: readonly ExceedanceInterval[];
  /** Nearest and farthest downwind distance of the footprint, m (0 when none). */
  readonly startDownwindM: number;
  readonly maxDownwindM: number;
  readonly maxHalfWidthM: number;
  readonly areaM2: number;
  /** Closed CCW rings in local (east, north) metres about the source; one per interval. */
  readonly footprintEnu: PlanarRing[];
  /** The footprint swept through ±directionUncertaintyDeg. */
  readonly envelopeEnu: PlanarRing[];
  readonly envelopeAreaM2: number;
  readonly envelopeMaxHalfWidthM: number;
  readonly truncated: boolean;
}

export interface HazardResult {
  readonly scenario: HazardScenarioResolved;
  readonly zones: HazardZone[];
  readonly missing: MissingLevel[];
  readonly directionUncertaintyDeg: number;
  readonly assumptions: string[];
  readonly warnings: string[];
}

/** The scenario with every default filled in. */
export interface HazardScenarioResolved extends Required<Omit<HazardScenario, 'chemical'>> {
  readonly chemicalName: string;
  readonly chemicalCas: string;
  readonly molarMassGmol: number;
}

function need(ok: boolean, message: string): void {
  if (!ok) throw new NarizError('NARIZ_USAGE', `hazard zone: ${message}`);
}

function resolve(s: HazardScenario): HazardScenarioResolved {
  const r: HazardScenarioResolved = {
    lat: s.lat,
    lon: s.lon,
    sourceHeightM: s.sourceHeightM ?? 0,
    rateGps: s.rateGps,
    windSpeedMps: s.windSpeedMps,
    windFromDeg: s.windFromDeg,
    stability: s.stability,
    sigmaSet: s.sigmaSet ?? 'briggs-rural',
    receptorHeightM: s.receptorHeightM ?? 0,
    tempC: s.tempC ?? STANDARD_TEMP_C,
    pressureHpa: s.pressureHpa ?? STANDARD_PRESSURE_HPA,
    tiers: s.tiers ?? 'auto',
    directionUncertaintyDeg: s.directionUncertaintyDeg ?? (s.windSpeedMps > 0 ? defaultDirectionUncertaintyDeg(s.windSpeedMps) : NaN),
    maxRangeM: s.maxRangeM ?? DEFAULT_MAX_RANGE_M,
    verticesPerSide: s.verticesPerSide ?? 128,
    chemicalName: s.chemical.name,
    chemicalCas: s.chemical.cas,
    molarMassGmol: s.chemical.molarMassGmol,
  };
  need(Number.isFinite(r.lat) && Math.abs(r.lat) <= 90, `latitude must be within ±90° (got ${r.lat})`);
  need(Number.isFinite(r.lon) && Math.abs(r.lon) <= 180, `longitude must be within ±180° (got ${r.lon})`);
  need(Number.isFinite(r.rateGps) && r.rateGps > 0, `emission rate must be a positive number of g/s (got ${r.rateGps})`);
  need(
    Number.isFinite(r.windSpeedMps) && r.windSpeedMps >= MIN_HAZARD_WIND_MPS,
    `wind speed must be at least ${MIN_HAZARD_WIND_MPS} m/s (got ${r.windSpeedMps}); the Gaussian plume does not describe calm air`,
  );
  need(Number.isFinite(r.windFromDeg), `wind direction must be a number of degrees (got ${r.windFromDeg})`);
  need(Number.isFinite(r.sourceHeightM) && r.sourceHeightM >= 0, `source height must be >= 0 m (got ${r.sourceHeightM})`);
  need(Number.isFinite(r.receptorHeightM) && r.receptorHeightM >= 0, `receptor height must be >= 0 m (got ${r.receptorHeightM})`);
  need(Number.isFinite(r.tempC) && r.tempC > -273.15, `temperature must be above absolute zero (got ${r.tempC} °C)`);
  need(Number.isFinite(r.pressureHpa) && r.pressureHpa > 0, `pressure must be positive (got ${r.pressureHpa} hPa)`);
  need(r.verticesPerSide >= 16, `verticesPerSide must be at least 16 (got ${r.verticesPerSide})`);
  return r;
}

const fmt = (v: number, digits = 4): string => (v === 0 ? '0' : Math.abs(v) >= 1e-3 && Math.abs(v) < 1e6 ? String(Number(v.toPrecision(digits))) : v.toExponential(digits - 1));

function assumptionsFor(r: HazardScenarioResolved, levels: readonly LevelThreshold[], missing: readonly MissingLevel[]): string[] {
  const toward = (((r.windFromDeg + 180) % 360) + 360) % 360;
  const used = levels.map((l) => `${l.label} for level ${l.level}${l.fallback ? ' (fallback: no AEGL)' : ''}`).join('; ');
  const out = [
    `Steady-state Gaussian plume (Turner 1970) with total reflection at the ground; concentrations are steady, roughly hour-averaged values.`,
    `Continuous release at ${fmt(r.rateGps)} g/s lasting at least the 60-minute exposure the thresholds refer to; no puff, no time-varying source.`,
    `Neutrally buoyant gas with no plume rise: not valid for dense gases (heavier-than-air or cold releases slump and spread upwind) or hot, buoyant plumes.`,
    `No deposition, washout, chemical reaction or decay: the full emission stays airborne.`,
    `Flat, open terrain with no buildings or obstacles; within about ${NEAR_FIELD_M} m of the source buildings and terrain dominate and the zones are unreliable.`,
    `Wind ${fmt(r.windSpeedMps)} m/s from ${fmt(r.windFromDeg)}° (blowing toward ${fmt(toward)}°), uniform in height and steady; Pasquill–Gifford stability class ${r.stability}; ${r.sigmaSet} dispersion coefficients (sigma clamped below ${MIN_DOWNWIND_M} m downwind); the model is not valid in winds below ${MIN_HAZARD_WIND_MPS} m/s.`,
    `Source at ${r.lat.toFixed(6)}, ${r.lon.toFixed(6)}, effective height ${fmt(r.sourceHeightM)} m; receptor height ${fmt(r.receptorHeightM)} m${r.receptorHeightM === 0 ? ' (ground level, as ALOHA)' : ''}.`,
    r.tiers === 'auto'
      ? `Thresholds: 60-min AEGL from the table, verify against EPA's AEGL table; where a level has no AEGL, PAC (then ERPG) is used instead. Used: ${used || 'none'}.`
      : r.tiers === 'aegl'
        ? `Thresholds: 60-min AEGL from the table, verify against EPA's AEGL table; no fallback to PAC or ERPG was requested. Used: ${used || 'none'}.`
        : `Thresholds: ${r.tiers.toUpperCase()} values from the table, requested instead of the 60-min AEGLs; verify against the published ${r.tiers === 'pac' ? "DOE PAC" : "AIHA ERPG"} table. Used: ${used || 'none'}.`,
    `ppm and mg/m3 converted at ${fmt(r.tempC)} °C and ${fmt(r.pressureHpa, 6)} hPa for ${r.chemicalName} (M = ${fmt(r.molarMassGmol)} g/mol, CAS ${r.chemicalCas}).`,
    `Direction-uncertainty zones: each footprint swept through ±${fmt(r.directionUncertaintyDeg, 3)}° about the source (95 % half-angle 1.96·atan(sqrt(0.5² + (0.1 U)²)/U) unless given).`,
    `Zones searched from ${MIN_DOWNWIND_M} m to ${fmt(r.maxRangeM)} m downwind; Gaussian-plume results beyond ${FAR_FIELD_M / 1000} km are increasingly uncertain.`,
  ];
  for (const m of missing) out.push(`Level ${m.level}: no zone computed — ${m.reason}.`);
  return out;
}

/** Compute every available level's footprint and direction-uncertainty envelope. */
export function computeHazardZones(s: HazardScenario): HazardResult {
  const r = resolve(s);
  const theta = r.directionUncertaintyDeg;
  need(Number.isFinite(theta) && theta >= 0 && theta <= 90, `direction uncertainty must be within 0..90° (got ${theta})`);
  const model: CentrelineModel = {
    plume: { sigmaSet: SIGMA_SET_INDEX[r.sigmaSet], stability: stabilityIndex(r.stability), sourceHeightM: r.sourceHeightM },
    rateKgS: r.rateGps / 1000,
    windSpeedMps: Math.max(r.windSpeedMps, MIN_WIND_MPS),
    receptorHeightM: r.receptorHeightM,
  };
  const { levels, missing } = selectLevelThresholds(s.chemical, r.tiers);
  const ppm = (kg: number): number => fromKgM3(kg, 'ppm', r.molarMassGmol, r.tempC, r.pressureHpa);
  const warnings: string[] = [];
  const zones: HazardZone[] = levels.map((lt) => {
    const tKg = tierThresholdKgM3(s.chemical, lt.tier, r.tempC, r.pressureHpa);
    const search = findExceedance(model, tKg, { maxRangeM: r.maxRangeM });
    const parts = search.intervals.map((iv) => footprintPart(model, tKg, iv, r.verticesPerSide));
    const footprintWind = parts.map((p) => ensureCcw(p.ring));
    const envelopeWind = footprintWind.map((ring) => ensureCcw(sweepRing(ring, theta)));
    const footprintEnu = footprintWind.map((ring) => windFrameToEnu(ring, r.windFromDeg));
    const envelopeEnu = envelopeWind.map((ring) => windFrameToEnu(ring, r.windFromDeg));
    const exceeded = parts.length > 0;
    const maxDownwindM = exceeded ? Math.max(...search.intervals.map((i) => i.endM)) : 0;
    const startDownwindM = exceeded ? (search.intervals[0]!.fromSource ? 0 : search.intervals[0]!.startM) : 0;
    const truncated = search.intervals.some((i) => i.truncated);
    if (truncated) warnings.push(`${lt.label}: the zone reaches the ${fmt(r.maxRangeM)} m search limit and is cut off there.`);
    if (exceeded && maxDownwindM < NEAR_FIELD_M) warnings.push(`${lt.label}: the zone ends ${fmt(maxDownwindM)} m downwind, inside the ~${NEAR_FIELD_M} m near field where buildings matter.`);
    if (maxDownwindM > FAR_FIELD_M) warnings.push(`${lt.label}: the zone extends ${fmt(maxDownwindM / 1000)} km; beyond ${FAR_FIELD_M / 1000} km wind shifts and terrain make a steady plume unreliable.`);
    if (search.intervals.length > 1) warnings.push(`${lt.label}: the threshold is exceeded over ${search.intervals.length} separate downwind ranges.`);
    return {
      level: lt.level,
      label: lt.label,
      family: lt.family,
      tier: lt.tier,
      fallback: lt.fallback,
      thresholdKgM3: tKg,
      thresholdPpm: ppm(tKg),
      thresholdMgM3: tKg * 1e6,
      maxConcentrationKgM3: search.peakKgM3,
      maxConcentrationPpm: ppm(search.peakKgM3),
      xAtMaxConcentrationM: search.peakXM,
      exceeded,
      intervals: search.intervals,
      startDownwindM,
      maxDownwindM,
      maxHalfWidthM: parts.reduce((w, p) => Math.max(w, p.maxHalfWidthM), 0),
      areaM2: footprintWind.reduce((a, ring) => a + ringSignedArea(ring), 0),
      footprintEnu,
      envelopeEnu,
      envelopeAreaM2: envelopeWind.reduce((a, ring) => a + ringSignedArea(ring), 0),
      envelopeMaxHalfWidthM: envelopeWind.reduce((w, ring) => Math.max(w, ringExtent(ring).maxAbsYM), 0),
      truncated,
    };
  });
  return { scenario: r, zones, missing, directionUncertaintyDeg: theta, assumptions: assumptionsFor(r, levels, missing), warnings };
}
