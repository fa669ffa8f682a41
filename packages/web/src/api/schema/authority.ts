/**
 * Airspace authorities (GET /api/authorities, GET /api/authorities/:id,
 * POST /api/authorities/:id/boundary). `boundarySource` says which
 * boundaries are in force: the embedded Natural Earth approximation or an
 * official file an administrator loaded; the app shows it wherever an
 * authority is used.
 */
import type { FeatureCollection } from 'geojson';
import { readAreaGeometry, type AreaGeometry } from './geometry.js';
import { arrayOf, fields, int, nullable, num, numbers, oneOf, optional, str, type Reader } from './read.js';

export const BOUNDARY_KINDS = ['embedded', 'official'] as const;
export type BoundaryKind = (typeof BOUNDARY_KINDS)[number];

export interface BoundarySource {
  /** 'embedded': Nariz's Natural Earth approximation; 'official': a boundary file loaded by an administrator. */
  readonly kind: BoundaryKind;
  readonly name: string;
  readonly note: string;
}

export interface AltitudeLimits {
  /** Lowest permitted height above ground, m, when there is one. */
  readonly minM: number | null;
  /** Highest permitted height above ground, m. */
  readonly maxM: number;
}

export interface TimeWindow {
  /** ISO weekdays, 1 = Monday … 7 = Sunday. */
  readonly days: readonly number[];
  readonly startUtc: string;
  readonly endUtc: string;
}

export interface AuthoritySummary {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  /** 'default': shipped with Nariz; 'stored': saved by an administrator. */
  readonly origin: 'default' | 'stored';
  /** A stored authority that takes the place of a default with the same id (deleting it brings the default back). */
  readonly replacesDefault: boolean;
  readonly boundarySource: BoundarySource;
  readonly altitude: AltitudeLimits;
  readonly timeWindows: readonly TimeWindow[];
  readonly permittedAreas: readonly string[];
  readonly forbiddenAreas: readonly string[];
  /** [west, south, east, north], degrees; null without areas. */
  readonly bbox: readonly [number, number, number, number] | null;
  readonly vertexCount: number;
}

export const AREA_ROLES = ['permitted', 'forbidden'] as const;
export type AreaRole = (typeof AREA_ROLES)[number];

export interface AirspaceAreaProps {
  readonly role: AreaRole;
  readonly name: string;
}

export interface AuthorityDetail extends AuthoritySummary {
  readonly areas: FeatureCollection<AreaGeometry, AirspaceAreaProps>;
}

export const readBoundarySource: Reader<BoundarySource> = (v, path) => {
  const f = fields(v, path);
  return { kind: f.get('kind', oneOf(BOUNDARY_KINDS)), name: f.str('name'), note: f.str('note') };
};

const readAltitude: Reader<AltitudeLimits> = (v, path) => {
  const f = fields(v, path);
  return { minM: f.get('minM', optional(num)) ?? null, maxM: f.num('maxM') };
};

const readTimeWindow: Reader<TimeWindow> = (v, path) => {
  const f = fields(v, path);
  return { days: f.get('days', arrayOf(int)), startUtc: f.str('startUtc'), endUtc: f.str('endUtc') };
};

const readBbox: Reader<[number, number, number, number]> = (v, path) => {
  const a = numbers(4)(v, path);
  return [a[0]!, a[1]!, a[2]!, a[3]!];
};

export const readAuthoritySummary: Reader<AuthoritySummary> = (v, path) => {
  const f = fields(v, path);
  return {
    id: f.str('id'),
    name: f.str('name'),
    description: f.str('description'),
    origin: f.get('origin', oneOf(['default', 'stored'] as const)),
    replacesDefault: f.bool('replaces_default'),
    boundarySource: f.get('boundary_source', readBoundarySource),
    altitude: f.get('altitude', readAltitude),
    timeWindows: f.get('time_windows', optional(arrayOf(readTimeWindow))) ?? [],
    permittedAreas: f.get('permitted_areas', arrayOf(str)),
    forbiddenAreas: f.get('forbidden_areas', arrayOf(str)),
    bbox: f.get('bbox', nullable(readBbox)),
    vertexCount: f.int('vertex_count'),
  };
};

/** The areas' FeatureCollection: every feature a (Multi)Polygon tagged with its role. */
export const readAuthorityAreas: Reader<FeatureCollection<AreaGeometry, AirspaceAreaProps>> = (v, path) => {
  const f = fields(v, path);
  f.get('type', oneOf(['FeatureCollection'] as const));
  const features = f.get(
    'features',
    arrayOf((x, p) => {
      const ff = fields(x, p);
      const props = fields(ff.get('properties', (y) => y), `${p}.properties`);
      return {
        type: 'Feature' as const,
        geometry: ff.get('geometry', readAreaGeometry),
        properties: { role: props.get('role', oneOf(AREA_ROLES)), name: props.get('name', optional(str)) ?? '' },
      };
    }),
  );
  return { type: 'FeatureCollection', features };
};

export function readAuthorityList(v: unknown): AuthoritySummary[] {
  return fields(v, 'body').get('authorities', arrayOf(readAuthoritySummary));
}

export function readAuthorityBody(v: unknown): AuthoritySummary {
  return readAuthoritySummary(v, 'authority');
}

export function readAuthorityDetail(v: unknown): AuthorityDetail {
  const summary = readAuthoritySummary(v, 'authority');
  return { ...summary, areas: fields(v, 'authority').get('geojson', readAuthorityAreas) };
}
