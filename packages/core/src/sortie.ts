/**
 * A sortie in columnar (structure-of-arrays) form: what readers produce and
 * what kernels consume. All arrays have length `count`.
 *
 * Invariants (established once by the reader or simulator, never re-checked):
 * - every number is finite except `end*` entries, which are NaN for point samples;
 * - concentrations are mass concentrations in kg/m^3 (converted at read time
 *   with the row's temperature and pressure);
 * - wind is the vector the air moves toward (u east, v north), m/s;
 * - `stability` holds 0..5 for A..F, or STABILITY_UNKNOWN.
 */
import type { ConcentrationUnit } from './units.js';

export const STABILITY_UNKNOWN = 255;

export interface SpeciesSeries {
  /** Key as written in the column prefix, lower case (e.g. "acetone", "hcl"). */
  readonly key: string;
  /** Chemical-table name (e.g. "HYDROGEN CHLORIDE"). */
  readonly chemical: string;
  readonly molarMassGmol: number;
  /** Unit of the source column, kept for display and round trips. */
  readonly unit: ConcentrationUnit;
  readonly kgM3: Float64Array;
}

export interface Sortie {
  readonly count: number;
  /** Unix seconds (UTC). */
  readonly timeS: Float64Array;
  readonly lat: Float64Array;
  readonly lon: Float64Array;
  readonly altAglM: Float64Array;
  readonly windU: Float64Array;
  readonly windV: Float64Array;
  readonly stability: Uint8Array;
  readonly tempC: Float64Array;
  readonly pressureHpa: Float64Array;
  /** Present when any row is path-integrated; NaN in rows that are points. */
  readonly endLat?: Float64Array;
  readonly endLon?: Float64Array;
  readonly endAltAglM?: Float64Array;
  readonly species: readonly SpeciesSeries[];
}

/** Every column of a sortie by name (species as `species:<key>`), in a fixed order: for comparisons, hashing and storage. */
export function sortieColumns(s: Sortie): Array<[string, ArrayLike<number>]> {
  const cols: Array<[string, ArrayLike<number>]> = [
    ['timeS', s.timeS], ['lat', s.lat], ['lon', s.lon], ['altAglM', s.altAglM], ['windU', s.windU], ['windV', s.windV],
    ['stability', s.stability], ['tempC', s.tempC], ['pressureHpa', s.pressureHpa],
  ];
  if (s.endLat !== undefined) cols.push(['endLat', s.endLat]);
  if (s.endLon !== undefined) cols.push(['endLon', s.endLon]);
  if (s.endAltAglM !== undefined) cols.push(['endAltAglM', s.endAltAglM]);
  for (const sp of s.species) cols.push([`species:${sp.key}`, sp.kgM3]);
  return cols;
}
