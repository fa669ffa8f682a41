/**
 * Located sources as GeoJSON (RFC 7946): a Point per source with its
 * numbers, and its 95 % credible ellipse as a Polygon (counter-clockwise,
 * 72 vertices), built in the local frame and projected to WGS84.
 */
import { LocalFrame } from '@nariz/core';
import type { LocateResult, LocatedSource } from './locate-sortie.js';

export interface LocatedSourceProperties {
  readonly kind: 'source' | 'credible-ellipse-95';
  readonly id: string;
  readonly probability: number;
  readonly labProbability: number;
  readonly positionCi95M: number;
  readonly rateGps: Record<string, number>;
  readonly rateCi95Gps: Record<string, [number, number]>;
  readonly classProbabilities: Record<string, number>;
}

export interface LocatedSourceFeature {
  readonly type: 'Feature';
  readonly geometry: { readonly type: 'Point'; readonly coordinates: [number, number] } | { readonly type: 'Polygon'; readonly coordinates: [number, number][][] };
  readonly properties: LocatedSourceProperties;
}

export interface LocatedSourceCollection {
  readonly type: 'FeatureCollection';
  readonly features: LocatedSourceFeature[];
}

const ELLIPSE_VERTICES = 72;

export function ellipseRing(frame: LocalFrame, s: LocatedSource): [number, number][] {
  const az = (s.ellipse95.azimuthDeg * Math.PI) / 180;
  // Major axis direction: azimuth clockwise from north -> (east, north) = (sin az, cos az).
  const me = Math.sin(az);
  const mn = Math.cos(az);
  const ring: [number, number][] = [];
  for (let i = 0; i < ELLIPSE_VERTICES; i++) {
    const t = (2 * Math.PI * i) / ELLIPSE_VERTICES;
    const a = s.ellipse95.semiMajorM * Math.cos(t);
    const b = s.ellipse95.semiMinorM * Math.sin(t);
    // Counter-clockwise in (east, north): minor axis is the major rotated +90 deg.
    const e = s.east + a * me - b * mn;
    const n = s.north + a * mn + b * me;
    const g = frame.unproject(e, n);
    ring.push([g.lon, g.lat]);
  }
  ring.push(ring[0]!);
  return ring;
}

export function sourcesGeoJson(result: LocateResult): LocatedSourceCollection {
  const frame = new LocalFrame(result.origin);
  const features: LocatedSourceFeature[] = [];
  result.sources.forEach((s, i) => {
    const properties = {
      id: `S${i + 1}`,
      probability: s.probability,
      labProbability: s.labProbability,
      positionCi95M: s.positionCi95M,
      rateGps: s.rateGps,
      rateCi95Gps: s.rateCi95Gps,
      classProbabilities: s.classProbabilities,
    };
    features.push({ type: 'Feature', geometry: { type: 'Point', coordinates: [s.lon, s.lat] }, properties: { kind: 'source', ...properties } });
    features.push({ type: 'Feature', geometry: { type: 'Polygon', coordinates: [ellipseRing(frame, s)] }, properties: { kind: 'credible-ellipse-95', ...properties } });
  });
  return { type: 'FeatureCollection', features };
}
