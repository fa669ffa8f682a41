/**
 * The basemap's populated places as map features: a point per place with
 * the properties the places layers use (the name for the label, the zoom
 * class for the size, the zoom from which it is drawn for the filter).
 */
import type { FeatureCollection, Point } from 'geojson';
import { classMinZoom, type Place } from './places.js';

export interface PlaceProps {
  readonly name: string;
  readonly country: string;
  readonly population: number;
  /** Zoom class, 0 for the largest places. */
  readonly cls: number;
  readonly minzoom: number;
}

export function placeFeatures(places: readonly Place[]): FeatureCollection<Point, PlaceProps> {
  return {
    type: 'FeatureCollection',
    features: places.map((p) => ({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [p.lon, p.lat] },
      properties: { name: p.name, country: p.country, population: p.population, cls: p.cls, minzoom: classMinZoom(p.cls) },
    })),
  };
}
