/**
 * Standard normal distribution helpers in log space, accurate in the far
 * tails (the evidence of a badly placed source is exp(-10^4)).
 * erfc: Chebyshev fit of Press et al., "Numerical Recipes" 3rd ed., §6.2.2
 * (fractional error < 1.2e-7 everywhere), evaluated in log form.
 */
const LOG_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);

/** log(erfc(x)) for x >= 0. */
function logErfcPos(x: number): number {
  const t = 2 / (2 + x);
  const ty = 4 * t - 2;
  // Coefficients of the Chebyshev expansion (Numerical Recipes 3rd ed., Erf struct).
  const cof = [
    -1.3026537197817094, 6.4196979235649026e-1, 1.9476473204185836e-2, -9.561514786808631e-3, -9.46595344482036e-4,
    3.66839497852761e-4, 4.2523324806907e-5, -2.0278578112534e-5, -1.624290004647e-6, 1.30365583558e-6, 1.5626441722e-8,
    -8.5238095915e-8, 6.529054439e-9, 5.059343495e-9, -9.91364156e-10, -2.27365122e-10, 9.6467911e-11, 2.394038e-12,
    -6.886027e-12, 8.94487e-13, 3.13092e-13, -1.12708e-13, 3.81e-16, 7.106e-15, -1.523e-15, -9.4e-17, 1.21e-16, -2.8e-17,
  ];
  let d = 0;
  let dd = 0;
  for (let j = cof.length - 1; j > 0; j--) {
    const tmp = d;
    d = ty * d - dd + cof[j]!;
    dd = tmp;
  }
  return Math.log(t) - x * x + 0.5 * (cof[0]! + ty * d) - dd;
}

/** log Phi(x), the log of the standard normal CDF. */
export function logNormalCdf(x: number): number {
  const z = -x / Math.SQRT2;
  if (z >= 0) return Math.log(0.5) + logErfcPos(z);
  // Phi(x) = 1 - 0.5 erfc(x / sqrt2)
  return Math.log1p(-0.5 * Math.exp(logErfcPos(-z)));
}

/** P(Z <= x). */
export function normalCdf(x: number): number {
  return Math.exp(logNormalCdf(x));
}

/** P(Z > x), accurate far into the upper tail. */
export function normalSf(x: number): number {
  return Math.exp(logNormalCdf(-x));
}

export function normalPdf(x: number): number {
  return Math.exp(logNormalPdf(x));
}

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

/** log(Phi(b) - Phi(a)) for a < b. */
export function logNormalCdfDiff(a: number, b: number): number {
  if (!(b > a)) return -Infinity;
  if (a > 0) {
    // Work in the upper tail: Phi(b) - Phi(a) = Phi(-a) - Phi(-b).
    return logNormalCdfDiff(-b, -a);
  }
  const lb = logNormalCdf(b);
  const la = logNormalCdf(a);
  return lb + Math.log1p(-Math.exp(la - lb));
}

export function logNormalPdf(x: number): number {
  return -0.5 * x * x - LOG_SQRT_2PI;
}

/** Inverse standard normal CDF (Acklam's rational approximation, rel. error < 1.15e-9 after one Newton step). */
export function normalQuantile(p: number): number {
  if (!(p > 0 && p < 1)) {
    if (p === 0) return -Infinity;
    if (p === 1) return Infinity;
    throw new RangeError(`normalQuantile: p = ${p} outside [0, 1]`);
  }
  const a = [-39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716, 2.506628277459239];
  const b = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572];
  const c = [-0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const pl = 0.02425;
  let x: number;
  if (p < pl) {
    const q = Math.sqrt(-2 * Math.log(p));
    x = (((((c[0]! * q + c[1]!) * q + c[2]!) * q + c[3]!) * q + c[4]!) * q + c[5]!) / ((((d[0]! * q + d[1]!) * q + d[2]!) * q + d[3]!) * q + 1);
  } else if (p <= 1 - pl) {
    const q = p - 0.5;
    const r = q * q;
    x = ((((((a[0]! * r + a[1]!) * r + a[2]!) * r + a[3]!) * r + a[4]!) * r + a[5]!) * q) / (((((b[0]! * r + b[1]!) * r + b[2]!) * r + b[3]!) * r + b[4]!) * r + 1);
  } else {
    const q = Math.sqrt(-2 * Math.log(1 - p));
    x = -(((((c[0]! * q + c[1]!) * q + c[2]!) * q + c[3]!) * q + c[4]!) * q + c[5]!) / ((((d[0]! * q + d[1]!) * q + d[2]!) * q + d[3]!) * q + 1);
  }
  // One Newton (Halley) refinement step.
  const e = normalCdf(x) - p;
  const u = e * Math.sqrt(2 * Math.PI) * Math.exp((x * x) / 2);
  return x - u / (1 + (x * u) / 2);
}

export function logSumExp(values: ArrayLike<number>): number {
  let m = -Infinity;
  for (let i = 0; i < values.length; i++) if (values[i]! > m) m = values[i]!;
  if (m === -Infinity) return -Infinity;
  let s = 0;
  for (let i = 0; i < values.length; i++) s += Math.exp(values[i]! - m);
  return m + Math.log(s);
}
