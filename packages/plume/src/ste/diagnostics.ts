/** Residual diagnostics of a fitted configuration: what the tempering and the relative-error calibration are measured on. */
import type { SteProblem } from './problem.js';
import { KIND_READING } from './problem.js';
import { buildLinearBase } from './linear-base.js';

/**
 * Residual diagnostics of a fitted configuration (linear fit of the offset
 * and rates for the given kernels): the model prediction without offset
 * (species-major), a robust reduced chi-square and the lag-1
 * autocorrelation of standardised residuals, both over samples with signal.
 */
export function residualDiagnostics(p: SteProblem, kernels: readonly Float64Array[]): { chi2nu: number; rho: number; tau: number; offset: Float64Array; pred: Float64Array } {
  const base = buildLinearBase(p, kernels);
  const n = p.nSamples;
  const m = kernels.length + 1;
  const z2: number[] = [];
  // Runs of consecutive signal samples (standardised residuals), for the autocorrelation.
  const runs: number[][] = [];
  const offset = new Float64Array(p.nSpecies);
  const predAll = new Float64Array(p.nSpecies * n);
  for (let s = 0; s < p.nSpecies; s++) {
    // Coefficients beta = G^-1 h; negative rates are clipped to zero for the prediction.
    const gi = base.gInv[s]!;
    const h = base.h[s]!;
    const beta = new Float64Array(m);
    for (let a = 0; a < m; a++) {
      let v = 0;
      for (let b = 0; b < m; b++) v += gi[a * m + b]! * h[b]!;
      beta[a] = a === 0 ? v : Math.max(0, v);
    }
    offset[s] = beta[0]!;
    let run: number[] = [];
    let prevIdx = -2;
    for (let i = 0; i < n; i++) {
      let pred = 0;
      for (let j = 0; j < kernels.length; j++) pred += beta[j + 1]! * kernels[j]![i]!;
      predAll[s * n + i] = pred;
      // Judge the model where it claims plume. Quiet samples fit the noise
      // model by construction and would dilute the estimate; plume hits of
      // sources the fit does not contain yet say nothing about how well the
      // contained ones are modelled.
      if (!(Math.abs(pred) > 3 * p.noiseSd[s]! * Math.sqrt(p.sensorVar[i]!))) {
        if (run.length > 1) runs.push(run);
        run = [];
        prevIdx = -2;
        continue;
      }
      const z = (p.d[s * n + i]! - beta[0]! * p.offsetCoef[i]! - pred) * Math.sqrt(p.w[s * n + i]!);
      z2.push(z * z);
      // Autocorrelation along runs of consecutive single readings only
      // (crossing moments are one datum per crossing already).
      if (p.kind[i] !== KIND_READING || p.multiplicity[i] !== 1) {
        if (run.length > 1) runs.push(run);
        run = [];
        prevIdx = -2;
        continue;
      }
      if (p.sampleIndex[i] !== prevIdx + 1 && run.length > 0) {
        if (run.length > 1) runs.push(run);
        run = [];
      }
      run.push(z);
      prevIdx = p.sampleIndex[i]!;
    }
    if (run.length > 1) runs.push(run);
  }
  // Robust reduced chi-square: median(z^2) / median of chi2(1) (0.4549).
  z2.sort((a, b) => a - b);
  const chi2nu = z2.length > 0 ? z2[(z2.length - 1) >> 1]! / 0.454936423119572 : 1;
  // Integrated autocorrelation time tau = 1 + 2 sum_k rho_k, summed until
  // rho_k first drops to zero (Geyer's initial-sequence truncation). Unlike
  // an AR(1) extrapolation of rho_1, it sees that residuals are correlated
  // within a plume crossing but not across crossings.
  let tau = 1;
  let rho1 = 0;
  for (let k = 1; k <= 60; k++) {
    let sxy = 0;
    let sxx = 0;
    let syy = 0;
    for (const r of runs) {
      for (let t = k; t < r.length; t++) {
        sxy += r[t]! * r[t - k]!;
        sxx += r[t - k]! * r[t - k]!;
        syy += r[t]! * r[t]!;
      }
    }
    if (!(sxx > 0 && syy > 0)) break;
    const rk = sxy / Math.sqrt(sxx * syy);
    if (k === 1) rho1 = rk;
    if (!(rk > 0)) break;
    tau += 2 * rk;
  }
  return { chi2nu, rho: rho1, tau, offset, pred: predAll };
}
