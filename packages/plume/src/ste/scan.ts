/**
 * The scan kernel: for each candidate source cell, the weighted inner
 * products that the analytic rate marginalisation needs, per species s:
 *
 *   kk = sum_i w_si k_i^2,  kd = sum_i w_si k_i d_si,  k1 = sum_i w_si k_i,
 *   kj[j] = sum_i w_si k_i K_j,i   (for each already-accepted source j)
 *
 * where k_i is the unit-rate plume at sample i from the candidate cell
 * (k1 weighs by offsetCoef: how the background offset enters datum i).
 * Output layout: stats[(c * S + s) * stride + f], stride = 3 + J, fields
 * [kk, kd, k1, kj...]. Pure; allocation only for the output and one scratch
 * row of length S * stride.
 *
 * Pruning: a receptor upwind (x <= 0) or beyond `cutSigmas` crosswind
 * sigmas contributes less than exp(-cutSigmas^2 / 2) of the centreline and
 * is skipped (cutSigmas = 4.5 drops < 4e-5 of the peak).
 */
import { TRANSPORT_BINS, TRANSPORT_STEP_S, type SteProblem } from './problem.js';
import { plumeTable, type PlumeTable, type SigmaTable } from './kernel-table.js';
import { allData, type DataSubset } from './cull.js';

export interface ScanOptions {
  readonly table: SigmaTable;
  readonly sourceHeightM: number;
  /** Extra crosswind spread added in quadrature (coarse grids), m. */
  readonly inflateM?: number;
  readonly cutSigmas?: number;
}

/**
 * A lagged kernel's tail is cut where it falls below this fraction of the
 * kernel's peak so far (a first-order lag decays by exp(-t / lag): the cut
 * comes about 14 lags after the plume; see LAG_TAIL_LAGS in cull.ts).
 */
export const LAG_TAIL_CUT = 1e-6;

/** The sensor's first-order lag applied in place to a kernel over the data in time order (SteProblem.lagDecay), tail cut as in the scan. */
export function applySensorLag(k: Float64Array, lagDecay: Float64Array): void {
  let y = 0;
  let peak = 0;
  for (let i = 0; i < k.length; i++) {
    const a = lagDecay[i]!;
    y = a * y + (1 - a) * k[i]!;
    if (y > peak) peak = y;
    k[i] = y > LAG_TAIL_CUT * peak ? y : 0;
  }
}

export function scanStride(existing: number): number {
  return 3 + existing;
}

/**
 * Unit-rate plume at retained sample i from a source at (ce, cn): the
 * quadrature sum over the sample's nodes. Shared by the scan and by
 * `kernelAtSamples`; small enough for V8 to inline into both loops.
 */
function sampleKernel(p: SteProblem, i: number, ce: number, cn: number, pt: PlumeTable, h: number, halfCut2: number): number {
  const ux = p.ex[i]!;
  const uy = p.ey[i]!;
  const j0 = p.nodeStart[i]!;
  const j1 = p.nodeStart[i + 1]!;
  const tb = i * TRANSPORT_BINS;
  const binPerM = 1 / (p.speed[i]! * TRANSPORT_STEP_S);
  if (j1 === j0 + 1) return nodeKernel(p, tb, binPerM, p.nodeE[j0]! - ce, p.nodeN[j0]! - cn, p.nodeZ[j0]!, ux, uy, pt, h, halfCut2) / p.speed[i]!;
  let k = 0;
  for (let j = j0; j < j1; j++) k += p.nodeW[j]! * nodeKernel(p, tb, binPerM, p.nodeE[j]! - ce, p.nodeN[j]! - cn, p.nodeZ[j]!, ux, uy, pt, h, halfCut2);
  return k / p.speed[i]!;
}

/** Largest bin index usable as the left end of an interpolation. */
const LAST_BIN = TRANSPORT_BINS - 1;

/**
 * Unit-rate plume times wind speed at offset (dx, dy) from the source,
 * height z. The along/cross-wind axes are the sample's base direction
 * turned by its transport turn at travel time x / speed (bins tb.., one
 * per TRANSPORT_STEP_S, linearly interpolated). Hot path: upwind pairs end
 * after the turn, the crosswind reject needs one table read, and the rest
 * is two exponentials (direct and ground-reflected) with no division.
 */
function nodeKernel(p: SteProblem, tb: number, binPerM: number, dx: number, dy: number, z: number, ux: number, uy: number, pt: PlumeTable, h: number, halfCut2: number): number {
  const x0 = dx * ux + dy * uy;
  const y0 = dy * ux - dx * uy;
  let f = x0 > 0 ? x0 * binPerM : 0;
  if (f >= LAST_BIN) f = LAST_BIN - 1e-9;
  const bi = f | 0;
  const bt = f - bi;
  const tc = p.turnCos;
  const ts = p.turnSin;
  const cs = tc[tb + bi]! + bt * (tc[tb + bi + 1]! - tc[tb + bi]!);
  const sn = ts[tb + bi]! + bt * (ts[tb + bi + 1]! - ts[tb + bi]!);
  const x = cs * x0 + sn * y0;
  if (x <= 0 || x >= pt.maxX) return 0;
  const y = cs * y0 - sn * x0;
  const fx = x * pt.invStep;
  const fi = fx | 0;
  const t = fx - fi;
  const ta = pt.a;
  // y^2 / (2 sy^2), with the meander and any inflation in sy (kernel-table.ts).
  const q = y * y * (ta[fi]! + t * (ta[fi + 1]! - ta[fi]!));
  if (q > halfCut2) return 0;
  const tbz = pt.b;
  const tn = pt.norm;
  const b = tbz[fi]! + t * (tbz[fi + 1]! - tbz[fi]!);
  const norm = tn[fi]! + t * (tn[fi + 1]! - tn[fi]!);
  const zm = z - h;
  const zp = z + h;
  return norm * (Math.exp(-q - zm * zm * b) + Math.exp(-q - zp * zp * b));
}

/**
 * Scan statistics of the cells over the data in `subset` (default all; a
 * culled subset gives the same sums as the culled problem, term for term,
 * without copying it). The sensor lag runs over the subset in its order
 * with the subset's decays.
 */
export function scanCells(p: SteProblem, cellsE: Float64Array, cellsN: Float64Array, existing: readonly Float64Array[], o: ScanOptions, subset: DataSubset = allData(p)): Float64Array {
  const S = p.nSpecies;
  const n = p.nSamples;
  const J = existing.length;
  const stride = 3 + J;
  const nc = cellsE.length;
  const stats = new Float64Array(nc * S * stride);
  const pt = plumeTable(o.table, p.meanderRad, o.inflateM ?? 0);
  const halfCut2 = 0.5 * (o.cutSigmas ?? 4.5) ** 2;
  const h = o.sourceHeightM;
  const { d, w, offsetCoef } = p;
  const { index, lagDecay } = subset;
  const m = index.length;
  const lagged = p.lagS > 0;
  for (let c = 0; c < nc; c++) {
    const ce = cellsE[c]!;
    const cn = cellsN[c]!;
    const base = c * S * stride;
    let y = 0;
    let peak = 0;
    for (let r = 0; r < m; r++) {
      const i = index[r]!;
      let k = sampleKernel(p, i, ce, cn, pt, h, halfCut2);
      if (lagged) {
        const a = lagDecay[r]!;
        y = a * y + (1 - a) * k;
        if (y > peak) peak = y;
        k = y > LAG_TAIL_CUT * peak ? y : 0;
      }
      if (k === 0) continue;
      const oc = offsetCoef[i]!;
      for (let s = 0; s < S; s++) {
        const idx = s * n + i;
        const wk = w[idx]! * k;
        const o2 = base + s * stride;
        stats[o2] = stats[o2]! + wk * k;
        stats[o2 + 1] = stats[o2 + 1]! + wk * d[idx]!;
        stats[o2 + 2] = stats[o2 + 2]! + wk * oc;
        for (let q = 0; q < J; q++) stats[o2 + 3 + q] = stats[o2 + 3 + q]! + wk * existing[q]![i]!;
      }
    }
  }
  return stats;
}

/** The unit-rate kernel of one source at every retained sample. */
export function kernelAtSamples(p: SteProblem, e: number, n: number, o: ScanOptions): Float64Array {
  return kernelAtSubset(p, e, n, o, allData(p));
}

/**
 * The unit-rate kernel of one source at the data of `subset`, in its order
 * (out[r] is datum subset.index[r]), through the sensor lag with the
 * subset's decays and the same tail cut as the scan. Written into `into`
 * when given (its length must be the subset's).
 */
export function kernelAtSubset(p: SteProblem, e: number, n: number, o: ScanOptions, subset: DataSubset, into?: Float64Array): Float64Array {
  const { index, lagDecay } = subset;
  if (into !== undefined && into.length !== index.length) throw new RangeError(`kernelAtSubset: output of length ${into.length} for ${index.length} data`);
  const out = into ?? new Float64Array(index.length);
  const pt = plumeTable(o.table, p.meanderRad, o.inflateM ?? 0);
  const halfCut2 = 0.5 * (o.cutSigmas ?? 4.5) ** 2;
  for (let r = 0; r < index.length; r++) out[r] = sampleKernel(p, index[r]!, e, n, pt, o.sourceHeightM, halfCut2);
  if (p.lagS > 0) applySensorLag(out, lagDecay);
  return out;
}
