/**
 * What stands between the air and the logged number: plume intermittency
 * (the instantaneous concentration fluctuates about the ensemble mean the
 * Gaussian model gives), a slowly drifting background, the sensor's
 * first-order response and its white noise. All arrays are per sample.
 */
import type { Rng } from '@nariz/core';

/** Correlation time of the intermittency factor, s (plume eddies crossing at a few m/s). */
export const INTERMITTENCY_TIMESCALE_S = 3;

/**
 * Multiplicative log-normal factors with mean 1 and coefficient of variation
 * `cv`, exponentially correlated in time with scale timescaleS:
 * f = exp(s z - s^2/2), s^2 = ln(1 + cv^2), z a unit OU process sampled
 * exactly at the given (increasing) times. Log-normal one-point statistics
 * are the usual first model of concentration fluctuations in a plume
 * (Csanady 1973, ch. 7; Yee & Chan 1997). cv = 0 gives exactly 1.
 */
export function intermittencyFactors(rng: Rng, cv: number, timeS: Float64Array, timescaleS = INTERMITTENCY_TIMESCALE_S): Float64Array {
  const n = timeS.length;
  const out = new Float64Array(n);
  const s = Math.sqrt(Math.log1p(cv * cv));
  let z = rng.normal();
  for (let k = 0; k < n; k++) {
    if (k > 0) {
      const rho = Math.exp(-(timeS[k]! - timeS[k - 1]!) / timescaleS);
      z = rho * z + Math.sqrt(1 - rho * rho) * rng.normal();
    }
    out[k] = Math.exp(s * z - 0.5 * s * s);
  }
  return out;
}

/**
 * Background in the sensor's unit: base + linear drift (per hour) + a
 * random walk whose standard deviation grows as walkSdPerSqrtHour·sqrt(hours)
 * (slow zero wander of PID lamps and electrochemical cells).
 */
export function backgroundSeries(rng: Rng, timeS: Float64Array, base: number, driftPerHour: number, walkSdPerSqrtHour: number): Float64Array {
  const n = timeS.length;
  const out = new Float64Array(n);
  const t0 = n > 0 ? timeS[0]! : 0;
  let walk = 0;
  for (let k = 0; k < n; k++) {
    if (k > 0) walk += walkSdPerSqrtHour * Math.sqrt((timeS[k]! - timeS[k - 1]!) / 3600) * rng.normal();
    out[k] = base + (driftPerHour * (timeS[k]! - t0)) / 3600 + walk;
  }
  return out;
}

/**
 * First-order sensor response tau·dy/dt = x - y, solved exactly for an input
 * held constant over each sample interval (zero-order hold): with
 * a = exp(-(t_k - t_{k-1})/tau),  y_k = a·y_{k-1} + (1 - a)·x_k,
 * where x_k is the input over (t_{k-1}, t_k]. y_0 = x_0 (the sensor has
 * settled before logging starts). A unit step from x_0 = 0 gives
 * y_k = 1 - exp(-(t_k - t_0)/tau) exactly. tau = 0 copies the input.
 * Returns a new array; `x` is unchanged.
 */
export function applyFirstOrderLag(x: Float64Array, timeS: Float64Array, tauS: number): Float64Array {
  const n = x.length;
  if (timeS.length !== n) throw new RangeError(`applyFirstOrderLag: ${n} values but ${timeS.length} times`);
  const y = new Float64Array(x);
  if (!(tauS > 0) || n === 0) return y;
  let prev = x[0]!;
  for (let k = 1; k < n; k++) {
    const a = Math.exp(-(timeS[k]! - timeS[k - 1]!) / tauS);
    prev = a * prev + (1 - a) * x[k]!;
    y[k] = prev;
  }
  return y;
}

/** Adds independent N(0, sd^2)·scale noise in place; sd = 0 leaves the values bit-identical. */
export function addWhiteNoise(rng: Rng, values: Float64Array, sd: number, scale = 1): Float64Array {
  if (sd === 0) return values;
  for (let k = 0; k < values.length; k++) values[k] = values[k]! + sd * scale * rng.normal();
  return values;
}
