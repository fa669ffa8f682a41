/**
 * Standard normal tail probabilities with small relative error far into the
 * tails, which the likelihood needs (a decoy's odds against clearly present
 * HCl live at 10+ sd). erfc by the Chebyshev fit of Press et al.,
 * "Numerical Recipes" 2nd ed. (1992) §6.2, fractional error < 1.2e-7 for
 * every argument; it underflows to 0 only below about -38 sd.
 */
const SQRT1_2 = Math.SQRT1_2;
const INV_SQRT_2PI = 0.3989422804014327;

export function erfc(x: number): number {
  const z = Math.abs(x);
  const t = 1 / (1 + 0.5 * z);
  const r =
    t *
    Math.exp(
      -z * z -
        1.26551223 +
        t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    );
  return x >= 0 ? r : 2 - r;
}

/** P(Z <= z). */
export const normalCdf = (z: number): number => 0.5 * erfc(-z * SQRT1_2);
/** P(Z > z), accurate for large z. */
export const normalSf = (z: number): number => 0.5 * erfc(z * SQRT1_2);
export const normalPdf = (z: number): number => INV_SQRT_2PI * Math.exp(-0.5 * z * z);

/**
 * P(a < Z <= b) for a <= b without cancellation: narrow intervals use the
 * midpoint density (relative error < (b-a)^2 (1 + m^2) / 24), intervals in
 * the upper half use survival functions.
 */
export function normalMass(a: number, b: number): number {
  const w = b - a;
  if (w < 0.05) return normalPdf(0.5 * (a + b)) * w;
  if (a >= 0) return normalSf(a) - normalSf(b);
  return normalCdf(b) - normalCdf(a);
}
