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

/** What the batches of one sortie share: its species (without data) and whether rows carry path end points. */
export interface SortieShape {
  readonly species: ReadonlyArray<Omit<SpeciesSeries, 'kgM3'>>;
  readonly hasPath: boolean;
}

export function sortieShape(s: Sortie): SortieShape {
  return {
    species: s.species.map(({ key, chemical, molarMassGmol, unit }) => ({ key, chemical, molarMassGmol, unit })),
    hasPath: s.endLat !== undefined,
  };
}

/** Whether two shapes have the same species keys in the same order and the same path columns (units may differ: data are kg/m^3). */
export function sameShape(a: SortieShape, b: SortieShape): boolean {
  return a.hasPath === b.hasPath && a.species.length === b.species.length && a.species.every((sp, i) => sp.key === b.species[i]!.key);
}

/**
 * Sorties of the same shape one after the other; `shape` gives the species
 * metadata of the result (and the shape when `parts` is empty).
 */
export function concatSorties(parts: readonly Sortie[], template: SortieShape): Sortie {
  const count = parts.reduce((a, p) => a + p.count, 0);
  for (const p of parts) if (!sameShape(sortieShape(p), template)) throw new RangeError("concatSorties: every part must have the template's species and path columns");
  const f64 = (pick: (p: Sortie) => Float64Array | undefined): Float64Array => {
    const out = new Float64Array(count);
    let at = 0;
    for (const p of parts) {
      out.set(pick(p)!, at);
      at += p.count;
    }
    return out;
  };
  const stability = new Uint8Array(count);
  let at = 0;
  for (const p of parts) {
    stability.set(p.stability, at);
    at += p.count;
  }
  return {
    count,
    timeS: f64((p) => p.timeS), lat: f64((p) => p.lat), lon: f64((p) => p.lon), altAglM: f64((p) => p.altAglM),
    windU: f64((p) => p.windU), windV: f64((p) => p.windV), stability, tempC: f64((p) => p.tempC), pressureHpa: f64((p) => p.pressureHpa),
    ...(template.hasPath ? { endLat: f64((p) => p.endLat), endLon: f64((p) => p.endLon), endAltAglM: f64((p) => p.endAltAglM) } : {}),
    species: template.species.map((sp, i) => ({ ...sp, kgM3: f64((p) => p.species[i]!.kgM3) })),
  };
}

/** Samples [a, z) of a sortie, copied. */
export function sliceSortie(s: Sortie, a: number, z: number): Sortie {
  return {
    count: z - a,
    timeS: s.timeS.slice(a, z), lat: s.lat.slice(a, z), lon: s.lon.slice(a, z), altAglM: s.altAglM.slice(a, z),
    windU: s.windU.slice(a, z), windV: s.windV.slice(a, z), stability: s.stability.slice(a, z), tempC: s.tempC.slice(a, z), pressureHpa: s.pressureHpa.slice(a, z),
    ...(s.endLat !== undefined && s.endLon !== undefined && s.endAltAglM !== undefined ? { endLat: s.endLat.slice(a, z), endLon: s.endLon.slice(a, z), endAltAglM: s.endAltAglM.slice(a, z) } : {}),
    species: s.species.map((sp) => ({ ...sp, kgM3: sp.kgM3.slice(a, z) })),
  };
}
