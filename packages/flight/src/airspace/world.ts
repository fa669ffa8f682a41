/**
 * The embedded country boundaries: Natural Earth 1:50m admin-0 countries as
 * TopoJSON (the world-atlas package, countries-50m.json), read once on
 * first use and kept in memory. Countries are keyed by their ISO 3166-1
 * numeric code as a three-digit string ("528" = Netherlands); the few
 * Natural Earth units without a code (Kosovo, Somaliland, N. Cyprus, …)
 * cannot be chosen but still count as someone else's land.
 *
 * This is the one place the package reads a file; it is the package's own
 * data, not user input, so it is checked for shape only.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { NarizError } from '@nariz/core';
import type { MultiPolygon } from 'geojson';
import { merge } from 'topojson-client';
import type { GeometryCollection, GeometryObject, MultiPolygon as TopoMultiPolygon, Polygon as TopoPolygon, Topology } from 'topojson-specification';

export const EMBEDDED_DATASET = 'Natural Earth 1:50m admin-0 countries (world-atlas 2, countries-50m.json)';

interface CountryObject {
  readonly id: string | undefined;
  readonly name: string;
  readonly geometry: TopoPolygon | TopoMultiPolygon;
}

interface World {
  readonly topology: Topology;
  readonly countries: readonly CountryObject[];
}

let world: World | undefined;
const landCache = new Map<CountryObject, MultiPolygon>();

function load(): World {
  if (world !== undefined) return world;
  const path = createRequire(import.meta.url).resolve('world-atlas/countries-50m.json');
  const u: unknown = JSON.parse(readFileSync(path, 'utf8'));
  const t = u as Partial<Topology>;
  const collection = t.objects?.['countries'] as Partial<GeometryCollection> | undefined;
  if (t.type !== 'Topology' || collection?.type !== 'GeometryCollection' || !Array.isArray(collection.geometries)) {
    throw new NarizError('NARIZ_INTERNAL', `${path} is not the expected world-atlas TopoJSON`);
  }
  const countries: CountryObject[] = [];
  for (const g of collection.geometries as GeometryObject<{ name?: string }>[]) {
    if (g.type !== 'Polygon' && g.type !== 'MultiPolygon') continue;
    const id = g.id === undefined ? undefined : String(g.id).padStart(3, '0');
    countries.push({ id, name: g.properties?.name ?? `unnamed ${id ?? '?'}`, geometry: g });
  }
  world = { topology: t as Topology, countries };
  return world;
}

export interface CountryInfo {
  readonly id: string;
  readonly name: string;
}

/** Countries with an ISO 3166-1 numeric code, by name. */
export function embeddedCountries(): CountryInfo[] {
  return load()
    .countries.filter((c): c is CountryObject & { id: string } => c.id !== undefined)
    .map((c) => ({ id: c.id, name: c.name }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** "528", 528 and "0528" all name the Netherlands. */
export function normaliseCountryId(id: string | number): string {
  const s = String(id).trim().replace(/^0+(?=\d{3})/, '');
  if (!/^\d{1,3}$/.test(s)) throw new NarizError('NARIZ_USAGE', `"${id}" is not an ISO 3166-1 numeric country code`);
  return s.padStart(3, '0');
}

export interface EmbeddedCountry {
  readonly id: string | undefined;
  readonly name: string;
  /** Land, as GeoJSON (TopoJSON merge of the country's polygons). */
  readonly land: MultiPolygon;
}

export function embeddedCountry(id: string | number): EmbeddedCountry {
  const key = normaliseCountryId(id);
  const c = load().countries.find((x) => x.id === key);
  if (c === undefined) throw new NarizError('NARIZ_NOT_FOUND', `no country with ISO 3166-1 numeric code ${key} in ${EMBEDDED_DATASET}`);
  return { id: c.id, name: c.name, land: land(c) };
}

/** Every country (with or without a code) except `exceptId`. */
export function otherCountries(exceptId: string): EmbeddedCountry[] {
  return load().countries.filter((c) => c.id !== exceptId).map((c) => ({ id: c.id, name: c.name, land: land(c) }));
}

function land(c: CountryObject): MultiPolygon {
  let m = landCache.get(c);
  if (m === undefined) {
    m = merge(load().topology, [c.geometry]);
    landCache.set(c, m);
  }
  return m;
}
