/**
 * Excess-over-background statistics on an index window, shared by event
 * detection and multi-species encounters. The time weight of sample i is
 * half the span to its neighbours (the trapezoid weight), so irregular
 * sampling integrates correctly; the end samples of a series use their one
 * neighbour.
 */

/** Time weight of sample i, s. */
export function sampleDtS(timeS: Float64Array, i: number): number {
  const n = timeS.length;
  if (n < 2) return 1;
  const t = timeS[i]!;
  const prev = i > 0 ? t - timeS[i - 1]! : timeS[1]! - timeS[0]!;
  const next = i < n - 1 ? timeS[i + 1]! - t : t - timeS[n - 2]!;
  return 0.5 * (prev + next);
}

export interface WindowExcess {
  readonly peakIndex: number;
  readonly peakExcess: number;
  readonly peakZ: number;
  /** Sum of excess x dt over the window (value unit x s). */
  readonly integratedExcess: number;
  /** One standard deviation of integratedExcess under white noise: sqrt(sum sd_i^2 dt_i^2). */
  readonly integratedExcessSd: number;
  /** Stouffer's combined z: sum(z_i) / sqrt(n). */
  readonly combinedZ: number;
}

export const sdAt = (noiseSd: number | Float64Array, i: number): number =>
  typeof noiseSd === 'number' ? noiseSd : noiseSd[i]!;

/** Statistics of values - background over [start, end] inclusive. */
export function windowExcess(
  timeS: Float64Array,
  values: Float64Array,
  background: Float64Array,
  noiseSd: number | Float64Array,
  start: number,
  end: number,
): WindowExcess {
  let peakIndex = start;
  let peakExcess = -Infinity;
  let peakZ = -Infinity;
  let integ = 0;
  let var_ = 0;
  let sumZ = 0;
  for (let i = start; i <= end; i++) {
    const e = values[i]! - background[i]!;
    const sd = sdAt(noiseSd, i);
    const dt = sampleDtS(timeS, i);
    const z = e / sd;
    if (e > peakExcess) {
      peakExcess = e;
      peakIndex = i;
      peakZ = z;
    }
    integ += e * dt;
    var_ += sd * sd * dt * dt;
    sumZ += z;
  }
  return {
    peakIndex,
    peakExcess,
    peakZ,
    integratedExcess: integ,
    integratedExcessSd: Math.sqrt(var_),
    combinedZ: sumZ / Math.sqrt(end - start + 1),
  };
}
