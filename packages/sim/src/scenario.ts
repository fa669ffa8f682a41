/**
 * A simulation scenario: the world (sources, wind, stability), the survey the
 * drone flies and the sensors it carries. Scenarios arrive as JSON at the
 * edge and are parsed once by `validateScenario`; `randomScenario` draws a
 * realistic one from a seed. Everything downstream trusts the types.
 */
import {
  NarizError,
  builtinChemicals,
  isConcentrationUnit,
  isStabilityClass,
  isValidId,
  windFromToUv,
  STABILITY_CLASSES,
  type ConcentrationUnit,
  type StabilityClass,
} from '@nariz/core';
import { MIN_WIND_MPS, SIGMA_SETS, type SigmaSet } from '@nariz/plume';
import { planSurvey } from './survey.js';
import { streamRng } from './streams.js';

export type SourceKind = 'target' | 'decoy';

export interface SimSource {
  id: string;
  /** 'lab' | 'paint_shop' | 'solvent_use' | 'traffic' or any label. */
  profile: string;
  kind: SourceKind;
  /** Local ENU metres from the scenario origin. */
  east: number;
  north: number;
  heightM: number;
  /** Emission rate per species key ('acetone', 'toluene', 'hcl'), kg/s. */
  rateKgS: Record<string, number>;
}

export interface WindSpec {
  /** Mean speed, m/s; at least MIN_WIND_MPS (the Gaussian plume fails in calm air). */
  speedMps: number;
  /** Mean direction the wind blows FROM, degrees clockwise from north. */
  fromDeg: number;
  /** Standard deviation of the Ornstein–Uhlenbeck direction meander, degrees. */
  meanderSdDeg: number;
  /** Integral time scale of the meander, s (at least 1). */
  meanderTimescaleS: number;
  /** Standard deviation of the speed fluctuation (gusts), m/s. */
  speedGustSd: number;
}

export interface SurveySpec {
  /** One full lawnmower is flown per altitude, in this order, m above ground. */
  altitudesM: number[];
  speedMps: number;
  sampleHz: number;
  /** Distance between crosswind transects; default from the expected plume width. */
  transectSpacingM?: number;
  /** Extra distance flown downwind of the area, m (default DEFAULT_DOWNWIND_MARGIN_M, survey.ts). */
  downwindMarginM?: number;
  /** Unix seconds (UTC) of the first sample. */
  startTimeS: number;
  /** Stop after this many samples. */
  maxSamples?: number;
}

export interface SensorSpecies {
  key: string;
  unit: ConcentrationUnit;
  /** White noise standard deviation, in `unit`. */
  noiseSd: number;
  /** Ambient background, in `unit`. */
  background: number;
  /** Linear zero drift, `unit` per hour (signed). */
  driftPerHour: number;
}

export interface SensorSpec {
  species: SensorSpecies[];
  /** First-order response time constant, s (0 = instantaneous). */
  lagS: number;
  /** Coefficient of variation of the multiplicative log-normal plume intermittency (e.g. 0.3). */
  relativeNoise: number;
  /**
   * When set, every sample is a path-integrated receptor of this length, m,
   * starting at the drone and pointing along its horizontal flight direction
   * (an open-path instrument); the sortie then carries endLat/endLon/endAltAglM.
   */
  pathLengthM?: number;
}

export interface WindSensorSpec {
  /** Standard deviation of the reported speed's error, m/s. */
  speedSdMps: number;
  /** Standard deviation of the reported direction's error, degrees. */
  dirSdDeg: number;
}

export interface Scenario {
  seed: number;
  /** Centre of the search area. */
  origin: { lat: number; lon: number };
  /** Search area centred on the origin: width east–west, height north–south, m. */
  areaM: { width: number; height: number };
  sources: SimSource[];
  wind: WindSpec;
  stability: StabilityClass;
  sigmaSet: SigmaSet;
  survey: SurveySpec;
  sensor: SensorSpec;
  windSensor: WindSensorSpec;
  /** Whether the sortie carries the stability class (else STABILITY_UNKNOWN). */
  reportStability: boolean;
}

export const DEFAULT_AREA_M = 1400;
/** Hard bound on one simulated sortie; larger surveys must set survey.maxSamples. */
export const MAX_SIM_SAMPLES = 5_000_000;

/**
 * Mass fractions of the emission per source profile. The lab profile is a
 * rough composite of solvent-heavy synthesis with HCl gassing; paint shops
 * emit mostly toluene; general solvent use is acetone only.
 */
export const SOURCE_PROFILES: Readonly<Record<string, Readonly<Record<string, number>>>> = {
  lab: { acetone: 0.45, toluene: 0.35, hcl: 0.2 },
  paint_shop: { toluene: 0.85, acetone: 0.15 },
  solvent_use: { acetone: 1 },
};

// ---------------------------------------------------------------- validation

function bad(path: string, message: string): never {
  throw new NarizError('NARIZ_BAD_SCENARIO', `${path === '' ? 'scenario' : path}: ${message}`);
}

const join = (path: string, key: string | number): string =>
  typeof key === 'number' ? `${path}[${key}]` : path === '' ? key : `${path}.${key}`;

function describe(v: unknown): string {
  if (v === undefined) return 'nothing (missing)';
  if (typeof v === 'string') return `"${v.length > 40 ? `${v.slice(0, 40)}…` : v}"`;
  if (typeof v === 'number' || typeof v === 'boolean' || v === null) return String(v);
  return Array.isArray(v) ? 'an array' : 'an object';
}

function plainObject(u: unknown, path: string): Record<string, unknown> {
  if (typeof u !== 'object' || u === null || Array.isArray(u)) bad(path, `must be an object, got ${describe(u)}`);
  return u as Record<string, unknown>;
}

function record(u: unknown, path: string, required: readonly string[], optional: readonly string[] = []): Record<string, unknown> {
  const o = plainObject(u, path);
  for (const k of Object.keys(o)) {
    if (!required.includes(k) && !optional.includes(k)) {
      bad(join(path, k), `unknown field; allowed: ${[...required, ...optional].join(', ')}`);
    }
  }
  for (const k of required) if (o[k] === undefined) bad(join(path, k), 'is required');
  return o;
}

interface NumRule {
  min?: number;
  max?: number;
  /** min is exclusive */
  above?: boolean;
  integer?: boolean;
}

function num(v: unknown, path: string, rule: NumRule = {}): number {
  if (typeof v !== 'number' || !Number.isFinite(v)) bad(path, `must be a finite number, got ${describe(v)}`);
  if (rule.integer === true && !Number.isSafeInteger(v)) bad(path, `must be an integer, got ${v}`);
  if (rule.min !== undefined && (rule.above === true ? !(v > rule.min) : !(v >= rule.min))) {
    bad(path, `must be ${rule.above === true ? '>' : '>='} ${rule.min}, got ${v}`);
  }
  if (rule.max !== undefined && !(v <= rule.max)) bad(path, `must be <= ${rule.max}, got ${v}`);
  return v;
}

function optNum(v: unknown, path: string, rule: NumRule = {}): number | undefined {
  return v === undefined ? undefined : num(v, path, rule);
}

function str(v: unknown, path: string): string {
  if (typeof v !== 'string' || v.trim() === '') bad(path, `must be a non-empty string, got ${describe(v)}`);
  return v;
}

function oneOf<T extends string>(v: unknown, path: string, allowed: readonly T[]): T {
  if (typeof v !== 'string' || !(allowed as readonly string[]).includes(v)) {
    bad(path, `must be one of ${allowed.join(', ')}, got ${describe(v)}`);
  }
  return v as T;
}

function arr(v: unknown, path: string, minLength: number): unknown[] {
  if (!Array.isArray(v)) bad(path, `must be an array, got ${describe(v)}`);
  if (v.length < minLength) bad(path, `must have at least ${minLength} element(s)`);
  return v;
}

function speciesKey(v: unknown, path: string): string {
  const key = str(v, path);
  if (key !== key.toLowerCase()) bad(path, `species keys are lower case, got "${key}"`);
  if (builtinChemicals().lookup(key) === undefined) {
    bad(path, `species "${key}" is not in the chemical table; use an alias such as hcl, a name with underscores, or a CAS number`);
  }
  return key;
}

function validateSource(u: unknown, path: string): SimSource {
  const o = record(u, path, ['id', 'profile', 'kind', 'east', 'north', 'heightM', 'rateKgS']);
  const id = str(o['id'], join(path, 'id'));
  if (!isValidId(id)) bad(join(path, 'id'), `"${id}" is not a valid id (letters, digits, _ . : -; at most 128)`);
  const ratesPath = join(path, 'rateKgS');
  const rates = plainObject(o['rateKgS'], ratesPath);
  const rateKgS: Record<string, number> = {};
  for (const [k, v] of Object.entries(rates)) {
    const p = join(ratesPath, k);
    rateKgS[speciesKey(k, p)] = num(v, p, { min: 0 });
  }
  return {
    id,
    profile: str(o['profile'], join(path, 'profile')),
    kind: oneOf(o['kind'], join(path, 'kind'), ['target', 'decoy'] as const),
    east: num(o['east'], join(path, 'east')),
    north: num(o['north'], join(path, 'north')),
    heightM: num(o['heightM'], join(path, 'heightM'), { min: 0, max: 500 }),
    rateKgS,
  };
}

/**
 * Parse an unknown JSON value into a Scenario, or throw
 * NARIZ_BAD_SCENARIO whose message starts with the offending field's path
 * (e.g. `sources[1].rateKgS.toluene: must be >= 0, got -1`). Unknown fields
 * are rejected so that typos do not silently fall back to defaults. The
 * result is a fresh object; the input is not modified.
 */
export function validateScenario(u: unknown): Scenario {
  const o = record(u, '', ['seed', 'origin', 'sources', 'wind', 'stability', 'sigmaSet', 'survey', 'sensor', 'windSensor', 'reportStability'], ['areaM']);
  const seed = num(o['seed'], 'seed', { integer: true, min: 0, max: Number.MAX_SAFE_INTEGER });

  const og = record(o['origin'], 'origin', ['lat', 'lon']);
  const origin = { lat: num(og['lat'], 'origin.lat', { min: -89.9, max: 89.9 }), lon: num(og['lon'], 'origin.lon', { min: -180, max: 180 }) };

  let areaM = { width: DEFAULT_AREA_M, height: DEFAULT_AREA_M };
  if (o['areaM'] !== undefined) {
    const a = record(o['areaM'], 'areaM', ['width', 'height']);
    areaM = { width: num(a['width'], 'areaM.width', { min: 10, max: 50_000 }), height: num(a['height'], 'areaM.height', { min: 10, max: 50_000 }) };
  }

  const sources = arr(o['sources'], 'sources', 0).map((s, i) => validateSource(s, join('sources', i)));
  const ids = new Set<string>();
  sources.forEach((s, i) => {
    if (ids.has(s.id)) bad(join(join('sources', i), 'id'), `duplicate source id "${s.id}"`);
    ids.add(s.id);
  });

  const w = record(o['wind'], 'wind', ['speedMps', 'fromDeg', 'meanderSdDeg', 'meanderTimescaleS', 'speedGustSd']);
  const wind: WindSpec = {
    speedMps: num(w['speedMps'], 'wind.speedMps', { min: MIN_WIND_MPS, max: 40 }),
    fromDeg: num(w['fromDeg'], 'wind.fromDeg', { min: -360, max: 720 }),
    meanderSdDeg: num(w['meanderSdDeg'], 'wind.meanderSdDeg', { min: 0, max: 60 }),
    meanderTimescaleS: num(w['meanderTimescaleS'], 'wind.meanderTimescaleS', { min: 1, max: 86_400 }),
    speedGustSd: num(w['speedGustSd'], 'wind.speedGustSd', { min: 0, max: 20 }),
  };

  const stability = oneOf(o['stability'], 'stability', STABILITY_CLASSES);
  const sigmaSet = oneOf(o['sigmaSet'], 'sigmaSet', SIGMA_SETS);

  const sv = record(o['survey'], 'survey', ['altitudesM', 'speedMps', 'sampleHz', 'startTimeS'], ['transectSpacingM', 'downwindMarginM', 'maxSamples']);
  const survey: SurveySpec = {
    altitudesM: arr(sv['altitudesM'], 'survey.altitudesM', 1).map((a, i) => num(a, join('survey.altitudesM', i), { min: 0, above: true, max: 1000 })),
    speedMps: num(sv['speedMps'], 'survey.speedMps', { min: 0, above: true, max: 60 }),
    sampleHz: num(sv['sampleHz'], 'survey.sampleHz', { min: 0, above: true, max: 1000 }),
    startTimeS: num(sv['startTimeS'], 'survey.startTimeS', { min: 0 }),
  };
  const spacing = optNum(sv['transectSpacingM'], 'survey.transectSpacingM', { min: 1, max: 10_000 });
  if (spacing !== undefined) survey.transectSpacingM = spacing;
  const margin = optNum(sv['downwindMarginM'], 'survey.downwindMarginM', { min: 0, max: 20_000 });
  if (margin !== undefined) survey.downwindMarginM = margin;
  const maxSamples = optNum(sv['maxSamples'], 'survey.maxSamples', { integer: true, min: 1, max: MAX_SIM_SAMPLES });
  if (maxSamples !== undefined) survey.maxSamples = maxSamples;

  const se = record(o['sensor'], 'sensor', ['species', 'lagS', 'relativeNoise'], ['pathLengthM']);
  const species = arr(se['species'], 'sensor.species', 1).map((x, i): SensorSpecies => {
    const p = join('sensor.species', i);
    const sp = record(x, p, ['key', 'unit', 'noiseSd', 'background', 'driftPerHour']);
    const unitPath = join(p, 'unit');
    const unit = sp['unit'];
    if (typeof unit !== 'string' || !isConcentrationUnit(unit)) bad(unitPath, `must be one of ppb, ppm, ugm3, mgm3, got ${describe(unit)}`);
    return {
      key: speciesKey(sp['key'], join(p, 'key')),
      unit,
      noiseSd: num(sp['noiseSd'], join(p, 'noiseSd'), { min: 0 }),
      background: num(sp['background'], join(p, 'background')),
      driftPerHour: num(sp['driftPerHour'], join(p, 'driftPerHour')),
    };
  });
  const keys = new Set<string>();
  species.forEach((s, i) => {
    if (keys.has(s.key)) bad(join(join('sensor.species', i), 'key'), `duplicate species "${s.key}"`);
    keys.add(s.key);
  });
  const sensor: SensorSpec = {
    species,
    lagS: num(se['lagS'], 'sensor.lagS', { min: 0, max: 3600 }),
    relativeNoise: num(se['relativeNoise'], 'sensor.relativeNoise', { min: 0, max: 5 }),
  };
  const pathLengthM = optNum(se['pathLengthM'], 'sensor.pathLengthM', { min: 0, above: true, max: 5000 });
  if (pathLengthM !== undefined) sensor.pathLengthM = pathLengthM;

  const ws = record(o['windSensor'], 'windSensor', ['speedSdMps', 'dirSdDeg']);
  const windSensor: WindSensorSpec = {
    speedSdMps: num(ws['speedSdMps'], 'windSensor.speedSdMps', { min: 0, max: 20 }),
    dirSdDeg: num(ws['dirSdDeg'], 'windSensor.dirSdDeg', { min: 0, max: 180 }),
  };

  const reportStability = o['reportStability'];
  if (typeof reportStability !== 'boolean') bad('reportStability', `must be true or false, got ${describe(reportStability)}`);

  return { seed, origin, areaM, sources, wind, stability, sigmaSet, survey, sensor, windSensor, reportStability };
}

// ---------------------------------------------------------- random scenario

export interface RandomScenarioOptions {
  /** Number of labs (kind 'target'), 0..3; default 1. Zero gives a lab-free control scenario. */
  labs?: number;
  /** Number of decoys (alternately paint_shop, solvent_use), 0..6; default 2. */
  decoys?: number;
  /** Mean wind speed, m/s; default uniform 2–8. */
  speedMps?: number;
  /** Mean wind direction (from), degrees; default uniform 0–360. */
  fromDeg?: number;
  /** Default: drawn from the classes plausible for the wind speed (Pasquill's table). */
  stability?: StabilityClass;
  /** Default RANDOM_SCENARIO_ORIGIN. */
  origin?: { lat: number; lon: number };
  /**
   * Approximate number of samples: the sample rate is chosen so that the
   * whole survey fits (clamped to 0.05–50 Hz) and maxSamples is set to it.
   * Default: 1 Hz and the full survey.
   */
  samples?: number;
}

/** Utrecht, NL: a region where synthetic-drug production sites are routinely found. */
export const RANDOM_SCENARIO_ORIGIN = { lat: 52.0907, lon: 5.1214 } as const;
/** 2024-06-01T00:00:00Z; surveys start at a whole daytime hour after it. */
export const RANDOM_SCENARIO_EPOCH_S = 1_717_200_000;
export const MIN_SOURCE_SEPARATION_M = 80;
/** Log-normal jitter (sd of ln) applied to each profile fraction, clamped at ±2.5 sd. */
export const PROFILE_JITTER_LN_SD = 0.3;
export const PROFILE_JITTER_CLAMP_SD = 2.5;

/** Plausible Pasquill classes for a 10 m wind speed, day or night (Turner 1970, Table 1). */
function plausibleStability(speedMps: number): readonly StabilityClass[] {
  if (speedMps < 3) return ['B', 'C', 'E', 'F'];
  if (speedMps < 5) return ['B', 'C', 'D', 'E'];
  if (speedMps < 6) return ['C', 'D'];
  return ['D'];
}

/** Typical horizontal meander (sd of the 1-hour direction), degrees, per class. */
const MEANDER_SD_DEG: Readonly<Record<StabilityClass, number>> = { A: 20, B: 15, C: 10, D: 7, E: 5, F: 4 };

function intOption(v: number | undefined, name: string, lo: number, hi: number, dflt: number): number {
  if (v === undefined) return dflt;
  if (!Number.isInteger(v) || v < lo || v > hi) throw new NarizError('NARIZ_USAGE', `randomScenario: ${name} must be an integer in ${lo}..${hi}, got ${v}`);
  return v;
}

/**
 * A realistic random scenario, fully determined by `seed` and `opts`. Labs
 * are rooftop vents (2–8 m) emitting 1.1–11 g/s in total (acetone ≈ 0.5–5
 * g/s) with the 'lab' profile's fractions jittered log-normally; decoys
 * alternate paint shops and solvent users. Sources sit in the upwind and
 * central part of a 1400 m square, at least 80 m apart; sensors are
 * PID/electrochemical-grade (a few ppb noise, 2 s response).
 */
export function randomScenario(seed: number, opts: RandomScenarioOptions = {}): Scenario {
  if (!Number.isSafeInteger(seed) || seed < 0) throw new NarizError('NARIZ_USAGE', `randomScenario: seed must be a non-negative integer, got ${seed}`);
  const labs = intOption(opts.labs, 'labs', 0, 3, 1);
  const decoys = intOption(opts.decoys, 'decoys', 0, 6, 2);
  if (opts.samples !== undefined && !(Number.isInteger(opts.samples) && opts.samples >= 1 && opts.samples <= MAX_SIM_SAMPLES)) {
    throw new NarizError('NARIZ_USAGE', `randomScenario: samples must be an integer in 1..${MAX_SIM_SAMPLES}, got ${opts.samples}`);
  }
  const rng = streamRng(seed, 'random-scenario');
  const jitter = (): number => {
    const z = Math.max(-PROFILE_JITTER_CLAMP_SD, Math.min(PROFILE_JITTER_CLAMP_SD, rng.normal()));
    return Math.exp(PROFILE_JITTER_LN_SD * z);
  };

  const speedMps = opts.speedMps ?? rng.uniform(2, 8);
  const fromDeg = opts.fromDeg ?? rng.uniform(0, 360);
  const stability = opts.stability ?? rng.pick(plausibleStability(speedMps));
  if (!isStabilityClass(stability)) throw new NarizError('NARIZ_USAGE', `randomScenario: stability must be one of A..F, got ${String(stability)}`);

  const wind: WindSpec = {
    speedMps,
    fromDeg,
    meanderSdDeg: MEANDER_SD_DEG[stability] * rng.uniform(0.7, 1.3),
    meanderTimescaleS: rng.uniform(60, 300),
    speedGustSd: speedMps * rng.uniform(0.1, 0.2),
  };

  const areaM = { width: DEFAULT_AREA_M, height: DEFAULT_AREA_M };
  const [we, wn] = windFromToUv(1, fromDeg);
  const halfMin = Math.min(areaM.width, areaM.height) / 2;
  const placed: SimSource[] = [];
  const place = (): { east: number; north: number } => {
    for (let attempt = 0; attempt < 10_000; attempt++) {
      const east = rng.uniform(-0.4, 0.4) * areaM.width;
      const north = rng.uniform(-0.4, 0.4) * areaM.height;
      // Upwind/central: at most 10 % of the half-size past the centre, so the plume crosses most of the area.
      if (east * we + north * wn > 0.1 * halfMin) continue;
      if (placed.some((p) => Math.hypot(p.east - east, p.north - north) < MIN_SOURCE_SEPARATION_M)) continue;
      return { east, north };
    }
    throw new NarizError('NARIZ_BAD_SCENARIO', `randomScenario: could not place ${labs + decoys} sources ${MIN_SOURCE_SEPARATION_M} m apart`);
  };
  const ratesFor = (profile: string, totalKgS: number): Record<string, number> => {
    const base = SOURCE_PROFILES[profile] ?? {};
    const raw = Object.entries(base).map(([k, f]) => [k, f * jitter()] as const);
    const sum = raw.reduce((s, [, f]) => s + f, 0);
    const out: Record<string, number> = {};
    for (const [k, f] of raw) out[k] = (totalKgS * f) / sum;
    return out;
  };
  const logUniform = (lo: number, hi: number): number => Math.exp(rng.uniform(Math.log(lo), Math.log(hi)));

  for (let i = 0; i < labs; i++) {
    const pos = place();
    placed.push({ id: `lab-${i + 1}`, profile: 'lab', kind: 'target', ...pos, heightM: rng.uniform(2, 8), rateKgS: ratesFor('lab', logUniform(1.1e-3, 11e-3)) });
  }
  for (let i = 0; i < decoys; i++) {
    const pos = place();
    const paint = i % 2 === 0;
    const profile = paint ? 'paint_shop' : 'solvent_use';
    placed.push({
      id: `${profile}-${Math.floor(i / 2) + 1}`,
      profile,
      kind: 'decoy',
      ...pos,
      heightM: paint ? rng.uniform(3, 10) : rng.uniform(1, 5),
      rateKgS: ratesFor(profile, paint ? logUniform(1e-3, 20e-3) : logUniform(0.5e-3, 5e-3)),
    });
  }

  const sensor: SensorSpec = {
    species: [
      // PID (e.g. 10.6 eV lamp, ppb-class): ~3 ppb noise; urban acetone background 1–5 ppb.
      { key: 'acetone', unit: 'ppb', noiseSd: 3, background: rng.uniform(1.5, 4.5), driftPerHour: rng.uniform(-2, 2) },
      { key: 'toluene', unit: 'ppb', noiseSd: 2, background: rng.uniform(0.5, 1.5), driftPerHour: rng.uniform(-1, 1) },
      // Electrochemical HCl cell: ~15 ppb noise, larger zero drift, sub-ppb background.
      { key: 'hcl', unit: 'ppb', noiseSd: 15, background: rng.uniform(0.2, 0.8), driftPerHour: rng.uniform(-5, 5) },
    ],
    lagS: 2,
    relativeNoise: 0.3,
  };

  const survey: SurveySpec = {
    altitudesM: [15],
    speedMps: 10,
    sampleHz: 1,
    startTimeS: RANDOM_SCENARIO_EPOCH_S + rng.int(8, 16) * 3600,
  };
  const scenario: Scenario = {
    seed,
    origin: opts.origin === undefined ? { ...RANDOM_SCENARIO_ORIGIN } : { lat: opts.origin.lat, lon: opts.origin.lon },
    areaM,
    sources: placed,
    wind,
    stability,
    sigmaSet: 'briggs-rural',
    survey,
    sensor,
    windSensor: { speedSdMps: 0.3, dirSdDeg: 5 },
    reportStability: true,
  };
  if (opts.samples !== undefined) {
    const lengthM = planSurvey(scenario).totalLengthM;
    survey.sampleHz = Math.min(50, Math.max(0.05, (opts.samples * survey.speedMps) / lengthM));
    survey.maxSamples = opts.samples;
  }
  // Options are outside validation's reach otherwise (speed, direction, origin): parse once here.
  return validateScenario(scenario);
}
