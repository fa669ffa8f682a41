/** Seeded sample batches for the store tests: any shape, values that exercise every column. */
import { createRng, type ConcentrationUnit, type Sortie } from '@nariz/core';

export interface BatchSpec {
  readonly count: number;
  readonly seed: number;
  readonly species?: readonly string[];
  readonly path?: boolean;
  readonly t0?: number;
}

const UNITS: readonly ConcentrationUnit[] = ['ppb', 'ppm', 'ugm3', 'mgm3'];

export function makeBatch(o: BatchSpec): Sortie {
  const rng = createRng(o.seed);
  const n = o.count;
  const f = (g: (i: number) => number): Float64Array => Float64Array.from({ length: n }, (_, i) => g(i));
  const t0 = o.t0 ?? 1.7e9;
  const keys = o.species ?? ['acetone', 'toluene', 'hcl'];
  return {
    count: n,
    timeS: f((i) => t0 + i * 0.5),
    lat: f(() => 52.09 + rng.uniform(-0.01, 0.01)),
    lon: f(() => 5.12 + rng.uniform(-0.01, 0.01)),
    altAglM: f(() => rng.uniform(10, 40)),
    windU: f(() => rng.normal()),
    windV: f(() => rng.normal()),
    stability: Uint8Array.from({ length: n }, (_, i) => (i % 7 === 6 ? 255 : i % 6)),
    tempC: f(() => rng.uniform(-5, 35)),
    pressureHpa: f(() => rng.uniform(950, 1030)),
    ...(o.path === true
      ? { endLat: f((i) => (i % 3 === 0 ? NaN : 52.1)), endLon: f((i) => (i % 3 === 0 ? NaN : 5.13)), endAltAglM: f((i) => (i % 3 === 0 ? NaN : 0)) }
      : {}),
    species: keys.map((key, k) => ({ key, chemical: key.toUpperCase(), molarMassGmol: 30 + 10 * k, unit: UNITS[k % UNITS.length]!, kgM3: f(() => Math.exp(rng.normal()) * 1e-9) })),
  };
}
