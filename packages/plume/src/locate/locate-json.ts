/**
 * The JSON contract of a localisation (docs/cli.md): what `nariz locate
 * --json` prints and what the server stores and serves as a sortie's
 * estimate. snake_case, units in the names.
 */
import type { LocateResult } from './locate-sortie.js';

/** Degrees to 1e-6 (about 0.1 m): enough for a map, a third of the bytes. */
const deg = (x: number): number => Math.round(x * 1e6) / 1e6;

export function locateJson(r: LocateResult, seconds: number): Record<string, unknown> {
  return {
    sources: r.sources.map((s) => ({
      lat: s.lat,
      lon: s.lon,
      position_ci95_m: s.positionCi95M,
      ellipse95: { semi_major_m: s.ellipse95.semiMajorM, semi_minor_m: s.ellipse95.semiMinorM, azimuth_deg: s.ellipse95.azimuthDeg },
      rate_gps: s.rateGps,
      rate_ci95_gps: s.rateCi95Gps,
      probability: s.probability,
      class: s.classProbabilities,
      lab_probability: s.labProbability,
      classified: s.classified,
      posterior_sample: s.posteriorSample.map(([lon, lat]) => [deg(lon), deg(lat)]),
    })),
    background: Object.fromEntries(Object.entries(r.background).map(([k, b]) => [k, { unit: b.unit, median: b.median, noise_sd: b.noiseSd, events: b.events }])),
    stability: { source: r.stability.source, posterior: r.stability.posterior },
    samples: r.samples,
    seconds,
    diagnostics: { tempering: r.diagnostics.gamma, reduced_chi2: r.diagnostics.reducedChi2, residual_lag1: r.diagnostics.residualLag1, retained_samples: r.diagnostics.retainedSamples, sensor_lag_s: r.diagnostics.sensorLagS },
  };
}
