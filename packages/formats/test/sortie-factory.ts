/** Seeded random sorties and CSV texts shared by the round-trip, stream and fuzz tests. */
import { CONCENTRATION_UNITS, STABILITY_UNKNOWN, builtinChemicals, toKgM3, type Rng, type Sortie, type SpeciesSeries } from '@nariz/core';

const SPECIES_KEYS = ['acetone', 'hcl', 'ch4', 'nh3', 'methyl_ethyl_ketone', 'toluene', 'ether', 'ph3', 'hi'] as const;

export function randomSortie(rng: Rng, opts: { count?: number; withEnd?: boolean } = {}): Sortie {
  const count = opts.count ?? rng.int(1, 40);
  const withEnd = opts.withEnd ?? rng.next() < 0.5;
  const f64 = (gen: (i: number) => number): Float64Array => Float64Array.from({ length: count }, (_, i) => gen(i));
  let t = rng.uniform(1.7e9, 1.8e9);
  const timeS = f64(() => (t += rng.next() < 0.1 ? 0 : rng.uniform(0.001, 5)));
  const tempC = f64(() => rng.uniform(-79, 69));
  const pressureHpa = f64(() => rng.uniform(301, 1099));
  const keys = [...SPECIES_KEYS].sort(() => rng.next() - 0.5).slice(0, rng.int(1, 4));
  const species: SpeciesSeries[] = keys.map((key) => {
    const chem = builtinChemicals().require(key);
    const unit = rng.pick(CONCENTRATION_UNITS);
    return {
      key,
      chemical: chem.name,
      molarMassGmol: chem.molarMassGmol,
      unit,
      kgM3: f64((i) => toKgM3(rng.normal() * 10 ** rng.int(-3, 4), unit, chem.molarMassGmol, tempC[i], pressureHpa[i])),
    };
  });
  const isPath = Array.from({ length: count }, () => withEnd && rng.next() < 0.6);
  const base = {
    count,
    timeS,
    lat: f64(() => rng.uniform(-90, 90)),
    lon: f64(() => rng.uniform(-180, 180)),
    altAglM: f64(() => (rng.next() < 0.05 ? 0 : rng.uniform(0, 500))),
    windU: f64(() => rng.normal() * 5),
    windV: f64(() => rng.normal() * 5),
    stability: Uint8Array.from({ length: count }, () => (rng.next() < 0.2 ? STABILITY_UNKNOWN : rng.int(0, 5))),
    tempC,
    pressureHpa,
    species,
  };
  if (!withEnd) return base;
  return {
    ...base,
    endLat: f64((i) => (isPath[i] ? rng.uniform(-90, 90) : NaN)),
    endLon: f64((i) => (isPath[i] ? rng.uniform(-180, 180) : NaN)),
    endAltAglM: f64((i) => (isPath[i] ? rng.uniform(0, 500) : NaN)),
  };
}

/** Every column the given sortie carries, by name (from core), for generic comparisons. */
export { sortieColumns } from '@nariz/core';
