/**
 * An airspace authority: a named set of permitted and forbidden areas,
 * altitude limits and time windows, under which a crew may fly.
 *
 * Semantics (the checks implement exactly this):
 * - a position is allowed when it is inside at least one permitted area (or
 *   the authority has no permitted areas at all: then only the forbidden
 *   ones restrict) and inside no forbidden area;
 * - areas are GeoJSON MultiPolygons in WGS84 whose edges are straight lines
 *   in longitude/latitude (RFC 7946 §3.1.1); even–odd rule, holes allowed;
 *   areas may overlap one another;
 * - altitude limits are heights above ground, m (a track's altAglM; a plan's
 *   altitude above the take-off point, read as above ground: Nariz has no
 *   terrain model). The minimum, when set, does not apply to a plan's
 *   take-off and landing;
 * - time windows: flying is allowed only inside one of them (UTC); no
 *   windows = any time.
 * The object is plain JSON: it is stored and sent as is.
 */
import type { Feature, FeatureCollection, MultiPolygon } from 'geojson';

export interface AirspaceAreaProperties {
  readonly name: string;
  readonly note?: string;
  /** ISO 3166-1 numeric code of the country the area belongs to, when it is one. */
  readonly countryId?: string;
}

export type AirspaceArea = Feature<MultiPolygon, AirspaceAreaProperties>;

export interface BoundarySource {
  /** 'embedded': Nariz's Natural Earth approximation; 'official': a file the user loaded. */
  readonly kind: 'embedded' | 'official';
  readonly name: string;
  readonly note: string;
}

export interface AltitudeLimits {
  /** Lowest permitted height above ground, m. */
  readonly minM?: number;
  /** Highest permitted height above ground, m. */
  readonly maxM: number;
}

export interface TimeWindow {
  /** ISO 8601 weekdays the window opens on: 1 = Monday … 7 = Sunday. */
  readonly days: readonly number[];
  /** Opening time, UTC, "HH:MM". */
  readonly startUtc: string;
  /** Closing time, UTC, "HH:MM" ("24:00" allowed). Earlier than the start: the window runs past midnight into the next day. */
  readonly endUtc: string;
}

export interface Authority {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  readonly boundarySource: BoundarySource;
  readonly permitted: readonly AirspaceArea[];
  readonly forbidden: readonly AirspaceArea[];
  readonly altitude: AltitudeLimits;
  readonly timeWindows?: readonly TimeWindow[];
}

/** The European open-category ceiling (Regulation (EU) 2019/947, UAS.OPEN.010), used by the default authorities, m. */
export const DEFAULT_MAX_ALTITUDE_M = 120;

export interface AuthoritySummary {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  readonly boundarySource: BoundarySource;
  readonly altitude: AltitudeLimits;
  readonly timeWindows: readonly TimeWindow[];
  readonly permittedAreas: readonly string[];
  readonly forbiddenAreas: readonly string[];
  /** [west, south, east, north] of every area, degrees. */
  readonly bbox: readonly [number, number, number, number] | null;
  readonly vertexCount: number;
}

/** What a list of authorities shows, without the geometry. */
export function authoritySummary(a: Authority): AuthoritySummary {
  let w = Infinity;
  let s = Infinity;
  let e = -Infinity;
  let n = -Infinity;
  let vertexCount = 0;
  for (const area of [...a.permitted, ...a.forbidden]) {
    for (const poly of area.geometry.coordinates) for (const ring of poly) for (const p of ring) {
      vertexCount++;
      w = Math.min(w, p[0]!);
      e = Math.max(e, p[0]!);
      s = Math.min(s, p[1]!);
      n = Math.max(n, p[1]!);
    }
  }
  return {
    id: a.id,
    name: a.name,
    description: a.description,
    boundarySource: a.boundarySource,
    altitude: a.altitude,
    timeWindows: a.timeWindows ?? [],
    permittedAreas: a.permitted.map((x) => x.properties.name),
    forbiddenAreas: a.forbidden.map((x) => x.properties.name),
    bbox: vertexCount === 0 ? null : [w, s, e, n],
    vertexCount,
  };
}

export type AuthorityRole = 'permitted' | 'forbidden';

/** The authority's areas as one FeatureCollection for a map, each feature tagged with its `role`. */
export function authorityGeoJson(a: Authority): FeatureCollection<MultiPolygon, AirspaceAreaProperties & { role: AuthorityRole; authorityId: string }> {
  const tag = (role: AuthorityRole) => (f: AirspaceArea): Feature<MultiPolygon, AirspaceAreaProperties & { role: AuthorityRole; authorityId: string }> => ({
    type: 'Feature',
    geometry: f.geometry,
    properties: { ...f.properties, role, authorityId: a.id },
  });
  return { type: 'FeatureCollection', features: [...a.permitted.map(tag('permitted')), ...a.forbidden.map(tag('forbidden'))] };
}
