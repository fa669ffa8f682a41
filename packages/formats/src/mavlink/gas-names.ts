/**
 * The naming convention for gas readings in telemetry (a contract:
 * docs/formats/mavlink.md#gas-readings). A reading is named like a sortie
 * CSV column, `<species>_<unit>`: `hcl_ppb`, `nh3_ppm`, `acet_ppb`. MAVLink
 * names are at most 10 characters, so beside every key the chemical table
 * resolves (aliases such as hcl, nh3, ch4; names with underscores; CAS
 * numbers) the species may be one of the short codes below, each at most 5
 * characters so that it fits with any unit (`c4h10_ugm3`). Two more names
 * carry the air's state: `temp_c` (°C) and `pres_hpa` (hPa).
 */
import { isConcentrationUnit, type Chemical, type ChemicalTable, type ConcentrationUnit } from '@nariz/core';

/**
 * Short codes → the sortie CSV species key they stand for (which the
 * chemical table resolves). Chemists' shorthands (MeOH, EtOAc, Ac2O) and
 * formulas; the table's own aliases that already fit (hcl, ch4, nh3, co,
 * no2, so2, h2s, hcn, hi, ph3, mek, ether, dcm, mma) need no code.
 */
export const MAVLINK_SPECIES_CODES: Readonly<Record<string, string>> = {
  acet: 'acetone',
  tolu: 'toluene',
  c6h6: 'benzene',
  meoh: 'methanol',
  etoh: 'ethanol',
  acoh: 'acetic_acid',
  ac2o: 'acetic_anhydride',
  etoac: 'ethyl_acetate',
  chcl3: 'chloroform',
  c3h8: 'propane',
  c4h10: 'butane',
  c6h14: 'hexane',
};

/** Names of the air's temperature and pressure readings. */
export const MET_NAMES = { tempC: 'temp_c', pressureHpa: 'pres_hpa' } as const;

export type Channel =
  | { readonly kind: 'gas'; readonly key: string; readonly chemical: Chemical; readonly unit: ConcentrationUnit }
  | { readonly kind: 'temp' }
  | { readonly kind: 'pressure' };

/** What a name means: a channel, a gas name whose species is unknown, or not a reading at all. */
export type NameMeaning =
  | Channel
  | { readonly kind: 'unknown-species'; readonly species: string; readonly unit: ConcentrationUnit }
  | { readonly kind: 'other' };

/**
 * Resolves a reading's name (case and surrounding spaces ignored). The
 * channel's `key` is what the sortie CSV writer puts before the unit: the
 * code's species key for a short code (`acet` → `acetone`), else the
 * species as written (`hcl`).
 */
export function resolveReadingName(name: string, chemicals: ChemicalTable): NameMeaning {
  const n = name.trim().toLowerCase();
  if (n === MET_NAMES.tempC) return { kind: 'temp' };
  if (n === MET_NAMES.pressureHpa) return { kind: 'pressure' };
  const cut = n.lastIndexOf('_');
  const unit = cut > 0 ? n.slice(cut + 1) : '';
  if (!isConcentrationUnit(unit)) return { kind: 'other' };
  const species = n.slice(0, cut);
  const key = MAVLINK_SPECIES_CODES[species] ?? species;
  const chemical = chemicals.lookup(key);
  if (chemical === undefined) return { kind: 'unknown-species', species, unit };
  return { kind: 'gas', key, chemical, unit };
}
