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
  /**
   * Transport direction by travel time: the air a sample sees left a source
   * tau seconds earlier and was carried by the wind of [t - tau, t], not by
   * the smoothed wind at t. For sample i and bin b (tau = b *
   * TRANSPORT_STEP_S, last bin for longer), the direction of the mean
   * measured wind over that window is the base direction (ex, ey) turned
   * anticlockwise by an angle with cosine turnCos[i * TRANSPORT_BINS + b] and
   * sine turnSin[...]. Following the record this way explains the meander
   * that one anemometer sees (the wind over the area moves together); what
   * it cannot see is left to meanderRad.
   */
  readonly turnCos: Float64Array;
  readonly turnSin: Float64Array;
  /** Largest |turn| of sample i over its bins, rad (receptor culling widens its disc by it). */
  readonly turnMax: Float64Array;
  /**
   * Sensor response: a first-order lag of `lagS` seconds (0 = none). The
   * model's prediction of datum i is then the plume passed through the same
   * filter, y_i = lagDecay[i] y_prev + (1 - lagDecay[i]) k_i, run over the
   * data in time order; lagDecay[i] = exp(-(t_i - t_prev) / lagS) with
   * t_prev the previous datum's time (0 for the first datum: the sensor has
   * settled). See scan.ts.
   */
  readonly lagS: number;
  readonly lagDecay: Float64Array;
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
  /**
   * Spread of the wind direction about its smoothed value, all of it (sensor
   * and small-scale turbulence included), rad: the sigma-theta that the EPA
   * stability screening expects (stability-prior.ts), not the meander.
   */
  readonly sigmaThetaRad: number;
  /** Sensor noise sd per species, kg/m^3, and the relative model error alpha used in the weights. */
  readonly noiseSd: Float64Array;
  readonly relativeError: number;
  /**
   * The variance model of each retained datum k for species s, given a
   * prediction m_k (and m_pair, the prediction of its paired datum):
   *   var = sd_s^2 sensorVar[k] + (alpha m_k)^2 relVar[k] + (dispSd[k] m_pair)^2.
   * See unitVariance. kind: 0 reading (block mean when multiplicity > 1),
   * 2 crossing integral (moment 0), 3 crossing first moment.
   */
  readonly kind: Uint8Array;
  readonly sensorVar: Float64Array;
  readonly relVar: Float64Array;
  readonly dispSd: Float64Array;
  /** Index of the paired moment-0 datum for kind 3, else -1. */
  readonly pair: Int32Array;
  /** How the background offset enters datum k: 1 for a reading, the leg length for an integral, the offset's first moment for a first moment. */
  readonly offsetCoef: Float64Array;
}

/** Travel-time bins of the transport direction (see SteProblem.turnCos): 0, 10, ..., 600 s. */
export const TRANSPORT_STEP_S = 10;
export const TRANSPORT_BINS = 61;
/** The shortest window averaged for a transport direction, s: a single anemometer reading is mostly its own noise. */
export const TRANSPORT_MIN_WINDOW_S = 5;

export const KIND_READING = 0;
export const KIND_MOMENT0 = 2;
export const KIND_MOMENT1 = 3;

/** Variance of datum k of species s given its prediction m (and the pair's prediction mPair). */
/** The arrays of a problem with m data, `nodes` receptor nodes and S species, zero-filled; shared by buildProblem and cullForDisc. */
export function allocateProblem(m: number, nodes: number, S: number, model: Pick<SteProblem, 'meanderRad' | 'sigmaThetaRad' | 'noiseSd' | 'relativeError' | 'lagS'>): SteProblem {
  return {
    nSamples: m,
    nSpecies: S,
    nodeStart: new Uint32Array(m + 1),
    nodeE: new Float64Array(nodes),
    nodeN: new Float64Array(nodes),
    nodeZ: new Float64Array(nodes),
    nodeW: new Float64Array(nodes),
    ex: new Float64Array(m),
    ey: new Float64Array(m),
    speed: new Float64Array(m),
    turnCos: new Float64Array(m * TRANSPORT_BINS),
    turnSin: new Float64Array(m * TRANSPORT_BINS),
    turnMax: new Float64Array(m),
    lagS: model.lagS,
    lagDecay: new Float64Array(m),
    d: new Float64Array(S * m),
    w: new Float64Array(S * m),
    sampleIndex: new Uint32Array(m),
    multiplicity: new Float64Array(m),
    timeS: new Float64Array(m),
    meanderRad: model.meanderRad,
    sigmaThetaRad: model.sigmaThetaRad,
    noiseSd: model.noiseSd,
    relativeError: model.relativeError,
    kind: new Uint8Array(m),
    sensorVar: new Float64Array(m),
    relVar: new Float64Array(m),
    dispSd: new Float64Array(m),
    pair: new Int32Array(m).fill(-1),
    offsetCoef: new Float64Array(m),
  };
}

/** lagDecay for data at `timeS` (time order) and a lag of lagS seconds (see SteProblem.lagDecay). */
export function fillLagDecay(out: Float64Array, timeS: Float64Array, lagS: number): void {
  for (let i = 0; i < out.length; i++) out[i] = i === 0 || !(lagS > 0) ? 0 : Math.exp(-Math.max(0, timeS[i]! - timeS[i - 1]!) / lagS);
}

/** The same problem with another sensor lag (shares every array but lagDecay). */
export function withSensorLag(p: SteProblem, lagS: number): SteProblem {
  if (!(lagS >= 0) || !Number.isFinite(lagS)) throw new RangeError(`sensorLagS must be finite and >= 0, got ${lagS}`);
  const lagDecay = new Float64Array(p.nSamples);
  fillLagDecay(lagDecay, p.timeS, lagS);
  return { ...p, lagS, lagDecay };
}

export function unitVariance(p: SteProblem, s: number, k: number, alpha: number, m: number, mPair: number): number {
  const sd = p.noiseSd[s]!;
  const mm = m > 0 ? m : p.kind[k] === KIND_MOMENT1 ? m : 0;
  const mp = mPair > 0 ? mPair : 0;
  const disp = p.dispSd[k]! * mp;
  return sd * sd * p.sensorVar[k]! + alpha * alpha * mm * mm * p.relVar[k]! + disp * disp;
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
  /**
   * Follow the measured wind history for each sample's transport direction
   * (SteProblem.turnCos). Default true; false uses the smoothed wind alone
   * and leaves all meander to meanderRad.
   */
  readonly trackWind?: boolean;
  /**
   * Meander the tracked wind cannot explain, as a fraction of the meander
   * measured in the record (default TRACKED_MEANDER_FRACTION); used when
   * trackWind is on and meanderRad is not given.
   */
  readonly trackedMeanderFraction?: number;
  /** First-order response time of the sensors, s (default 0); see SteProblem.lagS and withSensorLag. */
  readonly sensorLagS?: number;
  /**
   * Replace each plume crossing (a run of in-plume point readings along a
   * straight leg) by its along-track integral and first moment. Default
   * false: experimental (on the simulator's benchmark it is, today, slower
   * and less accurate than reading-by-reading; see the science doc).
   * The integral does not change when meander displaces the plume along the
   * leg; the first moment (centroid) carries the displacement in its
   * variance. Readings of one crossing are strongly correlated, so a
   * crossing is one datum, not dozens.
   */
  readonly crossingMoments?: boolean;
}

function angleDiff(u: number, v: number, su: number, sv: number): number {
  let d = Math.atan2(v, u) - Math.atan2(sv, su);
  if (d > Math.PI) d -= 2 * Math.PI;
  if (d < -Math.PI) d += 2 * Math.PI;
  return d;
}

/** Circular sd (rad) of the direction of (u, v) about that of (su, sv) (small-angle form), sensor noise included. */
export function directionSpreadRad(u: Float64Array, v: Float64Array, su: Float64Array, sv: Float64Array): number {
  let acc = 0;
  let cnt = 0;
  for (let i = 0; i < u.length; i++) {
    const d = angleDiff(u[i]!, v[i]!, su[i]!, sv[i]!);
    if (Number.isFinite(d) && Math.hypot(u[i]!, v[i]!) > 0) {
      acc += d * d;
      cnt++;
    }
  }
  return cnt > 0 ? Math.sqrt(acc / cnt) : 0;
}

/** Lag at which meander is measured from the wind record, s (see meanderSpreadRad). */
export const MEANDER_LAG_S = 3;

/**
 * The meander's sd (rad): the direction's deviation from its smoothed value,
 * measured by its autocovariance at a lag of about `lagS` seconds rather than
 * by its variance. An anemometer's own error is (nearly) white, so it adds to
 * the variance but not to the lagged covariance, while meander (time scales
 * of a minute or more) is almost fully correlated over a few seconds. Using
 * the variance would widen every modelled plume by the sensor's noise: 5
 * degrees of noise is 44 m of extra width at 500 m. Pairs are a sample and
 * the first later sample at least lagS after it, kept when no more than
 * 2 lagS after it (gaps in the record are skipped). Falls back to the plain
 * spread when no pair qualifies.
 */
export function meanderSpreadRad(timeS: Float64Array, u: Float64Array, v: Float64Array, su: Float64Array, sv: Float64Array, lagS = MEANDER_LAG_S): number {
  const n = u.length;
  const d = new Float64Array(n).fill(NaN);
  for (let i = 0; i < n; i++) {
    if (Math.hypot(u[i]!, v[i]!) > 0 && Math.hypot(su[i]!, sv[i]!) > 0) d[i] = angleDiff(u[i]!, v[i]!, su[i]!, sv[i]!);
  }
  let acc = 0;
  let cnt = 0;
  let j = 0;
  for (let i = 0; i < n; i++) {
    if (j <= i) j = i + 1;
    while (j < n && timeS[j]! - timeS[i]! < lagS) j++;
    if (j >= n) break;
    if (timeS[j]! - timeS[i]! > 2 * lagS) continue;
    const a = d[i]!;
    const b = d[j]!;
    if (Number.isFinite(a) && Number.isFinite(b)) {
      acc += a * b;
      cnt++;
    }
  }
  if (cnt === 0) return directionSpreadRad(u, v, su, sv);
  return Math.sqrt(Math.max(0, acc / cnt));
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

/**
 * Default share of the measured meander added to the plume's width when the
 * wind history is followed (ProblemOptions.trackedMeanderFraction): none.
 * The Pasquill–Gifford sigma_y are ensemble widths for averaging times of
 * about ten minutes, so they already hold the meander of that time scale;
 * following the transport direction only removes its largest swings, and
 * widening the plume again for them counts the meander twice. A model
 * plume too wide makes the fit pull every source toward the data: with a
 * fraction of 0.5 the bench's sources sat a median 6 m downwind of the truth
 * (15–22 m in classes E and F) and the median error over 48 scenarios was
 * 13.9 m; with none, 1.6 m and 11.0 m, coverage still 98 % (measured
 * 2026-11-27). Users whose anemometer is far from the plume's path can
 * raise it.
 */
export const TRACKED_MEANDER_FRACTION = 0;

interface CumulativeWind {
  readonly timeS: Float64Array;
  /** Trapezoid integrals of u and v from the first sample, m. */
  readonly iu: Float64Array;
  readonly iv: Float64Array;
}

function cumulativeWind(timeS: Float64Array, u: Float64Array, v: Float64Array): CumulativeWind {
  const n = timeS.length;
  const iu = new Float64Array(n);
  const iv = new Float64Array(n);
  for (let i = 1; i < n; i++) {
    const dt = Math.max(0, timeS[i]! - timeS[i - 1]!);
    iu[i] = iu[i - 1]! + 0.5 * dt * (u[i]! + u[i - 1]!);
    iv[i] = iv[i - 1]! + 0.5 * dt * (v[i]! + v[i - 1]!);
  }
  return { timeS, iu, iv };
}

/** Integral of the wind from the first sample to time t (linear between samples, held before/after the record). */
function windIntegralAt(c: CumulativeWind, t: number, hint: number, out: [number, number]): number {
  const ts = c.timeS;
  const n = ts.length;
  let k = Math.min(Math.max(0, hint), n - 1);
  while (k > 0 && ts[k]! > t) k--;
  while (k + 1 < n && ts[k + 1]! <= t) k++;
  if (t <= ts[0]!) {
    // Before the record: extend with the first sample's wind.
    const dt = t - ts[0]!;
    const du = n > 1 ? (c.iu[1]! - c.iu[0]!) / Math.max(1e-9, ts[1]! - ts[0]!) : 0;
    const dv = n > 1 ? (c.iv[1]! - c.iv[0]!) / Math.max(1e-9, ts[1]! - ts[0]!) : 0;
    out[0] = du * dt;
    out[1] = dv * dt;
    return 0;
  }
  if (k + 1 >= n) {
    out[0] = c.iu[n - 1]!;
    out[1] = c.iv[n - 1]!;
    return n - 1;
  }
  const f = (t - ts[k]!) / Math.max(1e-9, ts[k + 1]! - ts[k]!);
  out[0] = c.iu[k]! + f * (c.iu[k + 1]! - c.iu[k]!);
  out[1] = c.iv[k]! + f * (c.iv[k + 1]! - c.iv[k]!);
  return k;
}

/**
 * Fill the transport-direction bins of datum k (time t, record index `at`,
 * base unit direction ex/ey): the mean wind over [t - tau, t] per bin,
 * expressed as a turn from the base.
 */
function fillTransport(p: SteProblem, k: number, c: CumulativeWind | undefined, t: number, at: number, ex: number, ey: number): void {
  const B = TRANSPORT_BINS;
  let maxTurn = 0;
  const end: [number, number] = [0, 0];
  const start: [number, number] = [0, 0];
  if (c !== undefined) windIntegralAt(c, t, at, end);
  let hint = at;
  for (let b = 0; b < B; b++) {
    let cs = 1;
    let sn = 0;
    if (c !== undefined) {
      const tau = Math.max(TRANSPORT_MIN_WINDOW_S, b * TRANSPORT_STEP_S);
      hint = windIntegralAt(c, t - tau, hint, start);
      const du = end[0] - start[0];
      const dv = end[1] - start[1];
      const len = Math.hypot(du, dv);
      if (len > 0) {
        // Turn from (ex, ey) to (du, dv)/len.
        cs = (du * ex + dv * ey) / len;
        sn = (ex * dv - ey * du) / len;
      }
    }
    p.turnCos[k * B + b] = cs;
    p.turnSin[k * B + b] = sn;
    const a = Math.abs(Math.atan2(sn, cs));
    if (a > maxTurn) maxTurn = a;
  }
  p.turnMax[k] = maxTurn;
}

export function buildProblem(data: SteData, opts: ProblemOptions = {}): SteProblem {
  const lagS = opts.sensorLagS ?? 0;
  if (!(lagS >= 0) || !Number.isFinite(lagS)) throw new RangeError(`sensorLagS must be finite and >= 0, got ${lagS}`);
  const alpha = opts.relativeError ?? 0.5;
  const dec = Math.max(1, Math.floor(opts.quietDecimation ?? 3));
  const zThr = opts.signalZ ?? 4;
  const margin = opts.signalMargin ?? 5;
  const n = data.count;
  const S = data.excess.length;
  const [windU, windV] = smoothWind(data.timeS, data.windU, data.windV, opts.windSmoothS ?? 300);
  const track = opts.trackWind ?? true;
  const measuredMeander = Math.min(0.5, meanderSpreadRad(data.timeS, data.windU, data.windV, windU, windV));
  const meanderRad = opts.meanderRad ?? (track ? (opts.trackedMeanderFraction ?? TRACKED_MEANDER_FRACTION) * measuredMeander : measuredMeander);
  const windSum = track ? cumulativeWind(data.timeS, data.windU, data.windV) : undefined;

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
  const hasPath = data.pathEast !== undefined && data.pathNorth !== undefined && data.pathUp !== undefined;
  const isPath = (i: number): boolean => hasPath && !Number.isNaN(data.pathEast![i]!);
  const useMoments = opts.crossingMoments ?? false;
  const units: Unit[] = [];
  const pushReading = (from: number, to: number): void => {
    const mid = (from + to - 1) >> 1;
    const nodes: UnitNode[] = [];
    if (isPath(mid) && to - from === 1) {
      // Composite Simpson nodes along the segment.
      const e1 = data.pathEast![mid]!;
      const n1 = data.pathNorth![mid]!;
      const z1 = data.pathUp![mid]!;
      for (let q = 0; q < PATH_POINTS; q++) {
        const t = q / (PATH_POINTS - 1);
        nodes.push({
          e: data.east[mid]! + t * (e1 - data.east[mid]!),
          n: data.north[mid]! + t * (n1 - data.north[mid]!),
          z: data.up[mid]! + t * (z1 - data.up[mid]!),
          w: (q === 0 || q === PATH_POINTS - 1 ? 1 : q % 2 === 1 ? 4 : 2) / (3 * (PATH_POINTS - 1)),
        });
      }
    } else nodes.push({ e: data.east[mid]!, n: data.north[mid]!, z: data.up[mid]!, w: 1 });
    const mult = to - from;
    units.push({
      kind: KIND_READING, index: mid, from, to, nodes,
      value: (col) => {
        let v = 0;
        for (let b = from; b < to; b++) v += col[b]!;
        return v / mult;
      },
      multiplicity: mult, sensorVar: 1 / mult, relVar: 1 / mult, dispSd: 0, pair: -1, offsetCoef: 1,
    });
  };
  const pushCrossing = (from: number, to: number): void => {
    // Arc length along the track and trapezoid weights.
    const len = to - from;
    const l = new Float64Array(len);
    for (let q = 1; q < len; q++) l[q] = l[q - 1]! + Math.hypot(data.east[from + q]! - data.east[from + q - 1]!, data.north[from + q]! - data.north[from + q - 1]!);
    const dl = new Float64Array(len);
    for (let q = 0; q < len; q++) dl[q] = 0.5 * ((q + 1 < len ? l[q + 1]! : l[q]!) - (q > 0 ? l[q - 1]! : l[q]!));
    const lbar = l[len - 1]! / 2;
    // Observed crossing width (second central moment of the positive excess summed over species).
    let w0 = 0;
    let w1 = 0;
    let w2 = 0;
    for (let s = 0; s < S; s++) {
      const col = data.excess[s]!;
      const sd = data.noiseSd[s]!;
      for (let q = 0; q < len; q++) {
        const v = Math.max(0, col[from + q]!) / sd;
        w0 += v * dl[q]!;
        w1 += v * dl[q]! * (l[q]! - lbar);
        w2 += v * dl[q]! * (l[q]! - lbar) ** 2;
      }
    }
    const width = w0 > 0 ? Math.sqrt(Math.max(0, w2 / w0 - (w1 / w0) ** 2)) : l[len - 1]! / 4;
    const mid = (from + to - 1) >> 1;
    const mk = (weight: (q: number) => number): UnitNode[] => Array.from({ length: len }, (_, q) => ({ e: data.east[from + q]!, n: data.north[from + q]!, z: data.up[from + q]!, w: weight(q) }));
    let sv0 = 0;
    let sv1 = 0;
    let oc0 = 0;
    let oc1 = 0;
    for (let q = 0; q < len; q++) {
      sv0 += dl[q]! ** 2;
      sv1 += (dl[q]! * (l[q]! - lbar)) ** 2;
      oc0 += dl[q]!;
      oc1 += dl[q]! * (l[q]! - lbar);
    }
    const i0 = units.length;
    units.push({
      kind: KIND_MOMENT0, index: mid, from, to, nodes: mk((q) => dl[q]!),
      value: (col) => {
        let v = 0;
        for (let q = 0; q < len; q++) v += dl[q]! * col[from + q]!;
        return v;
      },
      multiplicity: 1, sensorVar: sv0, relVar: 1, dispSd: 0, pair: -1, offsetCoef: oc0,
    });
    // Meander moves the plume by x * theta; the plume's own width grows as
    // about 0.1 x (Briggs, neutral to unstable), so the displacement is about
    // (theta / 0.1) times the observed width, in the leg's own coordinate.
    units.push({
      kind: KIND_MOMENT1, index: mid, from, to, nodes: mk((q) => dl[q]! * (l[q]! - lbar)),
      value: (col) => {
        let v = 0;
        for (let q = 0; q < len; q++) v += dl[q]! * (l[q]! - lbar) * col[from + q]!;
        return v;
      },
      multiplicity: 1, sensorVar: sv1, relVar: 0, dispSd: Math.max(width, 1) * (meanderRad / 0.1 + 0.25), pair: i0, offsetCoef: oc1,
    });
  };
  // Walk the series: quiet samples in blocks of up to `dec` (block mean,
  // never one reading with the block's weight: that would count its noise
  // several times over); in-plume runs of point readings on a straight leg
  // as crossings; anything else reading by reading.
  for (let i = 0; i < n; ) {
    if (hot[i] === 0) {
      let j = i;
      while (j < n && j - i < dec && hot[j] === 0) j++;
      pushReading(i, j);
      i = j;
      continue;
    }
    let j = i;
    while (j < n && hot[j] === 1 && !isPath(j) && (j === i || straightStep(data, j))) j++;
    if (useMoments && j - i >= 3) {
      pushCrossing(i, j);
      i = j;
    } else {
      pushReading(i, i + 1);
      i++;
    }
  }
  const m = units.length;
  let nodes = 0;
  for (const u of units) nodes += u.nodes.length;
  const sigmaThetaRad = directionSpreadRad(data.windU, data.windV, windU, windV);
  const problem = allocateProblem(m, nodes, S, { meanderRad, sigmaThetaRad, noiseSd: Float64Array.from(data.noiseSd), relativeError: alpha, lagS });
  const { nodeStart, nodeE, nodeN, nodeZ, nodeW, ex: exA, ey: eyA, speed, d, w, sampleIndex, multiplicity, timeS, kind, sensorVar, relVar, dispSd, pair, offsetCoef } = problem;
  let q = 0;
  units.forEach((u, k) => {
    nodeStart[k] = q;
    for (const nd of u.nodes) {
      nodeE[q] = nd.e;
      nodeN[q] = nd.n;
      nodeZ[q] = nd.z;
      nodeW[q] = nd.w;
      q++;
    }
    sampleIndex[k] = u.index;
    timeS[k] = data.timeS[u.index]!;
    multiplicity[k] = u.multiplicity;
    kind[k] = u.kind;
    sensorVar[k] = u.sensorVar;
    relVar[k] = u.relVar;
    dispSd[k] = u.dispSd;
    pair[k] = u.pair;
    offsetCoef[k] = u.offsetCoef;
    // Wind of the datum: mean of the smoothed wind over its readings.
    let su = 0;
    let sv = 0;
    for (let b = u.from; b < u.to; b++) {
      su += windU[b]!;
      sv += windV[b]!;
    }
    const sp = Math.hypot(su, sv) / (u.to - u.from);
    exA[k] = sp > 0 ? su / Math.hypot(su, sv) : 1;
    eyA[k] = sp > 0 ? sv / Math.hypot(su, sv) : 0;
    speed[k] = sp < MIN_WIND_MPS ? MIN_WIND_MPS : sp;
    fillTransport(problem, k, windSum, data.timeS[u.index]!, u.index, exA[k]!, eyA[k]!);
    for (let s = 0; s < S; s++) d[s * m + k] = u.value(data.excess[s]!);
  });
  nodeStart[m] = q;
  fillLagDecay(problem.lagDecay, timeS, lagS);
  // Initial weights from the observations themselves (a pilot fit then
  // replaces them with its prediction, see reweightProblem).
  for (let s = 0; s < S; s++) {
    for (let k = 0; k < m; k++) {
      const pk = pair[k]!;
      w[s * m + k] = 1 / unitVariance(problem, s, k, alpha, d[s * m + k]!, pk >= 0 ? d[s * m + pk]! : 0);
    }
  }
  return problem;
}

interface UnitNode {
  readonly e: number;
  readonly n: number;
  readonly z: number;
  readonly w: number;
}

interface Unit {
  readonly kind: number;
  /** Representative reading (time, index). */
  readonly index: number;
  readonly from: number;
  readonly to: number;
  readonly nodes: UnitNode[];
  readonly value: (col: Float64Array) => number;
  readonly multiplicity: number;
  readonly sensorVar: number;
  readonly relVar: number;
  readonly dispSd: number;
  readonly pair: number;
  readonly offsetCoef: number;
}

/** Whether reading j continues the straight leg of reading j - 1 (heading change under 30 degrees, no time gap over 10 s). */
function straightStep(data: SteData, j: number): boolean {
  if (j < 2) return true;
  const t = data.timeS[j]! - data.timeS[j - 1]!;
  if (!(t <= 10)) return false;
  const ax = data.east[j - 1]! - data.east[j - 2]!;
  const ay = data.north[j - 1]! - data.north[j - 2]!;
  const bx = data.east[j]! - data.east[j - 1]!;
  const by = data.north[j]! - data.north[j - 1]!;
  const na = Math.hypot(ax, ay);
  const nb = Math.hypot(bx, by);
  if (na === 0 || nb === 0) return true;
  return (ax * bx + ay * by) / (na * nb) > Math.cos(Math.PI / 6);
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
  const w = new Float64Array(p.w.length);
  for (let s = 0; s < p.nSpecies; s++) {
    for (let i = 0; i < n; i++) {
      const pk = p.pair[i]!;
      w[s * n + i] = gamma / unitVariance(p, s, i, alpha, pred[s * n + i]!, pk >= 0 ? pred[s * n + pk]! : 0);
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
  const cases: Array<{ s: number; i: number; r2: number }> = [];
  for (let s = 0; s < p.nSpecies; s++) {
    for (let i = 0; i < n; i++) {
      if (p.relVar[i]! === 0) continue;
      const m = pred[s * n + i]!;
      if (!(m > 3 * p.noiseSd[s]! * Math.sqrt(p.sensorVar[i]!))) continue;
      const off = offset[s]! * p.offsetCoef[i]!;
      cases.push({ s, i, r2: (p.d[s * n + i]! - off - m) ** 2 });
    }
  }
  if (cases.length < 20) return p.relativeError;
  const chi = (alpha: number): number => {
    const z = cases.map((c) => {
      const pk = p.pair[c.i]!;
      return c.r2 / unitVariance(p, c.s, c.i, alpha, pred[c.s * n + c.i]!, pk >= 0 ? pred[c.s * n + pk]! : 0);
    }).sort((a, b) => a - b);
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
