/**
 * A release package on the map (the partner portal): its hazard zones
 * (drawn like the analysts' hazard layers: by level, the wind-direction
 * envelope dashed), the suspected laboratory and its 95 % position circle,
 * and the box that holds them all, for fitting the view.
 */
import type { FeatureCollection, MultiPolygon, Point, Polygon, Position } from 'geojson';
import type { ReleasePackage } from '../api/schema/release-package.js';
import { ellipseRing } from './ellipse.js';

export interface PackageZoneProps {
  readonly kind: 'footprint' | 'direction-uncertainty';
  readonly level: number;
  readonly tier: string;
  readonly chemical: string;
  readonly maxDownwindM: number;
}

export interface PackageFeatures {
  readonly hazards: FeatureCollection<Polygon | MultiPolygon, PackageZoneProps>;
  readonly lab: FeatureCollection<Point, Record<string, never>>;
  readonly circle: FeatureCollection<Polygon, Record<string, never>>;
  /** [west, south, east, north] of everything above. */
  readonly bbox: readonly [number, number, number, number];
}

/** At least this much around the lab is shown when nothing else gives the view a size, m. */
const MIN_VIEW_RADIUS_M = 250;

export function packageFeatures(pkg: ReleasePackage): PackageFeatures {
  const { lat, lon, ci95M } = pkg.lead;
  // Least severe first, so the most severe is drawn on top.
  const zones = [...pkg.lead.hazardZones].sort((a, b) => a.level - b.level || (a.kind === b.kind ? 0 : a.kind === 'direction-uncertainty' ? -1 : 1));
  const circleRing = ci95M !== null && ci95M > 0 ? ellipseRing({ lat, lon, semiMajorM: ci95M, semiMinorM: ci95M, azimuthDeg: 0 }, 64) : null;
  const viewRing = ellipseRing({ lat, lon, semiMajorM: Math.max(ci95M ?? 0, MIN_VIEW_RADIUS_M), semiMinorM: Math.max(ci95M ?? 0, MIN_VIEW_RADIUS_M), azimuthDeg: 0 }, 16);
  let w = Infinity;
  let s = Infinity;
  let e = -Infinity;
  let n = -Infinity;
  const take = (p: Position): void => {
    w = Math.min(w, p[0]!);
    e = Math.max(e, p[0]!);
    s = Math.min(s, p[1]!);
    n = Math.max(n, p[1]!);
  };
  viewRing.forEach(take);
  for (const z of zones) {
    const polys = z.geometry.type === 'Polygon' ? [z.geometry.coordinates] : z.geometry.coordinates;
    for (const poly of polys) for (const ring of poly) ring.forEach(take);
  }
  return {
    hazards: {
      type: 'FeatureCollection',
      features: zones.map((z) => ({ type: 'Feature', geometry: z.geometry, properties: { kind: z.kind, level: z.level, tier: z.tier, chemical: z.chemical, maxDownwindM: z.maxDownwindM } })),
    },
    lab: { type: 'FeatureCollection', features: [{ type: 'Feature', geometry: { type: 'Point', coordinates: [lon, lat] }, properties: {} }] },
    circle: { type: 'FeatureCollection', features: circleRing === null ? [] : [{ type: 'Feature', geometry: { type: 'Polygon', coordinates: [circleRing] }, properties: {} }] },
    bbox: [w, s, e, n],
  };
}
