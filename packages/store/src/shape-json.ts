/**
 * A sortie's shape as stored (JSON text), read back once at the edge of the
 * database with every field checked: a row that does not parse is corrupt,
 * never half-used.
 */
import { isConcentrationUnit, NarizError, type SortieShape } from '@nariz/core';

function corrupt(why: string): NarizError {
  return new NarizError('NARIZ_STORE_CORRUPT', `stored sortie shape: ${why}`);
}

export function parseShape(text: string): SortieShape {
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch (err) {
    throw corrupt(`not JSON (${err instanceof Error ? err.message : String(err)})`);
  }
  if (typeof v !== 'object' || v === null) throw corrupt('not an object');
  const o = v as Record<string, unknown>;
  if (typeof o['hasPath'] !== 'boolean') throw corrupt('hasPath is not a boolean');
  const species = o['species'];
  if (!Array.isArray(species)) throw corrupt('species is not an array');
  return {
    hasPath: o['hasPath'],
    species: species.map((sp: unknown, i) => {
      if (typeof sp !== 'object' || sp === null) throw corrupt(`species ${i} is not an object`);
      const s = sp as Record<string, unknown>;
      const { key, chemical, molarMassGmol, unit } = s;
      if (typeof key !== 'string' || key === '') throw corrupt(`species ${i} has no key`);
      if (typeof chemical !== 'string') throw corrupt(`species ${key} has no chemical`);
      if (typeof molarMassGmol !== 'number' || !(molarMassGmol > 0)) throw corrupt(`species ${key} has no molar mass`);
      if (typeof unit !== 'string' || !isConcentrationUnit(unit)) throw corrupt(`species ${key} has unit ${String(unit)}`);
      return { key, chemical, molarMassGmol, unit };
    }),
  };
}
