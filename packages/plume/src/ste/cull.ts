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
import { allocateProblem, type SteProblem } from './problem.js';
import type { ScanOptions } from './scan.js';

export interface CulledProblem {
  readonly problem: SteProblem;
  readonly existing: Float64Array[];
}

export function cullForDisc(p: SteProblem, existing: readonly Float64Array[], ce: number, cn: number, radiusM: number, o: ScanOptions): CulledProblem {
  const { step, maxX, sy } = o.table;
  const infl2 = (o.inflateM ?? 0) ** 2;
  const cut = o.cutSigmas ?? 4.5;
  const keep: number[] = [];
  for (let i = 0; i < p.nSamples; i++) {
    let useful = false;
    for (let j = p.nodeStart[i]!; j < p.nodeStart[i + 1]! && !useful; j++) {
      const dx = p.nodeE[j]! - ce;
      const dy = p.nodeN[j]! - cn;
      const x0 = dx * p.ex[i]! + dy * p.ey[i]!;
      const xf = x0 + radiusM;
      if (xf <= 0) continue;
      const y0 = Math.abs(dy * p.ex[i]! - dx * p.ey[i]!);
      const fi = Math.min(sy.length - 1, Math.ceil(Math.min(xf, maxX) / step));
      const xm = Math.min(xf, maxX) * p.meanderRad;
      const s = Math.sqrt(sy[fi]! * sy[fi]! + infl2 + xm * xm);
      if (y0 - radiusM <= cut * s) useful = true;
    }
    if (useful) keep.push(i);
  }
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
  return { problem: out, existing: ex2 };
}
