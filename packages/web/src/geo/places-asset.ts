/**
 * The populated-places asset of the embedded basemap: one JSON file written
 * at build time (scripts/build-places.mjs) and read by the app. Rows are
 * arrays rather than GeoJSON features (about half the size):
 *
 *   { "format": "nariz-places/1", "source": "…", "licence": "CC BY 4.0",
 *     "fields": ["name", "country", "population", "lon", "lat", "class"],
 *     "places": [["Shanghai", "CN", 22315474, 121.4581, 31.2222, 0], …] }
 *
 * largest places first. `class` indexes PLACE_CLASSES (places.ts).
 */
import { arrayOf, fields, int, num, SchemaError, str } from '../api/schema/read.js';
import { PLACE_CLASSES, type Place } from './places.js';

export const PLACES_FORMAT = 'nariz-places/1';
export const PLACE_FIELDS = ['name', 'country', 'population', 'lon', 'lat', 'class'] as const;

export type PlaceRow = [name: string, country: string, population: number, lon: number, lat: number, cls: number];

export interface PlacesAsset {
  readonly format: typeof PLACES_FORMAT;
  /** Where the data come from (package and version), for people reading the file. */
  readonly source: string;
  readonly licence: string;
  readonly fields: readonly string[];
  readonly places: readonly PlaceRow[];
}

/** The data's licence: GeoNames publishes under Creative Commons Attribution 4.0. */
export const PLACES_LICENCE = 'CC BY 4.0';

export function encodePlacesAsset(places: readonly Place[], source: string): PlacesAsset {
  return {
    format: PLACES_FORMAT,
    source,
    licence: PLACES_LICENCE,
    fields: PLACE_FIELDS,
    places: places.map((p) => [p.name, p.country, p.population, p.lon, p.lat, p.cls]),
  };
}

function readRow(v: unknown, path: string): Place {
  if (!Array.isArray(v) || v.length !== PLACE_FIELDS.length) throw new SchemaError(path, `an array of ${PLACE_FIELDS.length}`, v);
  const name = str(v[0], `${path}[0]`);
  const country = str(v[1], `${path}[1]`);
  const population = int(v[2], `${path}[2]`);
  const lon = num(v[3], `${path}[3]`);
  const lat = num(v[4], `${path}[4]`);
  const cls = int(v[5], `${path}[5]`);
  if (name === '') throw new SchemaError(`${path}[0]`, 'a name', v[0]);
  if (Math.abs(lon) > 180 || Math.abs(lat) > 90) throw new SchemaError(path, 'a position within ±180°, ±90°', v);
  if (cls < 0 || cls >= PLACE_CLASSES.length) throw new SchemaError(`${path}[5]`, `a class from 0 to ${PLACE_CLASSES.length - 1}`, cls);
  return { name, country, population, lon, lat, cls };
}

/** The places of an asset read from `unknown`; throws a SchemaError naming the first bad field. */
export function readPlacesAsset(v: unknown): Place[] {
  const f = fields(v, 'places-asset');
  const format = f.str('format');
  if (format !== PLACES_FORMAT) throw new SchemaError(`${f.path}.format`, PLACES_FORMAT, format);
  const names = f.get('fields', arrayOf(str));
  if (names.join(',') !== PLACE_FIELDS.join(',')) throw new SchemaError(`${f.path}.fields`, PLACE_FIELDS.join(', '), names.join(', '));
  return f.get('places', arrayOf(readRow));
}
