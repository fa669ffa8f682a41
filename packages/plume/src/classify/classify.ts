/**
 * Source-type classification: posterior probability of each emission
 * profile given per-species emission-rate estimates (or, equivalently up to
 * scale, integrated plume excesses), by Bayesian model comparison with the
 * marginal likelihoods of likelihood.ts and a prior over profiles (uniform
 * by default).
 */
import { NarizError } from '@nariz/core';
import { DEFAULT_RATIO_LOG_SD, type SignatureLibrary } from './library.js';
import { accumulateSpecies, cellWidth, logSumExp, measurementCells, totalGrid, type MeasuredSpecies } from './likelihood.js';

export interface RateEstimate {
  /** Emission rate (or any quantity proportional to it across species), e.g. kg/s. */
  readonly mean: number;
  /** One standard deviation, same unit; 0 is floored at 1e-6 of the largest rate. */
  readonly sd: number;
}

export interface ClassifyOptions {
  /** Prior weight per profile id (normalised; ids left out get 0). Default uniform. */
  readonly prior?: Readonly<Record<string, number>>;
  /** Fraction assumed for a measured species a profile does not emit (default 1e-3). */
  readonly floorFraction?: number;
}

export interface SourceClassification {
  /** Posterior probability per profile id; sums to 1. */
  readonly probabilities: Record<string, number>;
  /** Sum of probabilities over profiles of kind 'target'. */
  readonly labProbability: number;
  /** Log marginal likelihood per profile, up to one constant shared by all profiles. */
  readonly logEvidence: Record<string, number>;
}

export const DEFAULT_FLOOR_FRACTION = 1e-3;

function priorWeights(library: SignatureLibrary, prior: Readonly<Record<string, number>> | undefined): Float64Array {
  const n = library.profiles.length;
  const w = new Float64Array(n);
  if (prior === undefined) return w.fill(1 / n);
  const ids = new Set(library.profiles.map((p) => p.id));
  for (const [id, v] of Object.entries(prior)) {
    if (!ids.has(id)) throw new NarizError('NARIZ_USAGE', `prior names profile "${id}", which is not in library ${library.version}`);
    if (!(v >= 0) || !Number.isFinite(v)) throw new NarizError('NARIZ_USAGE', `prior for "${id}" must be finite and >= 0, got ${v}`);
  }
  let sum = 0;
  library.profiles.forEach((p, k) => {
    const v = prior[p.id] ?? 0;
    w[k] = v;
    sum += v;
  });
  if (!(sum > 0)) throw new NarizError('NARIZ_USAGE', 'prior gives every profile weight 0');
  for (let k = 0; k < n; k++) w[k] = w[k]! / sum;
  return w;
}

function measuredSpecies(rates: Readonly<Record<string, RateEstimate>>): MeasuredSpecies[] {
  const entries = Object.entries(rates);
  if (entries.length === 0) throw new NarizError('NARIZ_USAGE', 'no species rates given; classification needs at least one measured species');
  let scale = 0;
  for (const [key, r] of entries) {
    if (!Number.isFinite(r.mean) || !Number.isFinite(r.sd) || r.sd < 0) {
      throw new NarizError('NARIZ_USAGE', `rate for "${key}" needs a finite mean and sd >= 0, got ${r.mean} +/- ${r.sd}`);
    }
    scale = Math.max(scale, Math.abs(r.mean) + r.sd);
  }
  if (!(scale > 0)) throw new NarizError('NARIZ_USAGE', 'every rate is exactly 0 with sd 0; nothing to classify');
  const minSd = 1e-6 * scale;
  return entries.map(([key, r]) => ({ key, mean: r.mean, sd: Math.max(r.sd, minSd) }));
}

export function classifySource(
  rates: Readonly<Record<string, RateEstimate>>,
  library: SignatureLibrary,
  opts: ClassifyOptions = {},
): SourceClassification {
  const floor = opts.floorFraction ?? DEFAULT_FLOOR_FRACTION;
  if (!(floor > 0 && floor < 1)) throw new NarizError('NARIZ_USAGE', `floorFraction must be in (0, 1), got ${floor}`);
  const prior = priorWeights(library, opts.prior);
  const measured = measuredSpecies(rates);
  let minTau = Infinity;
  for (const p of library.profiles) minTau = Math.min(minTau, p.ratioLogSd ?? DEFAULT_RATIO_LOG_SD);
  const h = cellWidth(minTau);
  const grid = totalGrid(measured, floor, h);
  const cells = measured.map((m) => measurementCells(m.mean, m.sd, h));
  const acc = new Float64Array(grid.count);
  const logPost = new Float64Array(library.profiles.length);
  const logEvidence: Record<string, number> = {};
  library.profiles.forEach((p, k) => {
    acc.fill(0);
    const tau = p.ratioLogSd ?? DEFAULT_RATIO_LOG_SD;
    measured.forEach((m, s) => {
      const f = Math.max(p.massFractions[m.key] ?? 0, floor);
      accumulateSpecies(acc, cells[s]!, grid, Math.log(f), tau);
    });
    const ev = logSumExp(acc);
    logEvidence[p.id] = ev;
    logPost[k] = prior[k]! > 0 ? ev + Math.log(prior[k]!) : -Infinity;
  });
  const norm = logSumExp(logPost);
  if (norm === -Infinity) {
    throw new NarizError(
      'NARIZ_NUMERIC',
      `the measured rates (${measured.map((m) => `${m.key} ${m.mean}+/-${m.sd}`).join(', ')}) are incompatible with every profile of library ${library.version} that has prior weight`,
    );
  }
  const probabilities: Record<string, number> = {};
  let labProbability = 0;
  library.profiles.forEach((p, k) => {
    const pr = Math.exp(logPost[k]! - norm);
    probabilities[p.id] = pr;
    if (p.kind === 'target') labProbability += pr;
  });
  return { probabilities, labProbability: Math.min(1, labProbability), logEvidence };
}

/** Integrated excess of one species over an encounter (see detect/encounters.ts). */
export interface SpeciesExcess {
  readonly integratedExcess: number;
  readonly integratedExcessSd: number;
}

/**
 * Classifies a plume encounter from its per-species integrated excesses
 * (kg/m^3 s). For co-located emissions crossed once, these are proportional
 * to the emission rates with one common factor, which the classifier's
 * scale-free total absorbs; so no dispersion model is needed here.
 */
export function classifyEncounter(
  excessBySpecies: Readonly<Record<string, SpeciesExcess>>,
  library: SignatureLibrary,
  opts: ClassifyOptions = {},
): SourceClassification {
  const rates: Record<string, RateEstimate> = {};
  for (const [k, e] of Object.entries(excessBySpecies)) rates[k] = { mean: e.integratedExcess, sd: e.integratedExcessSd };
  return classifySource(rates, library, opts);
}
