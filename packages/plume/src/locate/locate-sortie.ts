/**
 * From a sortie to located, quantified, classified sources: the pipeline
 * behind `nariz locate`. Pure (no I/O, no clocks): detection gives each
 * species' drifting background and noise, the estimator works on the
 * excess in a local east/north frame, and the signature library turns each
 * source's rates into class probabilities.
 */
import { LocalFrame, STABILITY_CLASSES, STABILITY_UNKNOWN, NarizError, toKgM3Factor, type Sortie, type StabilityClass } from '@nariz/core';
import { detectSortie } from '../detect/index.js';
import { classifySource, DEMO_SIGNATURE_LIBRARY, type RateEstimate, type SignatureLibrary } from '../classify/index.js';
import { buildProblem } from '../ste/problem.js';
import { estimateSources } from '../ste/estimate.js';
import { serialScan, type ScanExecutor } from '../ste/scan-executor.js';
import { sharedScanPool } from '../parallel/scan-pool.js';
import { stabilityPriorFromSigmaTheta } from '../ste/stability-prior.js';
import { SIGMA_SET_INDEX, type SigmaSet } from '../sigma.js';

export interface LocateOptions {
  readonly sigmaSet?: SigmaSet;
  /** Known source (vent) height above ground, m. Default: marginalised over DEFAULT_SOURCE_HEIGHTS_M. */
  readonly sourceHeightM?: number;
  readonly maxSources?: number;
  /** Overrides the sortie's stability column. */
  readonly stability?: StabilityClass;
  readonly library?: SignatureLibrary;
  readonly seed?: number;
  /** Relative model error of a single reading (default 0.5). */
  readonly relativeError?: number;
  /** Sensor response time (first-order lag), s. Default: estimated from the sortie. */
  readonly sensorLagS?: number;
  /**
   * Threads for the plume scans, this one included (default: the machine's
   * available parallelism, at most 8; 1 = this thread only). The workers
   * are kept for the life of the process (sharedScanPool). Ignored when
   * `executor` is given. The result does not depend on it.
   */
  readonly threads?: number;
  /** Run the scans on this executor (e.g. a ScanPool of your own) instead of the process's shared pool. */
  readonly executor?: ScanExecutor;
  readonly onProgress?: (fraction: number, message: string) => void;
}

export interface LocatedSource {
  readonly lat: number;
  readonly lon: number;
  /** Metres east/north of the frame origin. */
  readonly east: number;
  readonly north: number;
  readonly positionCi95M: number;
  readonly ellipse95: { readonly semiMajorM: number; readonly semiMinorM: number; readonly azimuthDeg: number };
  /** Posterior median rate per species, g/s. */
  readonly rateGps: Record<string, number>;
  readonly rateCi95Gps: Record<string, [number, number]>;
  readonly probability: number;
  /** Empty when no profile of the library is compatible with the rates (then `labProbability` is 0 and `classified` false). */
  readonly classProbabilities: Record<string, number>;
  readonly labProbability: number;
  readonly classified: boolean;
  /**
   * Equally weighted draws from the position posterior, [lon, lat], at most
   * POSTERIOR_SAMPLE_SIZE (an even stride through the draws): for heat maps.
   */
  readonly posteriorSample: ReadonlyArray<readonly [number, number]>;
}

/** Most posterior position draws a LocatedSource carries. */
export const POSTERIOR_SAMPLE_SIZE = 256;

export interface SpeciesBackground {
  readonly unit: string;
  /** Median background over the sortie, in the column's unit. */
  readonly median: number;
  readonly noiseSd: number;
  readonly events: number;
}

export interface LocateResult {
  readonly sources: LocatedSource[];
  readonly background: Record<string, SpeciesBackground>;
  readonly stability: { readonly source: 'sortie' | 'option' | 'inferred'; readonly posterior: Record<StabilityClass, number> };
  readonly samples: number;
  readonly origin: { readonly lat: number; readonly lon: number };
  readonly diagnostics: { readonly gamma: number; readonly reducedChi2: number; readonly residualLag1: number; readonly retainedSamples: number; readonly sensorLagS: number };
}

/**
 * Class probabilities, or none when the rates fit no profile of the library
 * (an unknown emitter: the analyst sees "unclassified", not a forced guess).
 */
function classifyOrNone(rates: Record<string, RateEstimate>, library: SignatureLibrary): { probabilities: Record<string, number>; labProbability: number; classified: boolean } {
  try {
    const c = classifySource(rates, library);
    return { probabilities: c.probabilities, labProbability: c.labProbability, classified: true };
  } catch (e) {
    if (e instanceof NarizError && (e.code === 'NARIZ_NUMERIC' || e.code === 'NARIZ_USAGE')) return { probabilities: {}, labProbability: 0, classified: false };
    throw e;
  }
}

function median(a: Float64Array): number {
  const s = Float64Array.from(a).sort();
  return s.length === 0 ? NaN : s[(s.length - 1) >> 1]!;
}

/** Classes to consider: the option, else the sortie's column (every class it names), else all six. */
function stabilityChoice(sortie: Sortie, opt: StabilityClass | undefined): { classes: number[]; source: 'sortie' | 'option' | 'inferred' } {
  if (opt !== undefined) return { classes: [STABILITY_CLASSES.indexOf(opt)], source: 'option' };
  const seen = new Set<number>();
  let unknown = 0;
  for (let i = 0; i < sortie.count; i++) {
    const k = sortie.stability[i]!;
    if (k === STABILITY_UNKNOWN) unknown++;
    else seen.add(k);
  }
  // A column that is mostly empty is not trusted to exclude classes.
  if (seen.size > 0 && unknown < 0.1 * sortie.count) return { classes: [...seen].sort(), source: 'sortie' };
  return { classes: [0, 1, 2, 3, 4, 5], source: 'inferred' };
}

/**
 * How many independent data a plume crossing holds at least, for capping the
 * likelihood's tempering (SteOptions.maxAutocorrelationTime = the median
 * crossing length over this). A crossing's profile has three numbers — its
 * integral, centre and width — and the fluctuations that correlate the
 * residuals along it act on them separately: intermittency scales the
 * whole crossing, meander the sensor does not track shifts it, dilution
 * spreads it. Capping at one datum per crossing found 70 of 87 labs over
 * the bench's 48 scenarios, two 74, three 80, with the 95 % regions still
 * calibrated once the rate floor was widened to ln sd 0.25 (measured
 * 2026-11-27).
 */
export const CROSSING_INDEPENDENT_DATA = 3;

export function locateSortie(sortie: Sortie, opts: LocateOptions = {}): LocateResult {
  if (sortie.count < 10) throw new NarizError('NARIZ_CSV_EMPTY', `a sortie needs at least 10 samples to locate sources, this one has ${sortie.count}`);
  // The process's shared pool (workers boot on first use, while detection
  // runs; scans given out before they are ready run here).
  const executor = opts.executor ?? (opts.threads === 1 ? serialScan : sharedScanPool(opts.threads));
  try {
    return locateWith(sortie, opts, executor);
  } finally {
    executor.release?.();
  }
}

function locateWith(sortie: Sortie, opts: LocateOptions, executor: ScanExecutor): LocateResult {
  const progress = opts.onProgress ?? (() => undefined);
  progress(0, 'detecting plumes');
  const detections = detectSortie(sortie);
  let lat0 = 0;
  let lon0 = 0;
  for (let i = 0; i < sortie.count; i++) {
    lat0 += sortie.lat[i]!;
    lon0 += sortie.lon[i]!;
  }
  const frame = new LocalFrame({ lat: lat0 / sortie.count, lon: lon0 / sortie.count });
  const n = sortie.count;
  const east = new Float64Array(n);
  const north = new Float64Array(n);
  for (let i = 0; i < n; i++) [east[i], north[i]] = frame.project(sortie.lat[i]!, sortie.lon[i]!);
  let pathEast: Float64Array | undefined;
  let pathNorth: Float64Array | undefined;
  if (sortie.endLat !== undefined && sortie.endLon !== undefined && sortie.endAltAglM !== undefined) {
    pathEast = new Float64Array(n).fill(NaN);
    pathNorth = new Float64Array(n).fill(NaN);
    for (let i = 0; i < n; i++) {
      if (Number.isNaN(sortie.endLat[i]!)) continue;
      [pathEast[i], pathNorth[i]] = frame.project(sortie.endLat[i]!, sortie.endLon[i]!);
    }
  }
  const excess = detections.map((d) => {
    const e = new Float64Array(n);
    for (let i = 0; i < n; i++) e[i] = d.values[i]! - d.background[i]!;
    return e;
  });
  const noiseSd = Float64Array.from(detections, (d) => d.noiseSd);
  const problem = buildProblem(
    {
      count: n, timeS: sortie.timeS, east, north, up: sortie.altAglM, windU: sortie.windU, windV: sortie.windV, excess, noiseSd,
      ...(pathEast !== undefined && pathNorth !== undefined && sortie.endAltAglM !== undefined ? { pathEast, pathNorth, pathUp: sortie.endAltAglM } : {}),
    },
    { ...(opts.relativeError === undefined ? {} : { relativeError: opts.relativeError }), ...(opts.sensorLagS === undefined ? {} : { sensorLagS: opts.sensorLagS }) },
  );
  const stab = stabilityChoice(sortie, opts.stability);
  const crossingLengths = detections.flatMap((d) => d.events.map((e) => e.endIndex - e.startIndex + 1)).sort((a, b) => a - b);
  const medianCrossing = crossingLengths.length > 0 ? crossingLengths[(crossingLengths.length - 1) >> 1]! : undefined;
  // Inferred stability gets the sigma-theta prior from the wind record.
  const stabilityPrior = stab.source === 'inferred' ? stabilityPriorFromSigmaTheta((problem.sigmaThetaRad * 180) / Math.PI) : undefined;
  const result = estimateSources(problem, {
    ...(stabilityPrior !== undefined ? { stabilityPrior } : {}),
    sigmaSet: SIGMA_SET_INDEX[opts.sigmaSet ?? 'briggs-rural'],
    stabilities: stab.classes,
    // A given vent height is used as is; otherwise heights are marginalised.
    ...(opts.sourceHeightM !== undefined ? { sourceHeightM: opts.sourceHeightM } : {}),
    maxSources: opts.maxSources ?? 6,
    seed: opts.seed ?? 1,
    ...(opts.sensorLagS !== undefined ? { sensorLagS: opts.sensorLagS } : {}),
    ...(medianCrossing !== undefined ? { maxAutocorrelationTime: Math.max(2, medianCrossing / CROSSING_INDEPENDENT_DATA) } : {}),
    onProgress: (f, m) => progress(0.05 + 0.9 * f, m),
    executor,
  });
  const library = opts.library ?? DEMO_SIGNATURE_LIBRARY;
  const keys = detections.map((d) => d.key);
  const sources: LocatedSource[] = result.sources.map((s) => {
    const rates: Record<string, RateEstimate> = {};
    const rateGps: Record<string, number> = {};
    const rateCi95Gps: Record<string, [number, number]> = {};
    keys.forEach((k, i) => {
      const r = s.rates[i]!;
      rates[k] = s.ratesForRatios[i]!;
      rateGps[k] = r.median * 1000;
      rateCi95Gps[k] = [r.lo95 * 1000, r.hi95 * 1000];
    });
    const cls = classifyOrNone(rates, library);
    const g = frame.unproject(s.east, s.north);
    const stride = Math.max(1, Math.ceil(s.drawsE.length / POSTERIOR_SAMPLE_SIZE));
    const posteriorSample: Array<readonly [number, number]> = [];
    for (let i = 0; i < s.drawsE.length; i += stride) {
      const p = frame.unproject(s.drawsE[i]!, s.drawsN[i]!);
      posteriorSample.push([p.lon, p.lat]);
    }
    return {
      lat: g.lat, lon: g.lon, east: s.east, north: s.north,
      positionCi95M: s.radius95M, ellipse95: s.ellipse95,
      rateGps, rateCi95Gps, probability: s.probability,
      classProbabilities: cls.probabilities, labProbability: cls.labProbability, classified: cls.classified,
      posteriorSample,
    };
  });
  const background: Record<string, SpeciesBackground> = {};
  detections.forEach((d) => {
    const sp = sortie.species.find((x) => x.key === d.key)!;
    const toUnit = 1 / toKgM3Factor(sp.unit, sp.molarMassGmol);
    background[d.key] = { unit: sp.unit, median: median(d.background) * toUnit, noiseSd: d.noiseSd * toUnit, events: d.events.length };
  });
  const posterior = {} as Record<StabilityClass, number>;
  STABILITY_CLASSES.forEach((c, i) => (posterior[c] = result.stabilityPosterior[i]!));
  progress(1, 'done');
  return {
    sources, background, stability: { source: stab.source, posterior }, samples: n,
    origin: { lat: frame.origin.lat, lon: frame.origin.lon },
    diagnostics: { gamma: result.gamma, reducedChi2: result.reducedChi2, residualLag1: result.residualLag1, retainedSamples: problem.nSamples, sensorLagS: result.sensorLagS },
  };
}
