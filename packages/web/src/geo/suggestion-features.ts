/**
 * The suggested next waypoints on the map: the path from the drone's
 * position through them (dashed: not a plan yet), the numbered waypoints,
 * and the start.
 */
import type { Feature, FeatureCollection, LineString, Point } from 'geojson';
import type { Suggestion } from '../api/schema/suggestion.js';

export interface SuggestionFeatureProps {
  readonly role: 'path' | 'start' | 'waypoint';
  /** 1-based waypoint number; 0 for the path and the start. */
  readonly n: number;
  readonly label: string;
}

export function suggestionFeatures(s: Suggestion): FeatureCollection<LineString | Point, SuggestionFeatureProps> {
  const features: Feature<LineString | Point, SuggestionFeatureProps>[] = [];
  const start: [number, number] = [s.from.lon, s.from.lat];
  if (s.waypoints.length > 0) {
    features.push({ type: 'Feature', geometry: { type: 'LineString', coordinates: [start, ...s.waypoints.map((w): [number, number] => [w.lon, w.lat])] }, properties: { role: 'path', n: 0, label: '' } });
  }
  features.push({ type: 'Feature', geometry: { type: 'Point', coordinates: start }, properties: { role: 'start', n: 0, label: '' } });
  s.waypoints.forEach((w, i) => {
    features.push({ type: 'Feature', geometry: { type: 'Point', coordinates: [w.lon, w.lat] }, properties: { role: 'waypoint', n: i + 1, label: `S${i + 1}` } });
  });
  return { type: 'FeatureCollection', features };
}
