/**
 * Run a scenario: fly the survey, evaluate every source's plume in the
 * meandering wind, pass the air through the sensor model and return the
 * sortie with the truth. Deterministic: the output depends only on the
 * scenario (each random process has its own stream derived from
 * scenario.seed, see streams.ts).
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
  type SpeciesSeries,
  type Sortie,
} from '@nariz/core';
import { MIN_WIND_MPS, SIGMA_SET_INDEX, plumeUnitEnu, plumeUnitPathEnu, type PlumeParams } from '@nariz/plume';
import { MAX_SIM_SAMPLES, type Scenario, type SimSource } from './scenario.js';
import { flySurvey, fullSampleCount, planSurvey } from './survey.js';
import { GUST_TIMESCALE_S, MeanderWind } from './wind.js';
import { addWhiteNoise, applyFirstOrderLag, backgroundSeries, intermittencyFactors } from './sensor.js';
import { streamRng } from './streams.js';

/**
 * How well the sortie could see one source in one species: its ensemble-mean
 * plume along the flown track (meander included; intermittency, lag and
 * noise excluded) in units of the sensor's noise standard deviation.
 */
export interface SpeciesObservability {
  /** Largest single-sample signal-to-noise ratio. */
  peakSnr: number;
  /** Matched-filter signal-to-noise ratio, sqrt(sum over samples of snr^2). */
  snr: number;
}

export type TruthSource = SimSource & {
  lat: number;
  lon: number;
  rateGps: Record<string, number>;
  /** Per measured species the source emits. */
  observability: Record<string, SpeciesObservability>;
  /** Matched-filter SNR over all its species, sqrt(sum of snr^2). */
  snr: number;
};

export interface Truth {
  scenario: Scenario;
  sources: TruthSource[];
}

export interface SimResult {
  sortie: Sortie;
  truth: Truth;
}

export function simulate(s: Scenario): SimResult {
  const plan = planSurvey(s);
  const full = fullSampleCount(plan, s.survey);
  if (s.survey.maxSamples === undefined && full > MAX_SIM_SAMPLES) {
    throw new NarizError('NARIZ_BAD_SCENARIO', `survey: the pattern needs ${full} samples (> ${MAX_SIM_SAMPLES}); set survey.maxSamples, lower survey.sampleHz or widen survey.transectSpacingM`);
  }
  const track = flySurvey(plan, s.survey);
  const n = track.count;
  const { timeS, east, north, up } = track;
  const frame = new LocalFrame(s.origin);
  const seed = s.seed;

  // The wind must be known back to the emission time of the oldest air
  // sampled: the longest source-receptor distance at the slowest speed.
  let reachM = 0;
  for (const l of plan.legs) {
    for (const src of s.sources) {
      reachM = Math.max(reachM, Math.hypot(l.e0 - src.east, l.n0 - src.north), Math.hypot(l.e1 - src.east, l.n1 - src.north));
    }
  }
  reachM += s.sensor.pathLengthM ?? 0;
  const t0 = timeS[0] ?? s.survey.startTimeS;
  const t1 = timeS[n - 1] ?? t0;
  // A grid of T/20 keeps the linear interpolant's lost variance near 5 % of
  // the OU's (variance below the grid step scales as step/T).
  const stepS = Math.min(s.wind.meanderTimescaleS, GUST_TIMESCALE_S) / 20;
  const wind = new MeanderWind(s.wind, seed, t0 - reachM / MIN_WIND_MPS - stepS, t1 + stepS, stepS);

  // Path receptors start at the drone and point along its flight direction.
  const pathM = s.sensor.pathLengthM;
  let endE: Float64Array | undefined;
  let endN: Float64Array | undefined;
  if (pathM !== undefined) {
    endE = new Float64Array(n);
    endN = new Float64Array(n);
    for (let k = 0; k < n; k++) {
      endE[k] = east[k]! + pathM * track.headingE[k]!;
      endN[k] = north[k]! + pathM * track.headingN[k]!;
    }
  }

  const table = builtinChemicals();
  const measured = s.sensor.species.map((sp) => {
    const chem = table.require(sp.key);
    const factor = toKgM3Factor(sp.unit, chem.molarMassGmol, STANDARD_TEMP_C, STANDARD_PRESSURE_HPA);
    return { spec: sp, chem, factor, noiseKgM3: sp.noiseSd * factor, plume: new Float64Array(n) };
  });
  const byKey = new Map(measured.map((m) => [m.spec.key, m]));

  // Ensemble-mean plume (Gaussian kernel in the transport wind) times intermittency.
  const setIndex = SIGMA_SET_INDEX[s.sigmaSet];
  const stab = stabilityIndex(s.stability);
  const observability = new Map<string, Record<string, SpeciesObservability>>();
  for (const src of s.sources) {
    const contributions: Array<{ key: string; plume: Float64Array; rate: number; noise: number; peak: number; sumSq: number }> = [];
    for (const [key, rate] of Object.entries(src.rateKgS)) {
      const m = byKey.get(key);
      if (m !== undefined && rate > 0) contributions.push({ key, plume: m.plume, rate, noise: m.noiseKgM3, peak: 0, sumSq: 0 });
    }
    const obs: Record<string, SpeciesObservability> = {};
    observability.set(src.id, obs);
    if (contributions.length === 0) continue;
    const p: PlumeParams = { sigmaSet: setIndex, stability: stab, sourceHeightM: src.heightM };
    const fluct = intermittencyFactors(streamRng(seed, `intermittency:${src.id}`), s.sensor.relativeNoise, timeS);
    for (let k = 0; k < n; k++) {
      const e = east[k]!;
      const no = north[k]!;
      const z = up[k]!;
      let unit: number;
      if (endE === undefined || endN === undefined) {
        const w = wind.transport(timeS[k]!, src.east, src.north, e, no);
        unit = plumeUnitEnu(p, src.east, src.north, e, no, z, w.u, w.v);
      } else {
        const e1 = endE[k]!;
        const n1 = endN[k]!;
        const w = wind.transport(timeS[k]!, src.east, src.north, 0.5 * (e + e1), 0.5 * (no + n1));
        unit = plumeUnitPathEnu(p, src.east, src.north, e, no, z, e1, n1, z, w.u, w.v);
      }
      if (unit === 0) continue;
      const c = unit * fluct[k]!;
      for (const ct of contributions) {
        ct.plume[k] = ct.plume[k]! + ct.rate * c;
        if (ct.noise > 0) {
          const snr = (ct.rate * unit) / ct.noise;
          if (snr > ct.peak) ct.peak = snr;
          ct.sumSq += snr * snr;
        }
      }
    }
    for (const ct of contributions) {
      obs[ct.key] = ct.noise > 0 ? { peakSnr: ct.peak, snr: Math.sqrt(ct.sumSq) } : { peakSnr: Infinity, snr: Infinity };
    }
  }

  // Sensor: ambient = plume + drifting background; first-order lag; white noise.
  const species: SpeciesSeries[] = measured.map(({ spec, chem, factor, plume }) => {
    const bg = backgroundSeries(streamRng(seed, `background:${spec.key}`), timeS, spec.background, spec.driftPerHour, spec.noiseSd);
    const ambient = new Float64Array(n);
    for (let k = 0; k < n; k++) ambient[k] = plume[k]! + bg[k]! * factor;
    const kgM3 = addWhiteNoise(streamRng(seed, `noise:${spec.key}`), applyFirstOrderLag(ambient, timeS, s.sensor.lagS), spec.noiseSd, factor);
    return { key: spec.key, chemical: chem.name, molarMassGmol: chem.molarMassGmol, unit: spec.unit, kgM3 };
  });

  // Reported wind: the wind at the drone plus the wind sensor's error.
  const windU = new Float64Array(n);
  const windV = new Float64Array(n);
  const wrng = streamRng(seed, 'wind-sensor');
  for (let k = 0; k < n; k++) {
    const w = wind.at(timeS[k]!);
    const speed = Math.max(0, w.speedMps + s.windSensor.speedSdMps * wrng.normal());
    const dir = w.fromDeg + s.windSensor.dirSdDeg * wrng.normal();
    const [u, v] = windFromToUv(speed, dir);
    windU[k] = u;
    windV[k] = v;
  }

  const lat = new Float64Array(n);
  const lon = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    const g = frame.unproject(east[k]!, north[k]!);
    lat[k] = g.lat;
    lon[k] = g.lon;
  }
  const stability = new Uint8Array(n).fill(s.reportStability ? stab : STABILITY_UNKNOWN);
  const tempC = new Float64Array(n).fill(STANDARD_TEMP_C);
  const pressureHpa = new Float64Array(n).fill(STANDARD_PRESSURE_HPA);
  const base = { count: n, timeS: new Float64Array(timeS), lat, lon, altAglM: new Float64Array(up), windU, windV, stability, tempC, pressureHpa, species };

  let sortie: Sortie = base;
  if (endE !== undefined && endN !== undefined) {
    const endLat = new Float64Array(n);
    const endLon = new Float64Array(n);
    for (let k = 0; k < n; k++) {
      const g = frame.unproject(endE[k]!, endN[k]!);
      endLat[k] = g.lat;
      endLon[k] = g.lon;
    }
    sortie = { ...base, endLat, endLon, endAltAglM: new Float64Array(up) };
  }

  const sources = s.sources.map((src): TruthSource => {
    const g = frame.unproject(src.east, src.north);
    const rateGps: Record<string, number> = {};
    for (const [k, r] of Object.entries(src.rateKgS)) rateGps[k] = r * 1000;
    const obs = observability.get(src.id) ?? {};
    const snr = Math.sqrt(Object.values(obs).reduce((acc, o) => acc + o.snr * o.snr, 0));
    return { ...src, rateKgS: { ...src.rateKgS }, lat: g.lat, lon: g.lon, rateGps, observability: obs, snr };
  });
  return { sortie, truth: { scenario: s, sources } };
}
