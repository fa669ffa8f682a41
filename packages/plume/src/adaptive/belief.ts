/**
 * What the adaptive planner believes about the sources, in a local
 * east/north frame (metres from `origin`): a set of source hypotheses
 * ("clusters"), each a weighted particle approximation of one source's
 * location joined with a few nuisance variants (stability class, vent
 * height, how detectable its plume is). A cluster's weights are joint over
 * (particle, variant) and sum to the probability that the source exists;
 * the rest is "no such source". docs/science/adaptive-search.md.
 *
 * Two kinds of cluster come from `beliefFromLocate`: one per source the
 * estimator reports (its posterior position draws), and one "undiscovered
 * source" spread over a grid of the area (where nothing has been seen yet).
 */
import type { AreaBounds } from './area.js';
import type { PlanningWind } from './detection-model.js';
import type { FlownTrack } from './revisit.js';

/** How a source may look, beyond where it is. */
export interface SourceVariant {
  /** Stability class index 0..5 (A..F). */
  readonly stability: number;
  /** Vent height above ground, m. */
  readonly sourceHeightM: number;
  /**
   * Signal-to-noise ratio per unit-rate plume, m^3/s: the emission rate of
   * the species that shows the plume best (kg/s) over that species' noise
   * sd (kg/m^3). A reading's expected SNR is this times the unit-rate
   * plume (s/m^3).
   */
  readonly detectabilityM3s: number;
}

export interface SourceCluster {
  /** For reports: the estimate's index ("source 2") or "undiscovered". */
  readonly label: string;
  /** Particles (location hypotheses). */
  readonly count: number;
  readonly east: Float64Array;
  readonly north: Float64Array;
  readonly variants: readonly SourceVariant[];
  /**
   * Joint weights of (particle i, variant v) at i·variants.length + v;
   * non-negative, summing to the probability that the source exists (<= 1).
   */
  readonly weight: Float64Array;
}

export interface SearchBelief {
  /** Anchor of the local frame (LocalFrame origin). */
  readonly origin: { readonly lat: number; readonly lon: number };
  /** The search area in that frame: where sources may be. */
  readonly area: AreaBounds;
  /** The wind the next minutes are planned for. */
  readonly wind: PlanningWind;
  readonly clusters: readonly SourceCluster[];
  /** The track flown so far (for the revisit discount, revisit.ts); empty before the first sample. */
  readonly flown: FlownTrack;
}

/** Sum of a cluster's weights: the probability that the source exists. */
export function clusterExistence(c: SourceCluster): number {
  let s = 0;
  for (let i = 0; i < c.weight.length; i++) s += c.weight[i]!;
  return s;
}

/**
 * Shannon entropy (bits) of a cluster's location-and-existence state: the
 * particles (variants summed) and "absent". What the planner's information
 * gain is a reduction of.
 */
export function clusterEntropyBits(c: SourceCluster): number {
  const V = c.variants.length;
  let total = 0;
  let h = 0;
  for (let i = 0; i < c.count; i++) {
    let w = 0;
    for (let v = 0; v < V; v++) w += c.weight[i * V + v]!;
    total += w;
    if (w > 0) h -= w * Math.log(w);
  }
  const absent = Math.max(0, 1 - total);
  if (absent > 0) h -= absent * Math.log(absent);
  return h / Math.LN2;
}

/** Checks the shape invariants a cluster's producer must establish (the kernels trust them). */
export function assertCluster(c: SourceCluster): void {
  const V = c.variants.length;
  if (V === 0) throw new RangeError(`cluster ${c.label}: needs at least one variant`);
  if (c.east.length < c.count || c.north.length < c.count) throw new RangeError(`cluster ${c.label}: ${c.count} particles but ${c.east.length}/${c.north.length} coordinates`);
  if (c.weight.length !== c.count * V) throw new RangeError(`cluster ${c.label}: weight must have count x variants = ${c.count * V} entries, has ${c.weight.length}`);
  let s = 0;
  for (let i = 0; i < c.weight.length; i++) {
    const w = c.weight[i]!;
    if (!(w >= 0)) throw new RangeError(`cluster ${c.label}: weight[${i}] = ${w} is not a non-negative number`);
    s += w;
  }
  if (s > 1 + 1e-9) throw new RangeError(`cluster ${c.label}: weights sum to ${s} > 1 (they are the probability that the source exists)`);
  for (const v of c.variants) {
    if (!(Number.isInteger(v.stability) && v.stability >= 0 && v.stability <= 5)) throw new RangeError(`cluster ${c.label}: stability ${v.stability} is not 0..5`);
    if (!(v.sourceHeightM >= 0) || !(v.detectabilityM3s >= 0)) throw new RangeError(`cluster ${c.label}: variant height and detectability must be >= 0`);
  }
}
