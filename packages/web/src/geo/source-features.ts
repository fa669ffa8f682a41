/**
 * The estimate's sources as map features: a point and a 95 % ellipse per
 * source, numbered from 1 in the estimate's order, and the posterior draws
 * for the heat layer. The source list numbers sources the same way, so
 * "Source 2" in the list is "S2" on the map.
 */
import type { FeatureCollection, Point, Polygon } from 'geojson';
import type { SourceEstimate } from '../api/schema/estimate.js';
import { ellipseRing } from './ellipse.js';

export interface SourcePointProps {
  /** 1-based number shown in the list and on the map. */
  readonly n: number;
  readonly label: string;
  readonly labProbability: number;
  readonly probability: number;
}

/** Lab probability from which a source is drawn as a suspected lab. */
export const LAB_THRESHOLD = 0.5;

export function sourcePoints(sources: readonly SourceEstimate[]): FeatureCollection<Point, SourcePointProps> {
  return {
    type: 'FeatureCollection',
    features: sources.map((s, i) => ({
      type: 'Feature',
      id: i + 1,
      geometry: { type: 'Point', coordinates: [s.lon, s.lat] },
      properties: { n: i + 1, label: `S${i + 1}`, labProbability: s.labProbability, probability: s.probability },
    })),
  };
}

export function sourceEllipses(sources: readonly SourceEstimate[]): FeatureCollection<Polygon, SourcePointProps> {
  return {
    type: 'FeatureCollection',
    features: sources.map((s, i) => ({
      type: 'Feature',
      id: i + 1,
      geometry: { type: 'Polygon', coordinates: [ellipseRing({ lat: s.lat, lon: s.lon, ...s.ellipse95 })] },
      properties: { n: i + 1, label: `S${i + 1}`, labProbability: s.labProbability, probability: s.probability },
    })),
  };
}

/**
 * Every source's posterior draws as points weighted so that a source's draws
 * add up to its existence probability: a likely source glows more than a
 * doubtful one with the same spread.
 */
export function posteriorPoints(sources: readonly SourceEstimate[]): FeatureCollection<Point, { w: number }> {
  const features: FeatureCollection<Point, { w: number }>['features'] = [];
  for (const s of sources) {
    const n = s.posteriorSample.length;
    for (const [lon, lat] of s.posteriorSample) {
      features.push({ type: 'Feature', geometry: { type: 'Point', coordinates: [lon, lat] }, properties: { w: s.probability / n } });
    }
  }
  return { type: 'FeatureCollection', features };
}

/** The most probable signature class of a source, or null when it is unclassified. */
export function topClass(s: SourceEstimate): { name: string; probability: number } | null {
  let best: { name: string; probability: number } | null = null;
  for (const [name, p] of Object.entries(s.classProbability)) if (best === null || p > best.probability) best = { name, probability: p };
  return s.classified ? best : null;
}
