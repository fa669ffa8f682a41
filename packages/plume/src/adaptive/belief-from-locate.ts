/**
 * The planner's belief from what the platform has after a localisation: the
 * `locateSortie` result (sources with posterior position draws, rates,
 * existence probabilities, the stability posterior, the sensor lag) and the
 * sortie it came from (the track flown, its wind record, its detections).
 *
 * - One cluster per reported source: its `posteriorSample` draws as
 *   equally weighted particles (existence = its probability), in the
 *   likely stability classes × the estimator's vent heights, with the
 *   detectability of its best species (median rate over that species'
 *   noise).
 * - One "undiscovered source" cluster (undiscovered.ts) over a grid of the
 *   search area, its variants spanning the rate prior, with the flown
 *   track as negative evidence.
 */
import { LocalFrame, NarizError, STABILITY_CLASSES, STABILITY_UNKNOWN, type Sortie } from '@nariz/core';
import { detectSortie } from '../detect/index.js';
import { SIGMA_SET_INDEX, type SigmaSet } from '../sigma.js';
import { DEFAULT_SOURCE_HEIGHTS_M } from '../ste/types.js';
import type { SearchBelief, SourceCluster, SourceVariant } from './belief.js';
import type { DetectionModel, PlanningWind } from './detection-model.js';
import { centredBounds } from './area.js';
import { flownBins, type FlownBins } from './flown-bins.js';
import { DEFAULT_WIND_WINDOW_S, planningWindFromSortie } from './planning-wind.js';
import { undiscoveredCluster } from './undiscovered.js';
import type { FlownTrack } from './revisit.js';

/** The search area: a rectangle of width × height metres (east × north) centred on `center`. */
export interface SearchArea {
  readonly center: { readonly lat: number; readonly lon: number };
  readonly widthM: number;
  readonly heightM: number;
}

export interface BeliefOptions {
  readonly area: SearchArea;
  readonly sigmaSet?: SigmaSet;
  /** A reading shows a plume above this many noise sd (default 4, the detector's event threshold). */
  readonly thresholdSd?: number;
  /** Relative model error of a reading (default 0.5, the estimator's default). */
  readonly relativeError?: number;
  /** Bin length, m; default max(MIN_BIN_M, speed × sensor lag × 1.25) from the track and the estimate. */
  readonly binLengthM?: number;
  /** Grid of the undiscovered-source hypothesis, m (default 70). */
  readonly cellM?: number;
  /** Prior probability of one more source than reported, before the track's evidence (default 0.5). */
  readonly newSourcePrior?: number;
  /** Range of a new source's total rate, g/s (default 1–10, log-uniform). */
  readonly newSourceRateGps?: readonly [number, number];
  /** Share of a new source's rate in its most detectable species (default 0.5). */
  readonly newSourceFraction?: number;
  /** Most position draws of a reported source used as particles (an even stride through posteriorSample; default 128). */
  readonly maxParticlesPerSource?: number;
  /** Vent heights the reported sources' variants span, m (default the estimator's DEFAULT_SOURCE_HEIGHTS_M). */
  readonly heightsM?: readonly number[];
  /** Vent heights of the undiscovered source's variants, m (default NEW_SOURCE_HEIGHTS_M). */
  readonly newSourceHeightsM?: readonly number[];
  /** No undiscovered-source cell within this of a reported source (or its 95 % radius, if larger), m (default 50). */
  readonly exclusionM?: number;
  /** Wind record the plan uses, s (default 600). */
  readonly windWindowS?: number;
  /** Per-sample detection flags (a plume event of any species); default from `detectSortie`. */
  readonly detected?: Uint8Array;
  /** The wind to plan with; default from the sortie's wind record (required when the sortie is empty). */
  readonly wind?: PlanningWind;
  /**
   * Noise sd per species, kg/m^3, used while the sortie is too short to
   * estimate it (fewer than MIN_SAMPLES_FOR_NOISE samples): the sensors'
   * specifications.
   */
  readonly noiseKgM3?: Readonly<Record<string, number>>;
  /** Stability class (A..F index) to plan in before there is an estimate; default the sortie's column, else D. */
  readonly stability?: number;
}

/** Fewer samples than this do not estimate a species' noise (two background windows at 1 Hz). */
export const MIN_SAMPLES_FOR_NOISE = 240;
/** Fewer samples than this are not searched for plume events (the detector's background needs a few). */
export const MIN_SAMPLES_FOR_DETECTION = 10;

const EMPTY_FLOWN = flownBinsOfNothing();

function flownBinsOfNothing(): FlownBins {
  const z = new Float64Array(0);
  return { count: 0, e0: z, n0: z, e1: z, n1: z, upM: z, windU: z, windV: z, detected: new Uint8Array(0) };
}

/** Shortest bin, m. */
export const MIN_BIN_M = 20;
/** Stability classes below this posterior probability get no variants (at most MAX_VARIANT_CLASSES classes). */
export const MIN_CLASS_PROBABILITY = 0.1;
export const MAX_VARIANT_CLASSES = 2;
/** Vent heights of the undiscovered source's variants, m: a low and a rooftop vent (a low vent's plume reaches a drone's height later). */
export const NEW_SOURCE_HEIGHTS_M: readonly number[] = [2, 8];
/** Rate strata of the undiscovered source's variants. */
export const NEW_SOURCE_RATE_STRATA = 3;

/**
 * What the planner reads of a localisation: `LocateResult` has this shape,
 * and so has the stored `locate --json` object once parsed
 * (planningEstimateFromJson), so the server plans from what it stored.
 */
export interface PlanningEstimate {
  readonly sources: ReadonlyArray<{
    readonly lat: number;
    readonly lon: number;
    readonly positionCi95M: number;
    /** Median rate per species key, g/s. */
    readonly rateGps: Readonly<Record<string, number>>;
    /** Probability that the source exists. */
    readonly probability: number;
    /** Posterior position draws, [lon, lat] degrees. */
    readonly posteriorSample: ReadonlyArray<readonly [number, number]>;
  }>;
  readonly stability: { readonly posterior: Readonly<Record<string, number>> };
  readonly diagnostics: { readonly sensorLagS: number };
}

export interface BuiltBelief {
  readonly belief: SearchBelief;
  readonly model: DetectionModel;
  readonly binLengthM: number;
}

/** The class the sortie's stability column names most often, or undefined. */
function columnClass(sortie: Sortie): number | undefined {
  const counts = new Array<number>(6).fill(0);
  for (let i = 0; i < sortie.count; i++) {
    const k = sortie.stability[i]!;
    if (k !== STABILITY_UNKNOWN && k < 6) counts[k] = counts[k]! + 1;
  }
  const best = counts.indexOf(Math.max(...counts));
  return counts[best]! > 0 ? best : undefined;
}

/** The likely classes and their renormalised weights. */
function likelyClasses(posterior: Readonly<Record<string, number>>): Array<{ k: number; w: number }> {
  const ranked = STABILITY_CLASSES.map((c, k) => ({ k, w: posterior[c] ?? 0 })).sort((a, b) => b.w - a.w || a.k - b.k);
  const kept = ranked.filter((x, i) => i === 0 || x.w >= MIN_CLASS_PROBABILITY).slice(0, MAX_VARIANT_CLASSES);
  const s = kept.reduce((a, x) => a + x.w, 0);
  return kept.map((x) => ({ k: x.k, w: s > 0 ? x.w / s : 1 / kept.length }));
}

/** Median horizontal spacing of consecutive samples, m (for the default bin length). */
function sampleSpacingM(e: Float64Array, n: Float64Array): number {
  const d: number[] = [];
  for (let i = 1; i < e.length; i++) d.push(Math.hypot(e[i]! - e[i - 1]!, n[i]! - n[i - 1]!));
  d.sort((a, b) => a - b);
  return d.length > 0 ? d[(d.length - 1) >> 1]! : 0;
}

/**
 * The belief after `result` (undefined before the first estimate: then only
 * the undiscovered source, in `o.stability`).
 */
export function beliefFromLocate(result: PlanningEstimate | undefined, sortie: Sortie, o: BeliefOptions): BuiltBelief {
  const frame = new LocalFrame(o.area.center);
  const area = centredBounds(o.area.widthM, o.area.heightM);
  const model: DetectionModel = {
    sigmaSet: SIGMA_SET_INDEX[o.sigmaSet ?? 'briggs-rural'],
    thresholdSd: o.thresholdSd ?? 4,
    relativeError: o.relativeError ?? 0.5,
  };
  if (sortie.count === 0 && o.wind === undefined) throw new NarizError('NARIZ_USAGE', 'beliefFromLocate: an empty sortie needs options.wind');
  const wind = o.wind ?? planningWindFromSortie(sortie, o.windWindowS ?? DEFAULT_WIND_WINDOW_S);
  const estimateNoise = sortie.count >= MIN_SAMPLES_FOR_NOISE || o.noiseKgM3 === undefined;
  if (estimateNoise && sortie.count < MIN_SAMPLES_FOR_DETECTION) throw new NarizError('NARIZ_USAGE', `beliefFromLocate: a sortie of fewer than ${MIN_SAMPLES_FOR_DETECTION} samples needs options.noiseKgM3`);
  // Plume events flag the track even while the noise comes from the specification.
  const detections = sortie.count >= MIN_SAMPLES_FOR_DETECTION ? detectSortie(sortie) : [];
  const noise = new Map<string, number>();
  if (estimateNoise) for (const d of detections) noise.set(d.key, Math.max(d.noiseSd, 1e-15));
  else for (const [k, sd] of Object.entries(o.noiseKgM3 ?? {})) noise.set(k, Math.max(sd, 1e-15));
  let detected = o.detected;
  if (detected === undefined) {
    detected = new Uint8Array(sortie.count);
    for (const d of detections) for (const ev of d.events) detected.fill(1, ev.startIndex, ev.endIndex + 1);
  }
  let binLengthM = o.binLengthM;
  if (binLengthM === undefined) {
    const e = new Float64Array(sortie.count);
    const n = new Float64Array(sortie.count);
    for (let i = 0; i < sortie.count; i++) [e[i], n[i]] = frame.project(sortie.lat[i]!, sortie.lon[i]!);
    const dt = sortie.count > 1 ? (sortie.timeS[sortie.count - 1]! - sortie.timeS[0]!) / (sortie.count - 1) : 0;
    const speed = dt > 0 ? sampleSpacingM(e, n) / dt : 0;
    binLengthM = Math.max(MIN_BIN_M, 1.25 * speed * (result?.diagnostics.sensorLagS ?? 0));
  }
  const classes = result !== undefined ? likelyClasses(result.stability.posterior) : [{ k: o.stability ?? columnClass(sortie) ?? 3, w: 1 }];
  const heights = o.heightsM ?? DEFAULT_SOURCE_HEIGHTS_M;
  const exclusionM = o.exclusionM ?? 50;

  const clusters: SourceCluster[] = [];
  const exclude: Array<{ east: number; north: number; radiusM: number }> = [];
  (result?.sources ?? []).forEach((src, si) => {
    // Detectability: the best species' median rate over its noise.
    let D = 0;
    for (const [key, gps] of Object.entries(src.rateGps)) {
      const sd = noise.get(key);
      if (sd !== undefined) D = Math.max(D, gps / 1000 / sd);
    }
    const variants: SourceVariant[] = [];
    const vw: number[] = [];
    for (const c of classes) {
      for (const h of heights) {
        variants.push({ stability: c.k, sourceHeightM: h, detectabilityM3s: D });
        vw.push(c.w / heights.length);
      }
    }
    const all = src.posteriorSample.length;
    const stride = Math.max(1, Math.ceil(all / (o.maxParticlesPerSource ?? 128)));
    const m = Math.ceil(all / stride);
    const east = new Float64Array(m);
    const north = new Float64Array(m);
    for (let i = 0; i < m; i++) {
      const [lon, lat] = src.posteriorSample[i * stride]!;
      [east[i], north[i]] = frame.project(lat, lon);
    }
    const V = variants.length;
    const weight = new Float64Array(m * V);
    const p = Math.min(1, Math.max(0, src.probability));
    for (let i = 0; i < m; i++) for (let v = 0; v < V; v++) weight[i * V + v] = (p * vw[v]!) / m;
    clusters.push({ label: `source ${si + 1}`, count: m, east, north, variants, weight });
    if (src.probability >= 0.5) {
      const [e, n] = frame.project(src.lat, src.lon);
      exclude.push({ east: e, north: n, radiusM: Math.max(exclusionM, src.positionCi95M) });
    }
  });

  // The undiscovered source: rate strata of a log-uniform prior.
  const [rLo, rHi] = o.newSourceRateGps ?? [1, 10];
  const fraction = o.newSourceFraction ?? 0.5;
  let minNoise = Infinity;
  for (const sd of noise.values()) minNoise = Math.min(minNoise, sd);
  const variants: SourceVariant[] = [];
  const vw: number[] = [];
  const newHeights = o.newSourceHeightsM ?? NEW_SOURCE_HEIGHTS_M;
  for (const c of classes) {
    for (const h of newHeights) {
      for (let q = 0; q < NEW_SOURCE_RATE_STRATA; q++) {
        const gps = Math.exp(Math.log(rLo) + ((q + 0.5) / NEW_SOURCE_RATE_STRATA) * Math.log(rHi / rLo));
        variants.push({ stability: c.k, sourceHeightM: h, detectabilityM3s: (fraction * gps) / 1000 / minNoise });
        vw.push(c.w / newHeights.length / NEW_SOURCE_RATE_STRATA);
      }
    }
  }
  const flown = sortie.count > 0 ? flownBins(sortie, o.area.center, detected, binLengthM) : EMPTY_FLOWN;
  clusters.push(
    undiscoveredCluster(flown, {
      area,
      cellM: o.cellM ?? 70,
      prior: o.newSourcePrior ?? 0.5,
      variants,
      variantWeights: Float64Array.from(vw),
      exclude,
      model,
      directionSdRad: wind.directionSdRad,
    }),
  );
  const track: FlownTrack = {
    count: flown.count,
    east: Float64Array.from({ length: flown.count }, (_, k) => 0.5 * (flown.e0[k]! + flown.e1[k]!)),
    north: Float64Array.from({ length: flown.count }, (_, k) => 0.5 * (flown.n0[k]! + flown.n1[k]!)),
    lengthM: Float64Array.from({ length: flown.count }, (_, k) => Math.hypot(flown.e1[k]! - flown.e0[k]!, flown.n1[k]! - flown.n0[k]!)),
  };
  return { belief: { origin: { lat: frame.origin.lat, lon: frame.origin.lon }, area, wind, clusters, flown: track }, model, binLengthM };
}
