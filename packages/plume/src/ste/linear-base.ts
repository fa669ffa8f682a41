/**
 * The linear part of the model for one candidate configuration: per species
 * s, the columns X = [1, K_1 .. K_J] (a background offset and the unit-rate
 * kernels of the J sources already accepted). A candidate source k is
 * scored after projecting X out (Schur complement), so its rate is
 * marginalised with the others' rates and the offset refitted:
 *
 *   A = k'Wk - u' G^-1 u,   B = k'Wd - u' G^-1 h,
 *   u = X'Wk,  G = X'WX,  h = X'Wd.
 *
 * With a uniform prior on the candidate's rate q in [0, Q], the evidence
 * gain of adding it is (Gaussian integral, truncated at 0 and Q):
 *
 *   log Z = B^2/(2A) + log sqrt(2 pi / A) + log(Phi((Q - mu) sqrt A) - Phi(-mu sqrt A)) - log Q,
 *   mu = B / A,
 *
 * and its conditional rate posterior is N(mu, 1/A) truncated to [0, Q].
 */
import type { SteProblem } from './problem.js';
import { logNormalCdfDiff } from '../numeric/normal.js';

export interface LinearBase {
  readonly J: number;
  /** Per species: G^-1 (row-major (J+1)^2) and h (J+1). */
  readonly gInv: readonly Float64Array[];
  readonly h: readonly Float64Array[];
}

function invertSpd(g: Float64Array, m: number): Float64Array {
  // Cholesky with a relative ridge: columns can be nearly collinear when two
  // sources sit on the same transect.
  // The ridge is relative to each diagonal element: columns differ in scale
  // by 20 orders of magnitude (the offset's sum of weights against kernels).
  const a = Float64Array.from(g);
  const ridge = 1e-300;
  for (let i = 0; i < m; i++) a[i * m + i] = a[i * m + i]! * (1 + 1e-12) + ridge;
  const L = new Float64Array(m * m);
  for (let i = 0; i < m; i++) {
    for (let j = 0; j <= i; j++) {
      let s = a[i * m + j]!;
      for (let k = 0; k < j; k++) s -= L[i * m + k]! * L[j * m + k]!;
      if (i === j) L[i * m + i] = Math.sqrt(Math.max(s, ridge));
      else L[i * m + j] = s / L[j * m + j]!;
    }
  }
  // inverse of L, then L^-T L^-1
  const Li = new Float64Array(m * m);
  for (let i = 0; i < m; i++) {
    Li[i * m + i] = 1 / L[i * m + i]!;
    for (let j = 0; j < i; j++) {
      let s = 0;
      for (let k = j; k < i; k++) s -= L[i * m + k]! * Li[k * m + j]!;
      Li[i * m + j] = s / L[i * m + i]!;
    }
  }
  const inv = new Float64Array(m * m);
  for (let i = 0; i < m; i++) {
    for (let j = 0; j <= i; j++) {
      let s = 0;
      for (let k = i; k < m; k++) s += Li[k * m + i]! * Li[k * m + j]!;
      inv[i * m + j] = s;
      inv[j * m + i] = s;
    }
  }
  return inv;
}

export function buildLinearBase(p: SteProblem, kernels: readonly Float64Array[]): LinearBase {
  const J = kernels.length;
  const m = J + 1;
  const n = p.nSamples;
  const gInv: Float64Array[] = [];
  const hs: Float64Array[] = [];
  const col = (c: number, i: number): number => (c === 0 ? p.offsetCoef[i]! : kernels[c - 1]![i]!);
  for (let s = 0; s < p.nSpecies; s++) {
    const g = new Float64Array(m * m);
    const h = new Float64Array(m);
    for (let i = 0; i < n; i++) {
      const wi = p.w[s * n + i]!;
      const di = p.d[s * n + i]!;
      for (let a = 0; a < m; a++) {
        const xa = col(a, i) * wi;
        if (xa === 0) continue;
        h[a] = h[a]! + xa * di;
        for (let b = 0; b <= a; b++) g[a * m + b] = g[a * m + b]! + xa * col(b, i);
      }
    }
    for (let a = 0; a < m; a++) for (let b = 0; b < a; b++) g[b * m + a] = g[a * m + b]!;
    gInv.push(invertSpd(g, m));
    hs.push(h);
  }
  return { J, gInv, h: hs };
}

/** Projected (A, B) of one cell and species from scan stats [kk, kd, k1, kj...]. */
export function projectCell(base: LinearBase, s: number, stats: Float64Array, off: number): [number, number] {
  const m = base.J + 1;
  const gi = base.gInv[s]!;
  const h = base.h[s]!;
  let A = stats[off]!;
  let B = stats[off + 1]!;
  // u = [k1, kj...] sits at stats[off + 2 ..]
  for (let a = 0; a < m; a++) {
    const ua = stats[off + 2 + a]!;
    if (ua === 0) continue;
    let giu = 0;
    let gih = 0;
    for (let b = 0; b < m; b++) {
      giu += gi[a * m + b]! * stats[off + 2 + b]!;
      gih += gi[a * m + b]! * h[b]!;
    }
    A -= ua * giu;
    B -= ua * gih;
  }
  return [A, B];
}

/** log of the evidence gain for one species given projected A, B and prior bound Q. */
export function logRateEvidence(A: number, B: number, Q: number): number {
  // Below this curvature the data do not constrain the rate within [0, Q]:
  // the integral is Q (times exp of a negligible term) and the gain is 0.
  if (!(A * Q * Q > 1e-8)) return 0;
  const sa = Math.sqrt(A);
  const mu = B / A;
  return (B * mu) / 2 + 0.5 * Math.log((2 * Math.PI) / A) + logNormalCdfDiff(-mu * sa, (Q - mu) * sa) - Math.log(Q);
}
