/**
 * The flight-operations overlays' GeoJSON, one collection per map source.
 * Each is its own object so that the map replaces only what changed (the
 * authority's areas are large; vehicles move every second).
 */
import type { FeatureCollection, LineString, Point, Polygon } from 'geojson';
import type { AirspaceAreaProps } from '../api/schema/authority.js';
import type { AreaGeometry } from '../api/schema/geometry.js';
import type { DrawFeatureProps } from '../geo/draw-features.js';
import type { ExcursionFeatureProps } from '../geo/excursion-features.js';
import type { PlanFeatureProps } from '../geo/plan-features.js';
import type { SuggestionFeatureProps } from '../geo/suggestion-features.js';
import type { VehicleFeatureProps } from '../geo/vehicle-features.js';
import type { ViolationFeatureProps } from '../geo/violation-features.js';

export interface FlightOverlays {
  readonly airspace: FeatureCollection<AreaGeometry, AirspaceAreaProps>;
  readonly excursions: FeatureCollection<LineString | Point, ExcursionFeatureProps>;
  readonly draw: FeatureCollection<Polygon | LineString | Point, DrawFeatureProps>;
  readonly plan: FeatureCollection<LineString | Point, PlanFeatureProps>;
  readonly violations: FeatureCollection<LineString | Point, ViolationFeatureProps>;
  readonly vehicles: FeatureCollection<Point, VehicleFeatureProps>;
  readonly suggestion: FeatureCollection<LineString | Point, SuggestionFeatureProps>;
}

export function emptyCollection<G extends AreaGeometry | Polygon | LineString | Point, P>(): FeatureCollection<G, P> {
  return { type: 'FeatureCollection', features: [] };
}
