/**
 * Fast normal-distribution pieces for the planner's inner loops, where
 * `numeric/normal.ts`' tail-accurate forms cost too much (tens of millions
 * of calls a decision) and a planning model needs no more than 1e-6.
 *
 * erfc(a), a >= 0: Abramowitz & Stegun (1964) 7.1.26, a polynomial in
 * t = 1/(1 + p a) times exp(-a^2); |error| <= 1.5e-7. Masses on one side
 * of zero are differences of erfc (no cancellation against 1).
 */

const P = 0.3275911;
const A1 = 0.254829592;
const A2 = -0.284496736;
const A3 = 1.421413741;
const A4 = -1.453152027;
const A5 = 1.061405429;

/** erfc(a) for a >= 0. */
export function fastErfcPos(a: number): number {
  const t = 1 / (1 + P * a);
  return ((((A5 * t + A4) * t + A3) * t + A2) * t + A1) * t * Math.exp(-a * a);
}

/** P(lo < Z <= hi) for a standard normal Z, lo <= hi. */
export function fastNormalMass(lo: number, hi: number): number {
  const r = Math.SQRT1_2;
  if (lo >= 0) return Math.max(0, 0.5 * (fastErfcPos(lo * r) - fastErfcPos(hi * r)));
  if (hi <= 0) return Math.max(0, 0.5 * (fastErfcPos(-hi * r) - fastErfcPos(-lo * r)));
  return 1 - 0.5 * (fastErfcPos(-lo * r) + fastErfcPos(hi * r));
}

/** P(Z > x) for a standard normal Z. */
export function fastNormalSf(x: number): number {
  return x >= 0 ? 0.5 * fastErfcPos(x * Math.SQRT1_2) : 1 - 0.5 * fastErfcPos(-x * Math.SQRT1_2);
}
