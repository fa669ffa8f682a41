/** The overlays' GeoJSON, built from what the API returned for one sortie. */
import type { Feature, FeatureCollection, LineString, Point, Polygon, MultiPolygon } from 'geojson';
import type { SpeciesDetections } from '../api/schema/detections.js';
import type { Estimate } from '../api/schema/estimate.js';
import { posteriorPoints, sourceEllipses, sourcePoints, type SourcePointProps } from '../geo/source-features.js';
import type { SegmentProps } from '../geo/track.js';
import { speciesColour } from '../theme/species-colours.js';

export interface DetectionProps {
  readonly species: string;
  readonly colour: string;
  readonly peakS: number;
  readonly peakKgM3: number;
  readonly excessKgM3: number;
}

export interface HazardProps {
  readonly kind: string;
  readonly level: number;
  readonly tier: string;
  readonly chemical: string;
  readonly maxDownwindM: number;
}

export interface MapOverlays {
  readonly track: FeatureCollection<LineString, SegmentProps>;
  /** Colour stops of the track's concentration scale, or null with no values. */
  readonly trackStops: readonly (readonly [number, string])[] | null;
  readonly detections: FeatureCollection<Point, DetectionProps>;
  readonly sources: FeatureCollection<Point, SourcePointProps>;
  readonly ellipses: FeatureCollection<Polygon, SourcePointProps>;
  readonly posterior: FeatureCollection<Point, { w: number }>;
  readonly hazards: FeatureCollection<Polygon | MultiPolygon, HazardProps>;
}

const empty = <G extends Point | LineString | Polygon | MultiPolygon, P>(): FeatureCollection<G, P> => ({ type: 'FeatureCollection', features: [] });

export function emptyOverlays(): MapOverlays {
  return { track: empty(), trackStops: null, detections: empty(), sources: empty(), ellipses: empty(), posterior: empty(), hazards: empty() };
}

export function detectionFeatures(species: readonly SpeciesDetections[], speciesOrder: readonly string[]): FeatureCollection<Point, DetectionProps> {
  const features: Feature<Point, DetectionProps>[] = [];
  for (const s of species) {
    const colour = speciesColour(Math.max(0, speciesOrder.indexOf(s.key)));
    for (const e of s.events) {
      features.push({
        type: 'Feature',
        geometry: { type: 'Point', coordinates: [e.lon, e.lat] },
        properties: { species: s.key, colour, peakS: e.peakS, peakKgM3: e.peakKgM3, excessKgM3: e.excessKgM3 },
      });
    }
  }
  return { type: 'FeatureCollection', features };
}

export function estimateFeatures(e: Estimate | null): Pick<MapOverlays, 'sources' | 'ellipses' | 'posterior' | 'hazards'> {
  if (e === null) return { sources: empty(), ellipses: empty(), posterior: empty(), hazards: empty() };
  // Most severe drawn last (on top): level 1 first.
  const zones = [...e.zones].sort((a, b) => a.level - b.level || (a.kind === b.kind ? 0 : a.kind === 'direction-uncertainty' ? -1 : 1));
  return {
    sources: sourcePoints(e.sources),
    ellipses: sourceEllipses(e.sources),
    posterior: posteriorPoints(e.sources),
    hazards: {
      type: 'FeatureCollection',
      features: zones.map((z) => ({
        type: 'Feature',
        geometry: z.geometry,
        properties: { kind: z.kind, level: z.level, tier: z.tier, chemical: z.chemical, maxDownwindM: z.maxDownwindM },
      })),
    },
  };
}
