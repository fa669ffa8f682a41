/**
 * The source-term estimation problem in the form the scan kernel wants:
 * receptors as "nodes" in CSR layout (a point sample has one node, a path
 * sample several with quadrature weights), per-sample wind unit vectors,
 * and per-species excess concentrations with their likelihood weights.
 *
 * Likelihood weights (Rao 2007's multiplicative model-error idea, simplified
 * so that the model stays linear in the rates): the variance of sample i of
 * species s is sd_s^2 + (alpha * max(d_si, 0))^2, i.e. sensor noise plus a
 * relative error for plume intermittency and meander, evaluated on the
 * observation rather than the prediction so that the weights do not depend
 * on the candidate source.
 */
import { MIN_WIND_MPS } from '../gaussian.js';
import { PATH_POINTS, type Receptors } from '../gaussian.js';

/** Receptors (see gaussian.ts) with their times and the per-species data. */
export interface SteData extends Receptors {
  readonly timeS: Float64Array;
  /** Species-major excess over background, kg/m^3: excess[s][i]. */
  readonly excess: readonly Float64Array[];
  /** Sensor noise standard deviation per species, kg/m^3. */
  readonly noiseSd: Float64Array;
}

export interface SteProblem {
  readonly nSamples: number;
  readonly nSpecies: number;
  /** nodeStart[i]..nodeStart[i+1] are the nodes of sample i. */
  readonly nodeStart: Uint32Array;
  readonly nodeE: Float64Array;
  readonly nodeN: Float64Array;
  readonly nodeZ: Float64Array;
  readonly nodeW: Float64Array;
  /** Unit wind vector and clamped speed per sample. */
  readonly ex: Float64Array;
  readonly ey: Float64Array;
  readonly speed: Float64Array;
  /** Species-major excess d[s * n + i] and weight w[s * n + i] (already tempered). */
  readonly d: Float64Array;
  readonly w: Float64Array;
  /** Original sample index of each retained sample (decimation keeps a subset). */
  readonly sampleIndex: Uint32Array;
  /** How many original samples each retained sample stands for. */
  readonly multiplicity: Float64Array;
  readonly timeS: Float64Array;
  /**
   * Plume meander, rad: the sd of the wind direction about its smoothed
   * value. Receptors see the plume displaced by x * theta from one crossing
   * to the next, so the expected concentration is the plume convolved with
   * that displacement: sigma_y^2 + (x theta)^2 (Gifford's meandering-plume
   * picture). Sensor noise in the direction makes this conservative.
   */
  readonly meanderRad: number;
  /** Sensor noise sd per species, kg/m^3, and the relative model error alpha used in the weights. */
  readonly noiseSd: Float64Array;
  readonly relativeError: number;
}

export interface ProblemOptions {
  /** Relative model error alpha (default 0.5). */
  readonly relativeError?: number;
  /** Keep every k-th quiet sample (weight x k); samples near signal kept at full rate. Default 3. */
  readonly quietDecimation?: number;
  /** z-score above which a sample counts as "in plume" for decimation. Default 4. */
  readonly signalZ?: number;
  /** Samples of margin kept at full rate around in-plume samples. Default 5. */
  readonly signalMargin?: number;
  /**
   * Width of the centred moving average applied to the wind vector, s.
   * A plume is carried by the wind averaged over its travel time (a minute
   * or more at survey ranges), not by the gust at the drone; a single
   * anemometer reading also carries a few degrees of sensor noise, which at
   * 300 m moves the modelled plume by more than its width. Default 300 s.
   */
  readonly windSmoothS?: number;
  /** Override the meander estimated from the wind record, rad. */
  readonly meanderRad?: number;
}

/** Circular sd (rad) of the direction of (u, v) about that of (su, sv), speed-weighted (Yamartino-free small-angle form). */
export function directionSpreadRad(u: Float64Array, v: Float64Array, su: Float64Array, sv: Float64Array): number {
  let acc = 0;
  let cnt = 0;
  for (let i = 0; i < u.length; i++) {
    const a = Math.atan2(v[i]!, u[i]!);
    const b = Math.atan2(sv[i]!, su[i]!);
    let d = a - b;
    if (d > Math.PI) d -= 2 * Math.PI;
    if (d < -Math.PI) d += 2 * Math.PI;
    if (Number.isFinite(d) && Math.hypot(u[i]!, v[i]!) > 0) {
      acc += d * d;
      cnt++;
    }
  }
  return cnt > 0 ? Math.sqrt(acc / cnt) : 0;
}

/** Centred moving average of u and v over a time window (two pointers, O(n); time must be sorted). */
export function smoothWind(timeS: Float64Array, u: Float64Array, v: Float64Array, windowS: number): [Float64Array, Float64Array] {
  const n = timeS.length;
  const su = new Float64Array(n);
  const sv = new Float64Array(n);
  if (!(windowS > 0)) {
    su.set(u);
    sv.set(v);
    return [su, sv];
  }
  const half = windowS / 2;
  let lo = 0;
  let hi = 0;
  let accU = 0;
  let accV = 0;
  for (let i = 0; i < n; i++) {
    const t = timeS[i]!;
    while (hi < n && timeS[hi]! <= t + half) {
      accU += u[hi]!;
      accV += v[hi]!;
      hi++;
    }
    while (timeS[lo]! < t - half) {
      accU -= u[lo]!;
      accV -= v[lo]!;
      lo++;
    }
    su[i] = accU / (hi - lo);
    sv[i] = accV / (hi - lo);
  }
  return [su, sv];
}

export function buildProblem(data: SteData, opts: ProblemOptions = {}): SteProblem {
  const alpha = opts.relativeError ?? 0.5;
  const dec = Math.max(1, Math.floor(opts.quietDecimation ?? 3));
  const zThr = opts.signalZ ?? 4;
  const margin = opts.signalMargin ?? 5;
  const n = data.count;
  const S = data.excess.length;
  const [windU, windV] = smoothWind(data.timeS, data.windU, data.windV, opts.windSmoothS ?? 300);
  const meanderRad = opts.meanderRad ?? Math.min(0.5, directionSpreadRad(data.windU, data.windV, windU, windV));

  // Mark samples near signal in any species.
  const hot = new Uint8Array(n);
  for (let s = 0; s < S; s++) {
    const ex = data.excess[s]!;
    const sd = data.noiseSd[s]!;
    for (let i = 0; i < n; i++) {
      if (ex[i]! > zThr * sd) {
        const lo = Math.max(0, i - margin);
        const hi = Math.min(n - 1, i + margin);
        for (let j = lo; j <= hi; j++) hot[j] = 1;
      }
    }
  }
  // Quiet samples are merged in consecutive blocks of up to `dec`: the block
  // is represented by its middle sample's geometry and its MEAN value, with
  // weight x block size. (Keeping one sample's value with the block's
  // weight would count that sample's noise several times over and let
  // noise bumps pass for sources.)
  const keep: number[] = [];
  const blockStart: number[] = [];
  const blockEnd: number[] = [];
  for (let i = 0; i < n; ) {
    if (hot[i] === 1) {
      keep.push(i);
      blockStart.push(i);
      blockEnd.push(i + 1);
      i++;
      continue;
    }
    let j = i;
    while (j < n && j - i < dec && hot[j] === 0) j++;
    keep.push((i + j - 1) >> 1);
    blockStart.push(i);
    blockEnd.push(j);
    i = j;
  }
  const mult = keep.map((_, k) => blockEnd[k]! - blockStart[k]!);
  const m = keep.length;
  const hasPath = data.pathEast !== undefined && data.pathNorth !== undefined && data.pathUp !== undefined;
  const nodeStart = new Uint32Array(m + 1);
  let nodes = 0;
  for (let k = 0; k < m; k++) {
    nodeStart[k] = nodes;
    const i = keep[k]!;
    nodes += hasPath && !Number.isNaN(data.pathEast![i]!) ? PATH_POINTS : 1;
  }
  nodeStart[m] = nodes;
  const nodeE = new Float64Array(nodes);
  const nodeN = new Float64Array(nodes);
  const nodeZ = new Float64Array(nodes);
  const nodeW = new Float64Array(nodes);
  const exA = new Float64Array(m);
  const eyA = new Float64Array(m);
  const speed = new Float64Array(m);
  const d = new Float64Array(S * m);
  const w = new Float64Array(S * m);
  const sampleIndex = new Uint32Array(m);
  const multiplicity = Float64Array.from(mult);
  const timeS = new Float64Array(m);
  for (let k = 0; k < m; k++) {
    const i = keep[k]!;
    sampleIndex[k] = i;
    timeS[k] = data.timeS[i]!;
    const u = windU[i]!;
    const v = windV[i]!;
    const sp = Math.hypot(u, v);
    if (sp > 0) {
      exA[k] = u / sp;
      eyA[k] = v / sp;
    } else {
      exA[k] = 1;
      eyA[k] = 0;
    }
    speed[k] = sp < MIN_WIND_MPS ? MIN_WIND_MPS : sp;
    const j0 = nodeStart[k]!;
    const cnt = nodeStart[k + 1]! - j0;
    if (cnt === 1) {
      nodeE[j0] = data.east[i]!;
      nodeN[j0] = data.north[i]!;
      nodeZ[j0] = data.up[i]!;
      nodeW[j0] = 1;
    } else {
      // Composite Simpson nodes along the segment.
      const e1 = data.pathEast![i]!;
      const n1 = data.pathNorth![i]!;
      const z1 = data.pathUp![i]!;
      for (let p = 0; p < cnt; p++) {
        const t = p / (cnt - 1);
        nodeE[j0 + p] = data.east[i]! + t * (e1 - data.east[i]!);
        nodeN[j0 + p] = data.north[i]! + t * (n1 - data.north[i]!);
        nodeZ[j0 + p] = data.up[i]! + t * (z1 - data.up[i]!);
        nodeW[j0 + p] = (p === 0 || p === cnt - 1 ? 1 : p % 2 === 1 ? 4 : 2) / (3 * (cnt - 1));
      }
    }
    for (let s = 0; s < S; s++) {
      const col = data.excess[s]!;
      let val = 0;
      for (let b = blockStart[k]!; b < blockEnd[k]!; b++) val += col[b]!;
      val /= mult[k]!;
      const sd = data.noiseSd[s]!;
      const pos = val > 0 ? val : 0;
      d[s * m + k] = val;
      w[s * m + k] = mult[k]! / (sd * sd + alpha * alpha * pos * pos);
    }
  }
  return { nSamples: m, nSpecies: S, nodeStart, nodeE, nodeN, nodeZ, nodeW, ex: exA, ey: eyA, speed, d, w, sampleIndex, multiplicity, timeS, meanderRad, noiseSd: Float64Array.from(data.noiseSd), relativeError: alpha };
}

/** A copy of the problem with every weight multiplied by gamma (likelihood tempering). */
export function temperProblem(p: SteProblem, gamma: number): SteProblem {
  const w = new Float64Array(p.w.length);
  for (let i = 0; i < w.length; i++) w[i] = p.w[i]! * gamma;
  return { ...p, w };
}

/**
 * A copy whose weights use a model prediction instead of the observation
 * in the relative-error term: w = mult * gamma / (sd^2 + (alpha pred)^2).
 * Weights built from observations down-weight the highest readings and bias
 * rates low; weights from a pilot fit's prediction do not depend on the
 * noise of the reading they weigh.
 */
export function reweightProblem(p: SteProblem, pred: Float64Array, gamma: number, alpha = p.relativeError): SteProblem {
  const n = p.nSamples;
  const noiseSd = p.noiseSd;
  const w = new Float64Array(p.w.length);
  for (let s = 0; s < p.nSpecies; s++) {
    const sd = noiseSd[s]!;
    for (let i = 0; i < n; i++) {
      const m = pred[s * n + i]! > 0 ? pred[s * n + i]! : 0;
      w[s * n + i] = (gamma * p.multiplicity[i]!) / (sd * sd + alpha * alpha * m * m);
    }
  }
  return { ...p, w, relativeError: alpha };
}

/**
 * The relative model error alpha at which the robust reduced chi-square of
 * samples with predicted signal is 1, given a pilot prediction and offsets:
 * median over those samples of r^2 / (sd^2 + alpha^2 pred^2) equals the
 * median of chi2(1). Monotone in alpha, so bisection (on log alpha).
 */
export function calibrateRelativeError(p: SteProblem, pred: Float64Array, offset: Float64Array, lo = 0.1, hi = 5): number {
  const n = p.nSamples;
  const r: number[] = [];
  const sd2: number[] = [];
  const m2: number[] = [];
  for (let s = 0; s < p.nSpecies; s++) {
    const sd = p.noiseSd[s]!;
    for (let i = 0; i < n; i++) {
      const m = pred[s * n + i]!;
      if (!(m > 3 * sd)) continue;
      const res = p.d[s * n + i]! - offset[s]! - m;
      r.push(res * res);
      sd2.push(sd * sd);
      m2.push(m * m);
    }
  }
  if (r.length < 20) return p.relativeError;
  const chi = (alpha: number): number => {
    const z = r.map((x, i) => x / (sd2[i]! + alpha * alpha * m2[i]!)).sort((a, b) => a - b);
    return z[(z.length - 1) >> 1]! / 0.454936423119572;
  };
  let a = Math.log(lo);
  let b = Math.log(hi);
  if (chi(lo) <= 1) return lo;
  if (chi(hi) >= 1) return hi;
  for (let it = 0; it < 40; it++) {
    const mid = (a + b) / 2;
    if (chi(Math.exp(mid)) > 1) a = mid;
    else b = mid;
  }
  return Math.exp((a + b) / 2);
}
