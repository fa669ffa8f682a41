/** Options and results of the source-term estimator (see estimate.ts). */
import type { ScanExecutor } from './scan-executor.js';

export interface SteOptions {
  readonly sigmaSet: number;
  /** Stability classes (0..5) to consider; default all six. */
  readonly stabilities?: readonly number[];
  /** Prior probability of each class (length 6); classes below 1 % of the largest are skipped. Default uniform. */
  readonly stabilityPrior?: Float64Array;
  readonly sourceHeightM?: number;
  /**
   * Vent heights (m) over which each source's position and rates are
   * marginalised at the end, uniform prior; must include sourceHeightM.
   * Default DEFAULT_SOURCE_HEIGHTS_M, or [sourceHeightM] when that is given.
   */
  readonly sourceHeightsM?: readonly number[];
  /** Initial plume spread at the source, m (default DEFAULT_INITIAL_SPREAD_M). */
  readonly initialSpreadM?: number;
  /** Search domain in local metres; default: the flown area plus a margin (see DOMAIN_MARGIN_*). */
  readonly domain?: { minE: number; maxE: number; minN: number; maxN: number };
  /** Coarse grid spacing, m; default chosen for ~2500 cells (>= 15 m). */
  readonly coarseStepM?: number;
  readonly maxSources?: number;
  /** Sources closer than this are one source (default 30 m). */
  readonly minSeparationM?: number;
  /** Prior probability that a candidate source exists (default 0.3). */
  readonly priorSourceProbability?: number;
  /** Upper bound of the uniform prior on each species' rate, kg/s (default DEFAULT_RATE_MAX_KGS). */
  readonly rateMaxKgS?: number;
  /** Fixed tempering factor (skips the pilot fit). */
  readonly gamma?: number;
  /**
   * Upper bound on the residual autocorrelation time, samples: a plume
   * crossing carries at least a few independent data, so the median
   * crossing length (from detection) over that number bounds it
   * (locateSortie: CROSSING_INDEPENDENT_DATA). Default unbounded.
   */
  readonly maxAutocorrelationTime?: number;
  readonly seed?: number;
  /**
   * The sensors' first-order response time, s, when known; the problem must
   * have been built with it. Default: chosen from sensorLagCandidatesS by the
   * pilot fit (estimate.ts, chooseSensorLag).
   */
  readonly sensorLagS?: number;
  readonly sensorLagCandidatesS?: readonly number[];
  readonly rateDraws?: number;
  /** Sources whose existence probability falls below this are not reported (default 0.2). */
  readonly reportProbability?: number;
  /** Progress callback (fraction 0..1, message); kernels stay free of I/O. */
  readonly onProgress?: (fraction: number, message: string) => void;
  /** Where the plume scans run: this thread (default) or a ScanPool's workers; results are the same. */
  readonly executor?: ScanExecutor;
}

export interface SourceEstimate {
  readonly east: number;
  readonly north: number;
  readonly cov: readonly [number, number, number];
  /** Radius around (east, north) holding 95 % of the position posterior, m. */
  readonly radius95M: number;
  /** 95 % ellipse: semi-axes (m) and orientation of the major axis (deg clockwise from north). */
  readonly ellipse95: { readonly semiMajorM: number; readonly semiMinorM: number; readonly azimuthDeg: number };
  /** Per-species rate summaries, kg/s: median, mean, sd and 95 % interval (with the model-structure floor). */
  readonly rates: ReadonlyArray<{ median: number; mean: number; sd: number; lo95: number; hi95: number }>;
  /** Per-species rate mean and sd without the common structure factor: for species ratios (classification). */
  readonly ratesForRatios: ReadonlyArray<{ mean: number; sd: number }>;
  readonly probability: number;
  /** Position draws (east, north) for downstream mixing and maps. */
  readonly drawsE: Float64Array;
  readonly drawsN: Float64Array;
}

export interface SteResult {
  readonly sources: SourceEstimate[];
  /** Posterior probability of each stability class (0..5), zero for classes not considered. */
  readonly stabilityPosterior: Float64Array;
  readonly gamma: number;
  /** Relative model error of a single reading, calibrated on the pilot fit. */
  readonly relativeError: number;
  readonly reducedChi2: number;
  readonly residualLag1: number;
  /** Integrated autocorrelation time of the residuals, samples (1 / tempering). */
  readonly autocorrelationTime: number;
  readonly domain: { minE: number; maxE: number; minN: number; maxN: number };
  /** Background offset per species (kg/m^3) fitted with the final sources. */
  readonly offsetKgM3: Float64Array;
  /** Sensor lag used (given or chosen), s. */
  readonly sensorLagS: number;
}

/**
 * Default upper bound of the uniform per-species rate prior: 30 g/s, above
 * the largest sustained releases of small clandestine labs and workshops.
 * The bound matters: it is the Occam penalty that keeps a candidate whose
 * plume barely reaches the sensors from explaining a noise bump with an
 * absurd rate. Raise it (--max-rate-gps) for industrial sources.
 */
export const DEFAULT_RATE_MAX_KGS = 0.03;

/**
 * Vent heights marginalised by default, m: ground-level leaks to roof vents.
 * The along-wind position depends on the height (a higher vent reaches the
 * ground later), so a fixed height would bias it and hide the bias.
 */
export const DEFAULT_SOURCE_HEIGHTS_M: readonly number[] = [1.5, 3, 6, 12];

export type Domain = { minE: number; maxE: number; minN: number; maxN: number };
