/** Scenario factories shared by the sim tests. */
import type { Scenario, SimSource } from '../src/index.js';

export const ORIGIN = { lat: 52.0907, lon: 5.1214 };

export function labSource(over: Partial<SimSource> = {}): SimSource {
  return { id: 'lab-1', profile: 'lab', kind: 'target', east: -200, north: 50, heightM: 5, rateKgS: { acetone: 2e-3, toluene: 1.5e-3, hcl: 0.8e-3 }, ...over };
}

/** One lab, no meander, gusts, intermittency, background, drift, noise or lag: the plume model alone. */
export function quietScenario(over: Partial<Scenario> = {}): Scenario {
  return {
    seed: 11,
    origin: { ...ORIGIN },
    areaM: { width: 1000, height: 800 },
    sources: [labSource()],
    wind: { speedMps: 4, fromDeg: 250, meanderSdDeg: 0, meanderTimescaleS: 120, speedGustSd: 0 },
    stability: 'D',
    sigmaSet: 'briggs-rural',
    survey: { altitudesM: [10], speedMps: 8, sampleHz: 2, startTimeS: 1_717_236_000 },
    sensor: {
      species: [
        { key: 'acetone', unit: 'ppb', noiseSd: 0, background: 0, driftPerHour: 0 },
        { key: 'toluene', unit: 'ppb', noiseSd: 0, background: 0, driftPerHour: 0 },
        { key: 'hcl', unit: 'ppm', noiseSd: 0, background: 0, driftPerHour: 0 },
      ],
      lagS: 0,
      relativeNoise: 0,
    },
    windSensor: { speedSdMps: 0, dirSdDeg: 0 },
    reportStability: true,
    ...over,
  };
}

/** A JSON-shaped copy for validation tests (mutable, untyped). */
export function asJson(s: Scenario): Record<string, unknown> {
  return JSON.parse(JSON.stringify(s)) as Record<string, unknown>;
}
