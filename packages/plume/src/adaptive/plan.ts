/**
 * The adaptive search step: score every candidate path (candidates.ts) by
 * its expected information gain about the sources (path-gain.ts) per metre
 * of flight cost, and return the best. Information per unit cost is the
 * reward rate of a greedy (one-step) information-gathering policy with a
 * travel cost; as in infotaxis (Vergassola et al. 2007) the step is
 * myopic, but a step here is a whole pass (transit and transect), so the
 * look-ahead is one pass deep. Deterministic: fixed candidate order, ties
 * go to the earlier candidate.
 */
import type { SearchBelief } from './belief.js';
import { candidatePaths, DEFAULT_CANDIDATE_OPTIONS, type CandidateKind, type CandidatePath, type CandidateOptions, type DroneState, type FlightLimits, type TransectFocus } from './candidates.js';
import type { DetectionModel } from './detection-model.js';
import { binPath, type PathBins } from './path-bins.js';
import { DEFAULT_REVISIT_CORRELATION, DEFAULT_REVISIT_RADIUS_M, RevisitIndex } from './revisit.js';
import { DEFAULT_RESOLUTION_M, GainWorkspace, pathInformation, prepareClusters, type PreparedCluster } from './path-gain.js';

export interface PlannerOptions {
  readonly model: DetectionModel;
  readonly binLengthM: number;
  readonly limits: FlightLimits;
  readonly candidates?: CandidateOptions;
  /** Clusters at least this likely to exist whose crosswind sd is below focusMaxSdM get transects of their own (defaults 0.2, 150 m). */
  readonly focusMinExistence?: number;
  readonly focusMaxSdM?: number;
  /** A best gain below this (bits) means nothing is left to learn: no path is proposed (default 1e-3). */
  readonly minGainBits?: number;
  /** Location cells the gain resolves, m (default DEFAULT_RESOLUTION_M). */
  readonly resolutionM?: number;
  /** A path is cut into at most about this many bins (longer bins on long paths; default DEFAULT_MAX_PATH_BINS). */
  readonly maxPathBins?: number;
  /** Revisit discount (revisit.ts): radius, m, and error correlation between passes over the same ground (defaults 25 m, 0.5; 0 turns it off). */
  readonly revisitRadiusM?: number;
  readonly revisitCorrelation?: number;
}

/** Bins a path is cut into at most (plus one per leg for rounding). */
export const DEFAULT_MAX_PATH_BINS = 48;

export interface PlannedPath {
  readonly kind: CandidateKind;
  /** Waypoints after the drone's position, local metres. */
  readonly waypoints: ReadonlyArray<{ readonly east: number; readonly north: number }>;
  readonly expectedGainBits: number;
  /** Per cluster of the belief, bits. */
  readonly gainPerClusterBits: Float64Array;
  /** Revisit factor applied to the gain (1: new ground). */
  readonly novelty: number;
  readonly lengthM: number;
  readonly costM: number;
  /** The criterion: expected gain × novelty per metre of cost. */
  readonly bitsPerM: number;
}

export interface Plan {
  readonly best: PlannedPath | undefined;
  /** Candidate paths considered. */
  readonly candidatesScored: number;
  /** Distinct sensed paths whose information was computed. */
  readonly pathsScored: number;
}

/** Weighted mean and crosswind sd of each compact, likely cluster. */
function transectFoci(clusters: readonly PreparedCluster[], sigmaSet: number, minExistence: number, maxSdM: number): TransectFocus[] {
  const out: TransectFocus[] = [];
  for (const c of clusters) {
    if (c.existence < minExistence || !(c.existence > 0)) continue;
    let vx = 0;
    for (let i = 0; i < c.count; i++) vx += c.particleWeight[i]! * (c.cross[i]! - c.meanCross) ** 2;
    const sd = Math.sqrt(vx / c.existence);
    if (sd > maxSdM) continue;
    out.push({ along: c.meanAlong, cross: c.meanCross, crossSdM: sd, stability: c.widest, sigmaSet });
  }
  return out;
}

export function planNextPath(belief: SearchBelief, state: DroneState, o: PlannerOptions): Plan {
  const wind = belief.wind;
  const clusters = prepareClusters(belief, wind);
  const foci = transectFoci(clusters, o.model.sigmaSet, o.focusMinExistence ?? 0.2, o.focusMaxSdM ?? 150);
  const paths = candidatePaths(state, foci, wind, o.limits, o.candidates ?? DEFAULT_CANDIDATE_OPTIONS);
  // The sensed part of each path; a pass flown either way is scored once.
  const sensedKey = (p: CandidatePath): string => {
    const k = p.sensedFrom;
    const ends = [`${p.east[k]!.toFixed(3)},${p.north[k]!.toFixed(3)}`];
    for (let i = k + 1; i < p.east.length; i++) ends.push(`${p.east[i]!.toFixed(3)},${p.north[i]!.toFixed(3)}`);
    const fwd = ends.join(';');
    const back = [...ends].reverse().join(';');
    return p.kind === 'fan' ? `fan:${fwd}` : fwd < back ? fwd : back;
  };
  const binned: PathBins[] = paths.map((p) => {
    const k = p.sensedFrom;
    return binPath(p.east.subarray(k), p.north.subarray(k), p.east.length - k, o.binLengthM, wind, o.maxPathBins ?? DEFAULT_MAX_PATH_BINS);
  });
  const maxBins = Math.max(1, ...binned.map((b) => b.count));
  const maxVariants = Math.max(1, ...clusters.map((c) => c.variants));
  const ws = new GainWorkspace(maxBins, maxVariants, Math.max(1, ...clusters.map((c) => c.count)));
  const ctx = { wind, model: o.model, altitudeM: state.altitudeM, resolutionM: o.resolutionM ?? DEFAULT_RESOLUTION_M };
  const per = new Float64Array(clusters.length);
  let best: PlannedPath | undefined;
  const minGain = o.minGainBits ?? 1e-3;
  const rho = o.revisitCorrelation ?? DEFAULT_REVISIT_CORRELATION;
  const revisits = new RevisitIndex(belief.flown, o.revisitRadiusM ?? DEFAULT_REVISIT_RADIUS_M);
  const scored = new Map<string, { gain: number; per: Float64Array; novelty: number }>();
  paths.forEach((p, i) => {
    const key = sensedKey(p);
    let sc = scored.get(key);
    if (sc === undefined) {
      const gain = pathInformation(binned[i]!, clusters, ctx, ws, per);
      sc = { gain, per: Float64Array.from(per), novelty: rho > 0 ? revisits.novelty(binned[i]!, wind, rho) : 1 };
      scored.set(key, sc);
    }
    const gain = sc.gain;
    const rate = (gain * sc.novelty) / p.costM;
    if (gain >= minGain && (best === undefined || rate > best.bitsPerM)) {
      const waypoints: Array<{ east: number; north: number }> = [];
      for (let k = 1; k < p.east.length; k++) waypoints.push({ east: p.east[k]!, north: p.north[k]! });
      best = { kind: p.kind, waypoints, expectedGainBits: gain, gainPerClusterBits: sc.per, novelty: sc.novelty, lengthM: p.lengthM, costM: p.costM, bitsPerM: rate };
    }
  });
  return { best, candidatesScored: paths.length, pathsScored: scored.size };
}
