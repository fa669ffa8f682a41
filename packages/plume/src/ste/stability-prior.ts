/**
 * A prior over Pasquill–Gifford classes from the wind record: the sigma-theta
 * method (US EPA, Meteorological Monitoring Guidance for Regulatory Modeling
 * Applications, EPA-454/R-99-005, 2000, §6.4.4): the standard deviation of
 * the horizontal wind direction sigma_A maps to a class by the thresholds
 * 22.5, 17.5, 12.5, 7.5 and 3.75 degrees (A..F). A drone's direction record
 * carries sensor noise and the method is a daytime screening rule, so the
 * result is used softly: a discretised Gaussian over class index centred on
 * the (fractional) class, sd 1 class.
 */
const THRESHOLDS_DEG = [22.5, 17.5, 12.5, 7.5, 3.75];

/** Fractional class index (0 = A .. 5 = F) by linear interpolation between the thresholds' mid-points. */
export function sigmaThetaClassIndex(sigmaThetaDeg: number): number {
  // Class centres: A > 22.5 (take 27.5), B 20, C 15, D 10, E 5.6, F < 3.75 (take 2).
  const centres = [27.5, 20, 15, 10, 5.625, 2];
  if (sigmaThetaDeg >= centres[0]!) return 0;
  if (sigmaThetaDeg <= centres[5]!) return 5;
  for (let k = 0; k < 5; k++) {
    const hi = centres[k]!;
    const lo = centres[k + 1]!;
    if (sigmaThetaDeg <= hi && sigmaThetaDeg >= lo) return k + (hi - sigmaThetaDeg) / (hi - lo);
  }
  return 3;
}

export function stabilityPriorFromSigmaTheta(sigmaThetaDeg: number, sdClasses = 1): Float64Array {
  const c = sigmaThetaClassIndex(sigmaThetaDeg);
  const p = new Float64Array(6);
  let sum = 0;
  for (let k = 0; k < 6; k++) {
    p[k] = Math.exp(-0.5 * ((k - c) / sdClasses) ** 2);
    sum += p[k]!;
  }
  for (let k = 0; k < 6; k++) p[k] = p[k]! / sum;
  return p;
}

export { THRESHOLDS_DEG as SIGMA_THETA_THRESHOLDS_DEG };
