/**
 * Expected information gain of a path about every source hypothesis of a
 * belief: for each cluster, the span information (span-information.ts)
 * with detection probabilities from the plume model (detection-model.ts).
 * Clusters are scored separately and the gains summed: the sources are
 * taken as independent a priori, and a detection is taken as attributable
 * to its source (the estimator separates sources by location and species
 * ratios), so each source's plume is its own observation.
 *
 * Location is resolved to cells (in the wind's frame, centred on the
 * cluster's mean): a path that only tells particles apart inside one cell
 * teaches nothing. The cells are at least `resolutionM` (the accuracy the
 * search needs) and, for a reported source, at least the estimator's
 * model-structure floor for that path: the estimator spreads a source's
 * position draws by Gaussians of sd 0.12·x along the wind and
 * max(theta, 0.05)·x across (ste/draws.ts), x the distance to the nearest
 * receptor that sees the plume, however much is flown there. A Gaussian
 * of sd sigma has the entropy of a uniform cell sqrt(2 pi e)·sigma wide, so
 * cells that wide for the x at which this path would first see the plume
 * make the gain the part of the information the estimator can turn into a
 * smaller region. Without it, a greedy planner re-flies the same short
 * pass next to a source whose estimate cannot shrink any more.
 *
 * A bin where a reported source's plume will be seen tells nothing about
 * an undiscovered one (the detection is the reported source's; the
 * negative evidence skips such bins too, undiscovered.ts), so the
 * undiscovered source's detection probability in bin j is scaled by
 * 1 - mask_j, mask_j = 1 - prod_k (1 - e_k p_kj), the chance that some
 * reported source k (existence e_k, detection probability p_kj at its
 * mean) shows its plume there. Without it, the planner circles a known
 * source expecting to find another behind it.
 *
 * Cost: per cluster, the particles that can see the path (a bounding test
 * against the path's extent first) times the bins they can see times the
 * plume shapes (stability × vent height; the variants that differ only in
 * detectability share one plume evaluation); the (first, last) tables are
 * m^2 in the m bins one particle can see. Scratch comes from a GainWorkspace
 * reused across paths.
 */
import type { SearchBelief } from './belief.js';
import { STRUCTURE_ALONG_FRACTION, STRUCTURE_CROSS_MIN_RAD } from '../ste/draws.js';
import { binMeanPlumeShapes, detectionProbability, visibleHalfWidthM, type DetectionModel, type PlanningWind } from './detection-model.js';
import { toWindFrame, type PathBins } from './path-bins.js';
import { SpanInformation } from './span-information.js';
import { variantShapes } from './variant-shapes.js';
import { UNDISCOVERED_LABEL } from './undiscovered.js';

/** A cluster in the wind's frame, with what every path's scoring needs (particles in the belief's order). */
export interface PreparedCluster {
  readonly label: string;
  readonly count: number;
  readonly variants: number;
  readonly along: Float64Array;
  readonly cross: Float64Array;
  /** Joint weights, count × variants. */
  readonly weight: Float64Array;
  /** Sum over variants per particle. */
  readonly particleWeight: Float64Array;
  readonly existence: number;
  /** Weighted mean position (wind frame), m. */
  readonly meanAlong: number;
  readonly meanCross: number;
  /** Variant weights summed over particles, normalised. */
  readonly variantWeight: Float64Array;
  /**
   * A source the estimator reports: its model-structure floor limits what
   * a path can resolve, and its plume masks the undiscovered source's.
   */
  readonly reported: boolean;
  /** Plume shapes (stability, vent height) and each variant's shape. */
  readonly shapeStability: Int32Array;
  readonly shapeHeightM: Float64Array;
  readonly variantShape: Int32Array;
  readonly detectability: Float64Array;
  /** Smallest stability index among the variants (the widest plume). */
  readonly widest: number;
}

/** Default location resolution of the gain, m: the localisation target. */
export const DEFAULT_RESOLUTION_M = 10;

/** Width of the uniform cell with the entropy of a unit Gaussian, sqrt(2 pi e). */
export const GAUSSIAN_ENTROPY_WIDTH = Math.sqrt(2 * Math.PI * Math.E);

/** `reported(label)` tells reported sources from the undiscovered source (default: every label but UNDISCOVERED_LABEL). */
export function prepareClusters(belief: SearchBelief, wind: PlanningWind, reported: (label: string) => boolean = (l) => l !== UNDISCOVERED_LABEL): PreparedCluster[] {
  return belief.clusters.map((c) => {
    const V = c.variants.length;
    const n = c.count;
    const along = new Float64Array(n);
    const cross = new Float64Array(n);
    const weight = c.weight;
    const particleWeight = new Float64Array(n);
    const variantWeight = new Float64Array(V);
    let existence = 0;
    let meanAlong = 0;
    let meanCross = 0;
    for (let i = 0; i < n; i++) {
      [along[i], cross[i]] = toWindFrame(wind, c.east[i]!, c.north[i]!);
      let w = 0;
      for (let v = 0; v < V; v++) {
        const x = c.weight[i * V + v]!;
        variantWeight[v] = variantWeight[v]! + x;
        w += x;
      }
      particleWeight[i] = w;
      existence += w;
      meanAlong += w * along[i]!;
      meanCross += w * cross[i]!;
    }
    if (existence > 0) {
      meanAlong /= existence;
      meanCross /= existence;
      for (let v = 0; v < V; v++) variantWeight[v] = variantWeight[v]! / existence;
    }
    const shapes = variantShapes(c.variants);
    return {
      label: c.label,
      count: n,
      variants: V,
      along,
      cross,
      weight,
      particleWeight,
      existence,
      meanAlong,
      meanCross,
      variantWeight,
      reported: reported(c.label),
      shapeStability: shapes.shapeStability,
      shapeHeightM: shapes.shapeHeightM,
      variantShape: shapes.variantShape,
      detectability: Float64Array.from(c.variants, (v) => v.detectabilityM3s),
      widest: Math.min(...c.variants.map((v) => v.stability)),
    };
  });
}

/** Scratch for `pathInformation`: paths up to maxBins bins, clusters up to maxVariants variants. */
export class GainWorkspace {
  readonly maxBins: number;
  readonly maxVariants: number;
  readonly spans: SpanInformation;
  /** Detection probabilities of one particle, variant-major: p[v·maxBins + j]; all zero between particles. */
  readonly p: Float64Array;
  /** One bin's mean plume per shape. */
  readonly shapeMean: Float64Array;
  /** A particle's first and last visible bin. */
  readonly range = new Int32Array(2);
  /** The weight of a cell's blind particles, as a one-variant particle. */
  readonly blind = new Float64Array(1);

  /** Per bin, the chance that a reported source's plume is seen there. */
  readonly mask: Float64Array;
  /** Particles in location-cell order, and the cells' starts in it. */
  readonly order: Int32Array;
  readonly groupStart: Int32Array;
  private readonly cellKey: Float64Array;

  constructor(maxBins: number, maxVariants: number, maxParticles: number) {
    this.maxBins = maxBins;
    this.maxVariants = maxVariants;
    this.spans = new SpanInformation(maxBins);
    this.p = new Float64Array(maxBins * maxVariants);
    this.shapeMean = new Float64Array(maxVariants);
    this.mask = new Float64Array(maxBins);
    this.order = new Int32Array(maxParticles);
    this.groupStart = new Int32Array(maxParticles + 1);
    this.cellKey = new Float64Array(maxParticles);
  }

  /**
   * Orders the cluster's particles by location cell (cellA × cellC,
   * centred on its mean) into `order`/`groupStart`; returns the number of cells.
   */
  groupByCell(c: PreparedCluster, cellA: number, cellC: number): number {
    const n = c.count;
    const key = this.cellKey;
    const order = this.order;
    for (let i = 0; i < n; i++) {
      const ka = Math.floor((c.along[i]! - c.meanAlong) / cellA + 0.5);
      const kc = Math.floor((c.cross[i]! - c.meanCross) / cellC + 0.5);
      // Exact in a double for |k| < 2^25: cells are never that many.
      key[i] = ka * 67108864 + kc;
      order[i] = i;
    }
    const sub = order.subarray(0, n);
    sub.sort((x, y) => key[x]! - key[y]! || x - y);
    let g = 0;
    for (let r = 0; r < n; r++) if (r === 0 || key[sub[r]!] !== key[sub[r - 1]!]) this.groupStart[g++] = r;
    this.groupStart[g] = n;
    return g;
  }
}

export interface PathContext {
  readonly wind: PlanningWind;
  readonly model: DetectionModel;
  /** Height of the drone above ground along the path, m. */
  readonly altitudeM: number;
  /** Smallest location cell, m (default DEFAULT_RESOLUTION_M). */
  readonly resolutionM?: number;
}

/** A bin "sees" a cluster for its floor when the detection probability at its mean reaches this. */
export const FLOOR_SEEING_PROBABILITY = 0.1;

/**
 * Along-wind distance from the cluster's mean to the nearest bin of the
 * path that would see its plume (detection probability at the mean, mixed
 * over the variants, at least FLOOR_SEEING_PROBABILITY); Infinity if none.
 */
export function nearestSeeingRangeM(bins: PathBins, c: PreparedCluster, ctx: PathContext, ws: GainWorkspace): number {
  let best = Infinity;
  for (let j = 0; j < bins.count; j++) {
    const x0 = bins.a0[j]! - c.meanAlong;
    const x1 = bins.a1[j]! - c.meanAlong;
    const xMin = Math.max(0, Math.min(x0, x1));
    if (!(Math.max(x0, x1) > 0) || xMin >= best) continue;
    if (meanDetection(bins, j, c, ctx, ws) >= FLOOR_SEEING_PROBABILITY) best = Math.max(xMin, 1);
  }
  return best;
}

/** Detection probability in bin j of a source at the cluster's mean, mixed over its variants. */
function meanDetection(bins: PathBins, j: number, c: PreparedCluster, ctx: PathContext, ws: GainWorkspace): number {
  const { wind, model, altitudeM } = ctx;
  const x0 = bins.a0[j]! - c.meanAlong;
  const x1 = bins.a1[j]! - c.meanAlong;
  if (!(Math.max(x0, x1) > 0)) return 0;
  const y0 = bins.c0[j]! - c.meanCross;
  const y1 = bins.c1[j]! - c.meanCross;
  const mean = ws.shapeMean;
  binMeanPlumeShapes(model.sigmaSet, c.shapeStability, c.shapeHeightM, c.shapeStability.length, wind.speedMps, wind.directionSdRad, x0, y0, x1, y1, altitudeM, mean);
  let pm = 0;
  for (let v = 0; v < c.variants; v++) pm += c.variantWeight[v]! * detectionProbability(c.detectability[v]! * mean[c.variantShape[v]!]!, model);
  return pm;
}

/** ws.mask for the path: the chance that some reported source's plume is seen in each bin. */
function fillMask(bins: PathBins, clusters: readonly PreparedCluster[], ctx: PathContext, ws: GainWorkspace): void {
  const J = bins.count;
  const clear = ws.mask;
  clear.fill(1, 0, J);
  for (const c of clusters) {
    if (!c.reported || !(c.existence > 0)) continue;
    for (let j = 0; j < J; j++) clear[j] = clear[j]! * (1 - c.existence * meanDetection(bins, j, c, ctx, ws));
  }
  for (let j = 0; j < J; j++) clear[j] = 1 - clear[j]!;
}

/**
 * Expected information gain (bits) of flying `bins` about each cluster,
 * written to perCluster[k]; returns the sum.
 */
export function pathInformation(bins: PathBins, clusters: readonly PreparedCluster[], ctx: PathContext, ws: GainWorkspace, perCluster?: Float64Array): number {
  const J = bins.count;
  if (J > ws.maxBins) throw new RangeError(`pathInformation: ${J} bins exceed the workspace's ${ws.maxBins}`);
  if (J > 0) fillMask(bins, clusters, ctx, ws);
  let total = 0;
  for (let k = 0; k < clusters.length; k++) {
    const c = clusters[k]!;
    if (c.variants > ws.maxVariants) throw new RangeError(`pathInformation: cluster ${c.label} has ${c.variants} variants, the workspace ${ws.maxVariants}`);
    const bits = J === 0 ? 0 : clusterInformation(bins, c, ctx, ws);
    if (perCluster !== undefined) perCluster[k] = bits;
    total += bits;
  }
  return total;
}

/**
 * Fills ws.p for particle r over the bins it can see and writes the first
 * and last of them to range[0], range[1] (range[1] < 0: it sees none).
 */
function particleDetections(bins: PathBins, c: PreparedCluster, r: number, ctx: PathContext, ws: GainWorkspace, range: Int32Array): void {
  const { wind, model, altitudeM } = ctx;
  const J = bins.count;
  const V = c.variants;
  const S = c.shapeStability.length;
  const stride = ws.maxBins;
  const p = ws.p;
  const mean = ws.shapeMean;
  const theta = wind.directionSdRad;
  const as = c.along[r]!;
  const cs = c.cross[r]!;
  range[0] = J;
  range[1] = -1;
  const reach = bins.aMax - as;
  if (!(reach > 0)) return;
  const hwPath = visibleHalfWidthM(model.sigmaSet, c.widest, theta, reach);
  if (cs < bins.cMin - hwPath || cs > bins.cMax + hwPath) return;
  const { a0, c0, a1, c1 } = bins;
  let lo = J;
  let hi = -1;
  for (let j = 0; j < J; j++) {
    const x0 = a0[j]! - as;
    const x1 = a1[j]! - as;
    const xMax = x0 > x1 ? x0 : x1;
    if (!(xMax > 0)) continue;
    const y0 = c0[j]! - cs;
    const y1 = c1[j]! - cs;
    const yMin = y0 * y1 <= 0 ? 0 : Math.min(Math.abs(y0), Math.abs(y1));
    // Beyond the path-wide bound first (cheap), then the bin's own.
    if (yMin > hwPath || yMin > visibleHalfWidthM(model.sigmaSet, c.widest, theta, xMax)) continue;
    binMeanPlumeShapes(model.sigmaSet, c.shapeStability, c.shapeHeightM, S, wind.speedMps, theta, x0, y0, x1, y1, altitudeM, mean);
    let seen = false;
    const open = c.reported ? 1 : 1 - ws.mask[j]!;
    for (let v = 0; v < V; v++) {
      if (c.weight[r * V + v] === 0) continue;
      const pv = open * detectionProbability(c.detectability[v]! * mean[c.variantShape[v]!]!, model);
      if (pv > 0) {
        p[v * stride + j] = pv;
        seen = true;
      }
    }
    if (seen) {
      if (j < lo) lo = j;
      hi = j;
    }
  }
  range[0] = lo;
  range[1] = hi;
}

function clusterInformation(bins: PathBins, c: PreparedCluster, ctx: PathContext, ws: GainWorkspace): number {
  const J = bins.count;
  const V = c.variants;
  const stride = ws.maxBins;
  const p = ws.p;
  const spans = ws.spans;
  const range = ws.range;
  const res = ctx.resolutionM ?? DEFAULT_RESOLUTION_M;
  let cellA = res;
  let cellC = res;
  if (c.reported) {
    const x = nearestSeeingRangeM(bins, c, ctx, ws);
    if (Number.isFinite(x)) {
      cellA = Math.max(res, GAUSSIAN_ENTROPY_WIDTH * STRUCTURE_ALONG_FRACTION * x);
      cellC = Math.max(res, GAUSSIAN_ENTROPY_WIDTH * Math.max(ctx.wind.directionSdRad, STRUCTURE_CROSS_MIN_RAD) * x);
    }
  }
  const G = ws.groupByCell(c, cellA, cellC);
  const order = ws.order;
  spans.begin(J);
  spans.addAbsent(Math.max(0, 1 - c.existence));
  for (let g = 0; g < G; g++) {
    const q0 = ws.groupStart[g]!;
    const q1 = ws.groupStart[g + 1]!;
    let open = false;
    let blind = 0;
    for (let q = q0; q < q1; q++) {
      const r = order[q]!;
      const wr = c.particleWeight[r]!;
      if (!(wr > 0)) continue;
      particleDetections(bins, c, r, ctx, ws, range);
      const lo = range[0]!;
      const hi = range[1]!;
      if (hi < 0) {
        blind += wr;
        continue;
      }
      if (!open) {
        spans.beginGroup();
        open = true;
      }
      spans.add(c.weight, r * V, V, p, stride, lo, hi - lo + 1);
      for (let v = 0; v < V; v++) p.fill(0, v * stride + lo, v * stride + hi + 1);
    }
    if (open) {
      // The cell's particles that see nothing still belong to its P(y | g).
      if (blind > 0) {
        ws.blind[0] = blind;
        spans.add(ws.blind, 0, 1, p, stride, 0, 0);
      }
      spans.endGroup();
    } else if (blind > 0) spans.addAbsent(blind);
  }
  return spans.informationBits();
}
