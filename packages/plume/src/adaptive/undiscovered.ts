/**
 * The "undiscovered source" hypothesis: one more source, beyond those the
 * estimator reports, with prior probability `prior`, anywhere in the search
 * area (a grid of cells, uniform) except next to a reported source, in any
 * of the given variants. The track flown so far is negative evidence —
 * every bin in which no plume was detected would, with the model's
 * detection probability, have shown a source upwind of it:
 *
 *   w(c, v) ∝ prior(c) w_v prod_{bins b, not detected} (1 - p_b(c, v)),
 *   P(exists | data) = prior L / (prior L + 1 - prior),  L = sum_{c,v} prior(c) w_v prod_b (1 - p_b),
 *
 * the Bayesian update of a search for a target from unsuccessful looks
 * (Koopman 1956; Stone, *Theory of Optimal Search*, 1975, ch. 2) and of
 * infotaxis' "no hit" (Vergassola et al. 2007). Bins with a detection give
 * none: the plume seen there may be a reported source's, and a source
 * behind it cannot be told apart. Each bin uses the wind reported while it
 * was flown.
 */
import { binMeanPlumeShapes, detectionProbability, visibleHalfWidthM, type DetectionModel } from './detection-model.js';
import { variantShapes } from './variant-shapes.js';
import type { AreaBounds } from './area.js';
import type { SourceCluster, SourceVariant } from './belief.js';
import type { FlownBins } from './flown-bins.js';

export const UNDISCOVERED_LABEL = 'undiscovered';

export interface UndiscoveredOptions {
  readonly area: AreaBounds;
  /** Grid cell size, m (the cells' number is rounded up to cover the area). */
  readonly cellM: number;
  /** Prior probability that one more source exists, before the track's evidence. */
  readonly prior: number;
  readonly variants: readonly SourceVariant[];
  /** Prior weights of the variants (summing to 1). */
  readonly variantWeights: Float64Array;
  /** No cell within radiusM of these points (reported sources). */
  readonly exclude: ReadonlyArray<{ readonly east: number; readonly north: number; readonly radiusM: number }>;
  readonly model: DetectionModel;
  /** Direction uncertainty widening each past bin's predicted plume, rad. */
  readonly directionSdRad: number;
}

export function undiscoveredCluster(flown: FlownBins, o: UndiscoveredOptions): SourceCluster {
  const V = o.variants.length;
  if (V === 0 || o.variantWeights.length !== V) throw new RangeError('undiscoveredCluster: one weight per variant, at least one variant');
  if (!(o.prior >= 0 && o.prior <= 1)) throw new RangeError(`undiscoveredCluster: prior must be in [0, 1], got ${o.prior}`);
  const a = o.area;
  const nE = Math.max(1, Math.ceil((a.maxE - a.minE) / o.cellM - 1e-9));
  const nN = Math.max(1, Math.ceil((a.maxN - a.minN) / o.cellM - 1e-9));
  const dE = (a.maxE - a.minE) / nE;
  const dN = (a.maxN - a.minN) / nN;
  const ce: number[] = [];
  const cn: number[] = [];
  for (let r = 0; r < nN; r++) {
    for (let q = 0; q < nE; q++) {
      const e = a.minE + (q + 0.5) * dE;
      const n = a.minN + (r + 0.5) * dN;
      if (o.exclude.some((x) => Math.hypot(e - x.east, n - x.north) < x.radiusM)) continue;
      ce.push(e);
      cn.push(n);
    }
  }
  const count = ce.length;
  const east = Float64Array.from(ce);
  const north = Float64Array.from(cn);
  const logMiss = new Float64Array(count * V);
  const widest = Math.min(...o.variants.map((v) => v.stability));
  const theta = o.directionSdRad;
  const shapes = variantShapes(o.variants);
  const S = shapes.shapeStability.length;
  const mean = new Float64Array(S);
  const detect = Float64Array.from(o.variants, (v) => v.detectabilityM3s);
  for (let b = 0; b < flown.count; b++) {
    if (flown.detected[b] === 1) continue;
    const u = flown.windU[b]!;
    const w = flown.windV[b]!;
    const speed = Math.hypot(u, w);
    if (!(speed > 0)) continue;
    const we = u / speed;
    const wn = w / speed;
    const e0 = flown.e0[b]!;
    const n0 = flown.n0[b]!;
    const e1 = flown.e1[b]!;
    const n1 = flown.n1[b]!;
    const z = flown.upM[b]!;
    for (let c = 0; c < count; c++) {
      const de0 = e0 - east[c]!;
      const dn0 = n0 - north[c]!;
      const de1 = e1 - east[c]!;
      const dn1 = n1 - north[c]!;
      const x0 = de0 * we + dn0 * wn;
      const x1 = de1 * we + dn1 * wn;
      const xMax = x0 > x1 ? x0 : x1;
      if (!(xMax > 0)) continue;
      const y0 = -de0 * wn + dn0 * we;
      const y1 = -de1 * wn + dn1 * we;
      const yMin = y0 * y1 <= 0 ? 0 : Math.min(Math.abs(y0), Math.abs(y1));
      if (yMin > visibleHalfWidthM(o.model.sigmaSet, widest, theta, xMax)) continue;
      binMeanPlumeShapes(o.model.sigmaSet, shapes.shapeStability, shapes.shapeHeightM, S, speed, theta, x0, y0, x1, y1, z, mean);
      for (let v = 0; v < V; v++) {
        const p = detectionProbability(detect[v]! * mean[shapes.variantShape[v]!]!, o.model);
        if (p > 0) logMiss[c * V + v] = logMiss[c * V + v]! + Math.log1p(-p);
      }
    }
  }
  const weight = new Float64Array(count * V);
  let L = 0;
  for (let c = 0; c < count; c++) {
    for (let v = 0; v < V; v++) {
      const x = (o.variantWeights[v]! / count) * Math.exp(logMiss[c * V + v]!);
      weight[c * V + v] = x;
      L += x;
    }
  }
  // Posterior existence, and the weights normalised to it.
  const exists = count === 0 || !(L > 0) ? 0 : (o.prior * L) / (o.prior * L + 1 - o.prior);
  const scale = L > 0 ? exists / L : 0;
  for (let k = 0; k < weight.length; k++) weight[k] = weight[k]! * scale;
  return { label: UNDISCOVERED_LABEL, count, east, north, variants: o.variants, weight };
}
