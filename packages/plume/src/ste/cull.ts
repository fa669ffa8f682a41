/**
 * Receptor culling for a local grid: a sample can see a source inside the
 * disc (ce, cn, R) only if it lies downwind of some point of the disc and
 * within the scan's crosswind cut-off there. With x0, y0 the sample's
 * along/cross-wind offsets from the disc centre, any source in the disc has
 * x in [x0 - R, x0 + R] and |y| >= |y0| - R, and sigma_y grows with x, so
 *   x0 + R <= 0  or  |y0| - R > cut * sigma_y(x0 + R)
 * proves the kernel is zero for the whole disc. Conservative: no sample
 * that contributes is ever dropped, so statistics are exact.
 */
import { allocateProblem, TRANSPORT_BINS, type SteProblem } from './problem.js';
import type { ScanOptions } from './scan.js';

/** Data kept after a useful datum when the sensor lags, in lags: exp(-14) < LAG_TAIL_CUT (scan.ts). */
export const LAG_TAIL_LAGS = 14;

export interface CulledProblem {
  readonly problem: SteProblem;
  readonly existing: Float64Array[];
}

/**
 * The data a scan visits, by index into the problem (time order), and the
 * lag decay of each from the datum visited before it: what the culled
 * problem would hold, without copying the data.
 */
export interface DataSubset {
  readonly index: Uint32Array;
  readonly lagDecay: Float64Array;
}

const everything = new WeakMap<SteProblem, DataSubset>();

/** Every datum of the problem (memoised). */
export function allData(p: SteProblem): DataSubset {
  let all = everything.get(p);
  if (all === undefined) {
    all = { index: Uint32Array.from({ length: p.nSamples }, (_, i) => i), lagDecay: p.lagDecay };
    everything.set(p, all);
  }
  return all;
}

/** The data that can see a source inside the disc (ce, cn, radiusM); see the file's header. */
export function cullIndices(p: SteProblem, ce: number, cn: number, radiusM: number, o: ScanOptions): DataSubset {
  const { step, maxX, sy } = o.table;
  const infl2 = (o.inflateM ?? 0) ** 2;
  const cut = o.cutSigmas ?? 4.5;
  const keep: number[] = [];
  for (let i = 0; i < p.nSamples; i++) {
    let useful = false;
    for (let j = p.nodeStart[i]!; j < p.nodeStart[i + 1]! && !useful; j++) {
      const dx = p.nodeE[j]! - ce;
      const dy = p.nodeN[j]! - cn;
      // The transport turn rotates the sample about the source by at most
      // turnMax: it moves by at most (distance) * turnMax, so widening the
      // disc by that keeps the bound conservative.
      const r = radiusM + (Math.hypot(dx, dy) + radiusM) * Math.min(2, p.turnMax[i]!);
      const x0 = dx * p.ex[i]! + dy * p.ey[i]!;
      const xf = x0 + r;
      if (xf <= 0) continue;
      const y0 = Math.abs(dy * p.ex[i]! - dx * p.ey[i]!);
      const fi = Math.min(sy.length - 1, Math.ceil(Math.min(xf, maxX) / step));
      const xm = Math.min(xf, maxX) * p.meanderRad;
      const s = Math.sqrt(sy[fi]! * sy[fi]! + infl2 + xm * xm);
      if (y0 - r <= cut * s) useful = true;
    }
    if (useful) keep.push(i);
  }
  if (p.lagS > 0 && keep.length > 0) {
    // A lagged sensor still reads a plume after it has left it: keep the
    // data up to LAG_TAIL_LAGS lags after every useful datum (beyond that the
    // scan cuts the tail anyway, LAG_TAIL_CUT).
    const tail = LAG_TAIL_LAGS * p.lagS;
    const mark = new Uint8Array(p.nSamples);
    for (const i of keep) mark[i] = 1;
    let until = -Infinity;
    for (let i = 0; i < p.nSamples; i++) {
      if (mark[i] === 1) until = p.timeS[i]! + tail;
      else if (p.timeS[i]! <= until) mark[i] = 1;
    }
    keep.length = 0;
    for (let i = 0; i < p.nSamples; i++) if (mark[i] === 1) keep.push(i);
  }
  const index = Uint32Array.from(keep);
  // The first kept datum starts from rest: the data dropped before it saw
  // no plume from the disc, so its decay is from the datum just before it.
  const lagDecay = new Float64Array(index.length);
  if (p.lagS > 0) {
    for (let k = 0; k < index.length; k++) {
      const i = index[k]!;
      const prev = k > 0 ? index[k - 1]! : i - 1;
      lagDecay[k] = prev < 0 ? 0 : Math.exp(-Math.max(0, p.timeS[i]! - p.timeS[prev]!) / p.lagS);
    }
  }
  return { index, lagDecay };
}

/** The culled data as a problem of their own (what a scan over `cullIndices` computes on; tests compare the two). */
export function cullForDisc(p: SteProblem, existing: readonly Float64Array[], ce: number, cn: number, radiusM: number, o: ScanOptions): CulledProblem {
  const sub = cullIndices(p, ce, cn, radiusM, o);
  const keep = [...sub.index];
  const m = keep.length;
  const S = p.nSpecies;
  const n = p.nSamples;
  let nodes = 0;
  for (const i of keep) nodes += p.nodeStart[i + 1]! - p.nodeStart[i]!;
  const out = allocateProblem(m, nodes, S, p);
  const ex2 = existing.map(() => new Float64Array(m));
  const newIndex = new Map<number, number>();
  keep.forEach((i, k) => newIndex.set(i, k));
  let q = 0;
  keep.forEach((i, k) => {
    out.nodeStart[k] = q;
    for (let j = p.nodeStart[i]!; j < p.nodeStart[i + 1]!; j++, q++) {
      out.nodeE[q] = p.nodeE[j]!;
      out.nodeN[q] = p.nodeN[j]!;
      out.nodeZ[q] = p.nodeZ[j]!;
      out.nodeW[q] = p.nodeW[j]!;
    }
    out.ex[k] = p.ex[i]!;
    out.ey[k] = p.ey[i]!;
    out.speed[k] = p.speed[i]!;
    out.turnCos.set(p.turnCos.subarray(i * TRANSPORT_BINS, (i + 1) * TRANSPORT_BINS), k * TRANSPORT_BINS);
    out.turnSin.set(p.turnSin.subarray(i * TRANSPORT_BINS, (i + 1) * TRANSPORT_BINS), k * TRANSPORT_BINS);
    out.turnMax[k] = p.turnMax[i]!;
    out.sampleIndex[k] = p.sampleIndex[i]!;
    out.multiplicity[k] = p.multiplicity[i]!;
    out.timeS[k] = p.timeS[i]!;
    out.kind[k] = p.kind[i]!;
    out.sensorVar[k] = p.sensorVar[i]!;
    out.relVar[k] = p.relVar[i]!;
    out.dispSd[k] = p.dispSd[i]!;
    out.offsetCoef[k] = p.offsetCoef[i]!;
    const pk = p.pair[i]!;
    out.pair[k] = pk >= 0 ? (newIndex.get(pk) ?? -1) : -1;
    for (let s = 0; s < S; s++) {
      out.d[s * m + k] = p.d[s * n + i]!;
      out.w[s * m + k] = p.w[s * n + i]!;
    }
    existing.forEach((col, c2) => (ex2[c2]![k] = col[i]!));
  });
  out.nodeStart[m] = q;
  out.lagDecay.set(sub.lagDecay);
  return { problem: out, existing: ex2 };
}
