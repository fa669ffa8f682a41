/**
 * The sensor map: what the operator tells Nariz about readings that do not
 * name themselves. A DEBUG_FLOAT_ARRAY carries up to 58 floats under a name
 * and an array id; the map says which element is which species (in which
 * unit), or the air's temperature or pressure. It can also rename
 * NAMED_VALUE_FLOAT readings from firmware that does not follow the naming
 * convention (`"HCL": "hcl_ppb"`). A JSON file, parsed once here:
 *
 *   { "version": 1,
 *     "debug_float_array": { "name": "GAS", "arrays": { "1": ["hcl_ppb", "acet_ppb", null, "temp_c"] } },
 *     "named_value_float": { "HCL": "hcl_ppb" } }
 *
 * docs/formats/mavlink.md#sensor-map.
 */
import { readFileSync } from 'node:fs';
import { NarizError, builtinChemicals, type ChemicalTable } from '@nariz/core';
import { resolveReadingName, type Channel } from './gas-names.js';
import { DEBUG_ARRAY_LENGTH, NAME_LENGTH } from './messages.js';

export const SENSOR_MAP_VERSION = 1;
/** DEBUG_FLOAT_ARRAY name used when the map gives none. */
export const DEFAULT_DEBUG_ARRAY_NAME = 'GAS';

export interface SensorMap {
  /** DEBUG_FLOAT_ARRAY name, compared without case and surrounding spaces. */
  readonly debugArrayName: string;
  /** array_id → channel per element (undefined: element not used). */
  readonly arrays: ReadonlyMap<number, ReadonlyArray<Channel | undefined>>;
  /** NAMED_VALUE_FLOAT name (lower case, trimmed) → channel, before the naming convention applies. */
  readonly namedValues: ReadonlyMap<string, Channel>;
}

export const EMPTY_SENSOR_MAP: SensorMap = { debugArrayName: DEFAULT_DEBUG_ARRAY_NAME.toLowerCase(), arrays: new Map(), namedValues: new Map() };

export interface SensorMapOptions {
  chemicals?: ChemicalTable;
  fileName?: string;
}

function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/** Parses the JSON value of a sensor map (already parsed from text); every problem is NARIZ_MAVLINK or NARIZ_UNKNOWN_SPECIES naming the field. */
export function parseSensorMap(json: unknown, opts: SensorMapOptions = {}): SensorMap {
  const chemicals = opts.chemicals ?? builtinChemicals();
  const where = opts.fileName === undefined ? {} : { file: opts.fileName };
  const fail = (path: string, msg: string): never => {
    throw new NarizError('NARIZ_MAVLINK', `sensor map ${path}: ${msg}`, where);
  };
  if (!isObject(json)) fail('(top level)', 'must be a JSON object');
  const top = json as Record<string, unknown>;
  for (const k of Object.keys(top)) {
    if (!['version', 'debug_float_array', 'named_value_float'].includes(k)) fail(k, 'is not a sensor map field; expected "version", "debug_float_array", "named_value_float"');
  }
  if (top.version !== undefined && top.version !== SENSOR_MAP_VERSION) fail('version', `${JSON.stringify(top.version)} is not supported; this Nariz reads version ${SENSOR_MAP_VERSION}`);

  const channel = (path: string, column: unknown): Channel => {
    if (typeof column !== 'string') return fail(path, `expected a column name such as "hcl_ppb" or "temp_c", found ${JSON.stringify(column)}`);
    const m = resolveReadingName(column, chemicals);
    if (m.kind === 'unknown-species') {
      throw new NarizError('NARIZ_UNKNOWN_SPECIES', `sensor map ${path}: species "${m.species}" is not in the chemical table (${chemicals.size} chemicals); use an alias such as hcl/nh3/ch4, a short code such as acet, a name with underscores or a CAS number`, where);
    }
    if (m.kind === 'other') return fail(path, `"${column}" is neither "<species>_<unit>" (unit ppb, ppm, ugm3, mgm3) nor temp_c / pres_hpa`);
    return m;
  };
  const seenSpecies = (path: string, list: ReadonlyArray<Channel | undefined>): void => {
    const seen = new Set<string>();
    list.forEach((c, i) => {
      if (c === undefined) return;
      const id = c.kind === 'gas' ? c.chemical.name : c.kind;
      if (seen.has(id)) fail(`${path}[${i}]`, `${c.kind === 'gas' ? c.chemical.name : c.kind} appears twice in one array`);
      seen.add(id);
    });
  };

  let debugArrayName = DEFAULT_DEBUG_ARRAY_NAME;
  const arrays = new Map<number, Array<Channel | undefined>>();
  const dfa = top.debug_float_array;
  if (dfa !== undefined) {
    if (!isObject(dfa)) fail('debug_float_array', 'must be an object with "name" and "arrays"');
    const d = dfa as Record<string, unknown>;
    for (const k of Object.keys(d)) if (k !== 'name' && k !== 'arrays') fail(`debug_float_array.${k}`, 'is not a field; expected "name", "arrays"');
    if (d.name !== undefined) {
      if (typeof d.name !== 'string' || d.name.trim() === '' || d.name.length > NAME_LENGTH) fail('debug_float_array.name', `must be 1..${NAME_LENGTH} characters`);
      debugArrayName = (d.name as string).trim();
    }
    if (!isObject(d.arrays)) fail('debug_float_array.arrays', 'must be an object: array_id → list of column names');
    for (const [id, list] of Object.entries(d.arrays as Record<string, unknown>)) {
      const path = `debug_float_array.arrays.${id}`;
      if (!/^\d+$/.test(id) || Number(id) > 0xffff) fail(path, 'the key must be an array_id 0..65535');
      if (!Array.isArray(list) || list.length === 0 || list.length > DEBUG_ARRAY_LENGTH) fail(path, `must be a list of 1..${DEBUG_ARRAY_LENGTH} column names (null for an unused element)`);
      const channels = (list as unknown[]).map((c, i) => (c === null || c === '' ? undefined : channel(`${path}[${i}]`, c)));
      seenSpecies(path, channels);
      arrays.set(Number(id), channels);
    }
  }

  const namedValues = new Map<string, Channel>();
  const nvf = top.named_value_float;
  if (nvf !== undefined) {
    if (!isObject(nvf)) fail('named_value_float', 'must be an object: name as sent → column name');
    for (const [name, column] of Object.entries(nvf as Record<string, unknown>)) {
      const path = `named_value_float.${name}`;
      if (name.trim() === '' || name.length > NAME_LENGTH) fail(path, `a NAMED_VALUE_FLOAT name has 1..${NAME_LENGTH} characters`);
      namedValues.set(name.trim().toLowerCase(), channel(path, column));
    }
  }
  return { debugArrayName: debugArrayName.toLowerCase(), arrays, namedValues };
}

/** Reads and parses a sensor map file (NARIZ_IO if it cannot be read, NARIZ_MAVLINK if it is not JSON). */
export function readSensorMapFile(path: string, opts: Omit<SensorMapOptions, 'fileName'> = {}): SensorMap {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new NarizError('NARIZ_IO', `cannot read the sensor map: ${e instanceof Error ? e.message : String(e)}`, { file: path }, { cause: e });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new NarizError('NARIZ_MAVLINK', `the sensor map is not JSON: ${e instanceof Error ? e.message : String(e)}`, { file: path }, { cause: e });
  }
  return parseSensorMap(json, { ...opts, fileName: path });
}
