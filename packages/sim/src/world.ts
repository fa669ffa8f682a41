/**
 * The simulated world sampled along any path, one batch of samples at a
 * time: what a closed-loop simulation needs, where the next waypoints are
 * chosen from the samples so far. `simulate` flies a path known in advance;
 * here the path grows as the drone is told where to go.
 *
 * Every random process of the world is a function of time (sample k is
 * taken at survey.startTimeS + k / survey.sampleHz, whatever the path), so
 * the world draws them all up front, for `maxSamples` samples, from the
 * same streams and in the same order as `simulate`: the meandering wind,
 * each source's intermittency, each species' background, sensor noise and
 * the wind sensor's error. Only the plume depends on where the drone is.
 * Every stream is sequential, so a prefix of it does not depend on how many
 * samples were drawn; with the wind window of `simulate` (`surveyReachM`),
 * flying the survey's track through the world gives `simulate`'s sortie bit
 * for bit (tested). Two strategies flown through one world therefore meet
 * the same gusts, meander and noise at the same times.
 */
import {
  LocalFrame,
  NarizError,
  STABILITY_UNKNOWN,
  STANDARD_PRESSURE_HPA,
  STANDARD_TEMP_C,
  builtinChemicals,
  stabilityIndex,
  toKgM3Factor,
  windFromToUv,
  type Sortie,
  type SpeciesSeries,
} from '@nariz/core';
import { MIN_WIND_MPS, SIGMA_SET_INDEX, plumeUnitEnu, plumeUnitPathEnu, type PlumeParams } from '@nariz/plume';
import { MAX_SIM_SAMPLES, type Scenario } from './scenario.js';
import { planSurvey, type SurveyPlan } from './survey.js';
import { GUST_TIMESCALE_S, MeanderWind } from './wind.js';
import { backgroundSeries, intermittencyFactors } from './sensor.js';
import { streamRng } from './streams.js';

/** Positions of the next samples, local ENU metres, with the unit horizontal flight direction. */
export interface FlownPoints {
  readonly count: number;
  readonly east: Float64Array;
  readonly north: Float64Array;
  readonly up: Float64Array;
  readonly headingE: Float64Array;
  readonly headingN: Float64Array;
}

export interface SimWorldOptions {
  /** Most samples the world will be asked for: the length of every precomputed time series (at most MAX_SIM_SAMPLES). */
  readonly maxSamples: number;
  /**
   * Longest source–receptor distance the wind must be known back for, m
   * (air seen at t left a source up to reachM / MIN_WIND_MPS earlier).
   * Default `surveyReachM(scenario)`, the window `simulate` uses; a
   * receptor further away sees the oldest wind held constant.
   */
  readonly reachM?: number;
}

/**
 * The reach `simulate` gives its wind: the longest distance from a source to
 * an end of a survey leg, plus the path receptor's length.
 */
export function surveyReachM(s: Scenario, plan: SurveyPlan = planSurvey(s)): number {
  let reachM = 0;
  for (const l of plan.legs) {
    for (const src of s.sources) {
      reachM = Math.max(reachM, Math.hypot(l.e0 - src.east, l.n0 - src.north), Math.hypot(l.e1 - src.east, l.n1 - src.north));
    }
  }
  return reachM + (s.sensor.pathLengthM ?? 0);
}

interface Emission {
  readonly species: number;
  readonly rate: number;
}

interface WorldSource {
  readonly east: number;
  readonly north: number;
  readonly params: PlumeParams;
  readonly emissions: readonly Emission[];
  readonly intermittency: Float64Array;
}

interface WorldSpecies {
  readonly series: Omit<SpeciesSeries, 'kgM3'>;
  /** kg/m^3 per sensor unit. */
  readonly factor: number;
  /** Background in the sensor's unit, per sample. */
  readonly background: Float64Array;
  /** White noise already scaled to kg/m^3 (sd·factor·z, the product `addWhiteNoise` forms), per sample; empty when noiseSd = 0. */
  readonly noise: Float64Array;
  /** Output of the sensor's first-order lag at the last sample. */
  lagged: number;
  readonly kgM3: Float64Array;
}

export class SimWorld {
  readonly scenario: Scenario;
  readonly frame: LocalFrame;
  /** Samples the world can give (options.maxSamples). */
  readonly capacity: number;
  /** Distance flown between samples, m (survey.speedMps / survey.sampleHz). */
  readonly sampleSpacingM: number;
  private readonly wind: MeanderWind;
  private readonly sources: readonly WorldSource[];
  private readonly species: readonly WorldSpecies[];
  private readonly time: Float64Array;
  private readonly windU: Float64Array;
  private readonly windV: Float64Array;
  private readonly lat: Float64Array;
  private readonly lon: Float64Array;
  private readonly up: Float64Array;
  private readonly endLat: Float64Array | undefined;
  private readonly endLon: Float64Array | undefined;
  private n = 0;

  constructor(scenario: Scenario, options: SimWorldOptions) {
    const cap = options.maxSamples;
    if (!(Number.isInteger(cap) && cap >= 1 && cap <= MAX_SIM_SAMPLES)) {
      throw new NarizError('NARIZ_USAGE', `SimWorld: maxSamples must be an integer in 1..${MAX_SIM_SAMPLES}, got ${cap}`);
    }
    const s = scenario;
    this.scenario = s;
    this.capacity = cap;
    this.frame = new LocalFrame(s.origin);
    this.sampleSpacingM = s.survey.speedMps / s.survey.sampleHz;
    const time = new Float64Array(cap);
    for (let k = 0; k < cap; k++) time[k] = s.survey.startTimeS + k / s.survey.sampleHz;
    this.time = time;
    const reachM = options.reachM ?? surveyReachM(s);
    const t0 = time[0]!;
    const t1 = time[cap - 1]!;
    const stepS = Math.min(s.wind.meanderTimescaleS, GUST_TIMESCALE_S) / 20;
    this.wind = new MeanderWind(s.wind, s.seed, t0 - reachM / MIN_WIND_MPS - stepS, t1 + stepS, stepS);

    const table = builtinChemicals();
    this.species = s.sensor.species.map((sp): WorldSpecies => {
      const chem = table.require(sp.key);
      const factor = toKgM3Factor(sp.unit, chem.molarMassGmol, STANDARD_TEMP_C, STANDARD_PRESSURE_HPA);
      const nrng = streamRng(s.seed, `noise:${sp.key}`);
      const noise = new Float64Array(sp.noiseSd === 0 ? 0 : cap);
      for (let k = 0; k < noise.length; k++) noise[k] = sp.noiseSd * factor * nrng.normal();
      return {
        series: { key: sp.key, chemical: chem.name, molarMassGmol: chem.molarMassGmol, unit: sp.unit },
        factor,
        background: backgroundSeries(streamRng(s.seed, `background:${sp.key}`), time, sp.background, sp.driftPerHour, sp.noiseSd),
        noise,
        lagged: 0,
        kgM3: new Float64Array(cap),
      };
    });
    const index = new Map(this.species.map((sp, i) => [sp.series.key, i]));
    const setIndex = SIGMA_SET_INDEX[s.sigmaSet];
    const stab = stabilityIndex(s.stability);
    this.sources = s.sources.map((src) => {
      const emissions: Emission[] = [];
      for (const [key, rate] of Object.entries(src.rateKgS)) {
        const i = index.get(key);
        if (i !== undefined && rate > 0) emissions.push({ species: i, rate });
      }
      return {
        east: src.east,
        north: src.north,
        params: { sigmaSet: setIndex, stability: stab, sourceHeightM: src.heightM },
        emissions,
        intermittency: intermittencyFactors(streamRng(s.seed, `intermittency:${src.id}`), s.sensor.relativeNoise, time),
      };
    });

    // The wind sensor: the true wind at the drone plus its errors, drawn in simulate's order.
    this.windU = new Float64Array(cap);
    this.windV = new Float64Array(cap);
    const wrng = streamRng(s.seed, 'wind-sensor');
    for (let k = 0; k < cap; k++) {
      const w = this.wind.at(time[k]!);
      const speed = Math.max(0, w.speedMps + s.windSensor.speedSdMps * wrng.normal());
      const dir = w.fromDeg + s.windSensor.dirSdDeg * wrng.normal();
      const [u, v] = windFromToUv(speed, dir);
      this.windU[k] = u;
      this.windV[k] = v;
    }
    this.lat = new Float64Array(cap);
    this.lon = new Float64Array(cap);
    this.up = new Float64Array(cap);
    const path = s.sensor.pathLengthM !== undefined;
    this.endLat = path ? new Float64Array(cap) : undefined;
    this.endLon = path ? new Float64Array(cap) : undefined;
  }

  /** Samples taken so far. */
  get count(): number {
    return this.n;
  }

  /** What the wind sensor reports at sample k's time (toward east, north; m/s), whether or not sample k was taken yet. */
  reportedWind(k: number): { readonly u: number; readonly v: number } {
    if (!(k >= 0 && k < this.capacity)) throw new RangeError(`SimWorld.reportedWind: sample ${k} outside 0..${this.capacity - 1}`);
    return { u: this.windU[k]!, v: this.windV[k]! };
  }

  /** Time of sample k, Unix seconds. */
  timeOf(k: number): number {
    return this.scenario.survey.startTimeS + k / this.scenario.survey.sampleHz;
  }

  /**
   * Takes the next `p.count` samples at the given positions (sample k at
   * its fixed time): plume of every source in the wind that carried it,
   * times intermittency, plus background, through the sensor's lag, plus
   * noise — `simulate`'s model, sample by sample.
   */
  fly(p: FlownPoints): void {
    if (this.n + p.count > this.capacity) {
      throw new NarizError('NARIZ_USAGE', `SimWorld: ${this.n} + ${p.count} samples exceed the world's ${this.capacity} (raise maxSamples)`);
    }
    const s = this.scenario;
    const pathM = s.sensor.pathLengthM;
    const lagS = s.sensor.lagS;
    const plume = new Float64Array(this.species.length);
    for (let q = 0; q < p.count; q++) {
      const k = this.n;
      const t = this.time[k]!;
      const e = p.east[q]!;
      const no = p.north[q]!;
      const z = p.up[q]!;
      const e1 = pathM === undefined ? e : e + pathM * p.headingE[q]!;
      const n1 = pathM === undefined ? no : no + pathM * p.headingN[q]!;
      plume.fill(0);
      for (const src of this.sources) {
        if (src.emissions.length === 0) continue;
        let unit: number;
        if (pathM === undefined) {
          const w = this.wind.transport(t, src.east, src.north, e, no);
          unit = plumeUnitEnu(src.params, src.east, src.north, e, no, z, w.u, w.v);
        } else {
          const w = this.wind.transport(t, src.east, src.north, 0.5 * (e + e1), 0.5 * (no + n1));
          unit = plumeUnitPathEnu(src.params, src.east, src.north, e, no, z, e1, n1, z, w.u, w.v);
        }
        if (unit === 0) continue;
        const c = unit * src.intermittency[k]!;
        for (const em of src.emissions) plume[em.species] = plume[em.species]! + em.rate * c;
      }
      this.species.forEach((sp, i) => {
        const ambient = plume[i]! + sp.background[k]! * sp.factor;
        // First-order lag, exactly as applyFirstOrderLag (y_0 = x_0).
        if (k === 0 || !(lagS > 0)) sp.lagged = ambient;
        else {
          const a = Math.exp(-(t - this.time[k - 1]!) / lagS);
          sp.lagged = a * sp.lagged + (1 - a) * ambient;
        }
        sp.kgM3[k] = sp.noise.length === 0 ? sp.lagged : sp.lagged + sp.noise[k]!;
      });
      const g = this.frame.unproject(e, no);
      this.lat[k] = g.lat;
      this.lon[k] = g.lon;
      this.up[k] = z;
      if (this.endLat !== undefined && this.endLon !== undefined) {
        const h = this.frame.unproject(e1, n1);
        this.endLat[k] = h.lat;
        this.endLon[k] = h.lon;
      }
      this.n = k + 1;
    }
  }

  /** The samples so far as a sortie (copies: later flights do not change it). */
  sortie(): Sortie {
    const n = this.n;
    const s = this.scenario;
    const base = {
      count: n,
      timeS: this.time.slice(0, n),
      lat: this.lat.slice(0, n),
      lon: this.lon.slice(0, n),
      altAglM: this.up.slice(0, n),
      windU: this.windU.slice(0, n),
      windV: this.windV.slice(0, n),
      stability: new Uint8Array(n).fill(s.reportStability ? stabilityIndex(s.stability) : STABILITY_UNKNOWN),
      tempC: new Float64Array(n).fill(STANDARD_TEMP_C),
      pressureHpa: new Float64Array(n).fill(STANDARD_PRESSURE_HPA),
      species: this.species.map((sp) => ({ ...sp.series, kgM3: sp.kgM3.slice(0, n) })),
    };
    if (this.endLat === undefined || this.endLon === undefined) return base;
    return { ...base, endLat: this.endLat.slice(0, n), endLon: this.endLon.slice(0, n), endAltAglM: this.up.slice(0, n) };
  }
}
