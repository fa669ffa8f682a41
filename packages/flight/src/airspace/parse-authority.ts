/**
 * Authorities and boundary files from unknown JSON (an upload, a stored
 * document), validated once here; errors are NARIZ_BAD_AUTHORITY naming the
 * path of the bad field (`forbidden.features[2].geometry.coordinates[0][5]`).
 */
import type { MultiPolygon, Position } from 'geojson';
import { JsonFields } from '../json-fields.js';
import type { AirspaceArea, AltitudeLimits, Authority, AuthorityRole, BoundarySource, TimeWindow } from './authority.js';
import { minutesOfDay } from './time-windows.js';

const ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

export interface ParseOptions {
  /** File name for error locations. */
  readonly file?: string;
}

/**
 * Parse a whole authority document:
 * `{ id, name, description?, boundarySource?, permitted, forbidden?, altitude: { minM?, maxM }, timeWindows? }`
 * where `permitted` and `forbidden` are each a GeoJSON FeatureCollection, or
 * an array of Features or geometries, of Polygons and MultiPolygons. A
 * document without `boundarySource` is recorded as an official file named
 * after `options.file`.
 */
export function parseAuthority(u: unknown, options: ParseOptions = {}): Authority {
  const j = new JsonFields('NARIZ_BAD_AUTHORITY', options.file);
  const o = j.object(u, '$');
  const id = j.string(o['id'], 'id', ID);
  const name = j.string(o['name'], 'name');
  const description = j.optionalString(o['description'], 'description') ?? '';
  const boundarySource = o['boundarySource'] === undefined
    ? { kind: 'official' as const, name: options.file ?? 'uploaded authority', note: 'Supplied by a user; Nariz has not verified it against official sources.' }
    : parseBoundarySource(j, o['boundarySource']);
  const permitted = parseAreas(j, o['permitted'], 'permitted');
  const forbidden = o['forbidden'] === undefined ? [] : parseAreas(j, o['forbidden'], 'forbidden');
  const altitude = parseAltitude(j, o['altitude']);
  const timeWindows = o['timeWindows'] === undefined ? undefined : j.array(o['timeWindows'], 'timeWindows').map((w, i) => parseTimeWindow(j, w, `timeWindows[${i}]`));
  return { id, name, description, boundarySource, permitted, forbidden, altitude, ...(timeWindows === undefined ? {} : { timeWindows }) };
}

export interface OfficialBoundarySource {
  /** What the file is, e.g. "Rijkswaterstaat territorial sea 2023". */
  readonly name: string;
  readonly note?: string;
  /** File name for error locations. */
  readonly file?: string;
}

/**
 * Replace an authority's areas with an official boundary file: a GeoJSON
 * FeatureCollection (or Feature, or Polygon/MultiPolygon geometry) whose
 * features carry `properties.role` "permitted" (the default) or
 * "forbidden" and optionally `properties.name`. Everything else (id, name,
 * altitude, time windows) is kept; `boundarySource` then says the official
 * file is in use. For a national authority the file should hold the
 * permitted region (e.g. the national airspace boundary, plus the high-seas
 * region if the operation may leave it) and any forbidden areas: nothing of
 * the embedded approximation remains.
 */
export function loadOfficialBoundary(authority: Authority, geojson: unknown, source: OfficialBoundarySource): Authority {
  const j = new JsonFields('NARIZ_BAD_AUTHORITY', source.file);
  const features = asFeatureList(j, geojson, '$');
  const permitted: AirspaceArea[] = [];
  const forbidden: AirspaceArea[] = [];
  features.forEach(({ value, path }, i) => {
    const f = j.object(value, path);
    const props = f['properties'] === undefined || f['properties'] === null ? {} : j.object(f['properties'], `${path}.properties`);
    const role: AuthorityRole = props['role'] === undefined ? 'permitted' : j.oneOf(props['role'], `${path}.properties.role`, ['permitted', 'forbidden'] as const);
    const area = parseArea(j, value, path, `${source.name} ${role} area ${i + 1}`);
    (role === 'permitted' ? permitted : forbidden).push(area);
  });
  if (permitted.length === 0 && forbidden.length === 0) j.fail('$', 'the boundary file has no polygons');
  return {
    ...authority,
    permitted,
    forbidden,
    boundarySource: {
      kind: 'official',
      name: source.name,
      note: source.note ?? `Official boundary file in use; it replaces "${authority.boundarySource.name}".`,
    },
  };
}

function parseBoundarySource(j: JsonFields, u: unknown): BoundarySource {
  const o = j.object(u, 'boundarySource');
  return {
    kind: j.oneOf(o['kind'], 'boundarySource.kind', ['embedded', 'official'] as const),
    name: j.string(o['name'], 'boundarySource.name'),
    note: j.optionalString(o['note'], 'boundarySource.note') ?? '',
  };
}

function parseAltitude(j: JsonFields, u: unknown): AltitudeLimits {
  const o = j.object(u, 'altitude');
  const maxM = j.number(o['maxM'], 'altitude.maxM', { above: 0, max: 20000 });
  const minM = j.optionalNumber(o['minM'], 'altitude.minM', { min: 0 });
  if (minM !== undefined && minM >= maxM) j.fail('altitude.minM', `minimum ${minM} m is not below the maximum ${maxM} m`);
  return minM === undefined ? { maxM } : { minM, maxM };
}

function parseTimeWindow(j: JsonFields, u: unknown, path: string): TimeWindow {
  const o = j.object(u, path);
  const days = j.array(o['days'], `${path}.days`, 1).map((d, i) => j.number(d, `${path}.days[${i}]`, { integer: true, min: 1, max: 7 }));
  const time = (k: 'startUtc' | 'endUtc'): string => {
    const s = j.string(o[k], `${path}.${k}`);
    if (minutesOfDay(s) === undefined) j.fail(`${path}.${k}`, `"${s}" is not a UTC time "HH:MM" (00:00 to 24:00)`);
    return s;
  };
  const startUtc = time('startUtc');
  const endUtc = time('endUtc');
  if (startUtc === endUtc) j.fail(`${path}.endUtc`, 'a window must not open and close at the same time');
  return { days, startUtc, endUtc };
}

/** A FeatureCollection, an array of Features/geometries, a single Feature or a geometry → entries with their paths. */
function asFeatureList(j: JsonFields, u: unknown, path: string): Array<{ value: unknown; path: string }> {
  if (Array.isArray(u)) return u.map((value, i) => ({ value, path: `${path}[${i}]` }));
  const o = j.object(u, path);
  if (o['type'] === 'FeatureCollection') return j.array(o['features'], `${path}.features`).map((value, i) => ({ value, path: `${path}.features[${i}]` }));
  return [{ value: u, path }];
}

function parseAreas(j: JsonFields, u: unknown, field: 'permitted' | 'forbidden'): AirspaceArea[] {
  return asFeatureList(j, u, field).map(({ value, path }, i) => parseArea(j, value, path, `${field} area ${i + 1}`));
}

function parseArea(j: JsonFields, u: unknown, path: string, defaultName: string): AirspaceArea {
  const o = j.object(u, path);
  let geometryU: unknown = u;
  let geometryPath = path;
  let props: Record<string, unknown> = {};
  if (o['type'] === 'Feature') {
    geometryU = o['geometry'];
    geometryPath = `${path}.geometry`;
    if (o['properties'] !== undefined && o['properties'] !== null) props = j.object(o['properties'], `${path}.properties`);
  }
  const geometry = parseGeometry(j, geometryU, geometryPath);
  const name = j.optionalString(props['name'], `${path}.properties.name`) ?? defaultName;
  const note = j.optionalString(props['note'], `${path}.properties.note`);
  const countryId = j.optionalString(props['countryId'], `${path}.properties.countryId`);
  return {
    type: 'Feature',
    geometry,
    properties: { name, ...(note === undefined ? {} : { note }), ...(countryId === undefined ? {} : { countryId }) },
  };
}

function parseGeometry(j: JsonFields, u: unknown, path: string): MultiPolygon {
  const g = j.object(u, path);
  const type = j.oneOf(g['type'], `${path}.type`, ['Polygon', 'MultiPolygon'] as const);
  const coords = j.array(g['coordinates'], `${path}.coordinates`, 1);
  const polygon = (p: unknown, at: string): Position[][] => j.array(p, at, 1).map((r, k) => ring(j, r, `${at}[${k}]`));
  return {
    type: 'MultiPolygon',
    coordinates: type === 'Polygon' ? [polygon(coords, `${path}.coordinates`)] : coords.map((p, i) => polygon(p, `${path}.coordinates[${i}]`)),
  };
}

function ring(j: JsonFields, u: unknown, path: string): Position[] {
  const positions = j.array(u, path, 4).map((p, i): Position => {
    const a = j.array(p, `${path}[${i}]`, 2);
    if (a.length > 3) j.fail(`${path}[${i}]`, `a position has 2 or 3 numbers, found ${a.length}`);
    return [j.longitude(a[0], `${path}[${i}][0]`), j.latitude(a[1], `${path}[${i}][1]`)];
  });
  const first = positions[0]!;
  const last = positions[positions.length - 1]!;
  if (first[0] !== last[0] || first[1] !== last[1]) j.fail(path, 'a linear ring must end where it starts (RFC 7946 §3.1.6)');
  return positions;
}
