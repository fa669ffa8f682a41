/**
 * A flight plan on the map: the transit legs (home out to the first
 * waypoint and back from the last, drawn dashed), the mission legs between
 * waypoints (drawn with direction arrows), the numbered waypoints (1, 2, …,
 * as in the timeline table) and home. The route is the one the ground
 * station flies and the airspace check tests: straight legs.
 */
import type { Feature, FeatureCollection, LineString, Point } from 'geojson';
import type { FlightPlan } from '../api/schema/flight-plan.js';
import type { LngLat } from './ring-geometry.js';

export interface PlanFeatureProps {
  readonly kind: 'transit' | 'mission' | 'waypoint' | 'home';
  /** Waypoint number as shown (1-based), or "H" for home; empty for lines. */
  readonly label: string;
  /** 0-based waypoint index; -1 for home and lines. */
  readonly index: number;
}

type PlanFeature = Feature<LineString | Point, PlanFeatureProps>;

/** The route's horizontal nodes: home, every waypoint, home again. */
export function routeNodes(plan: FlightPlan): LngLat[] {
  const home: LngLat = [plan.home.lon, plan.home.lat];
  return [home, ...plan.waypoints.map((w): LngLat => [w.lon, w.lat]), home];
}

function line(kind: 'transit' | 'mission', coords: readonly LngLat[]): PlanFeature {
  return { type: 'Feature', geometry: { type: 'LineString', coordinates: coords.map((c) => [c[0], c[1]]) }, properties: { kind, label: '', index: -1 } };
}

export function planFeatures(plan: FlightPlan): FeatureCollection<LineString | Point, PlanFeatureProps> {
  const nodes = routeNodes(plan);
  const home = nodes[0]!;
  const first = nodes[1]!;
  const last = nodes[nodes.length - 2]!;
  const features: PlanFeature[] = [line('transit', [home, first])];
  if (plan.waypoints.length >= 2) features.push(line('mission', nodes.slice(1, -1)));
  features.push(line('transit', [last, home]));
  plan.waypoints.forEach((w, i) => {
    features.push({ type: 'Feature', geometry: { type: 'Point', coordinates: [w.lon, w.lat] }, properties: { kind: 'waypoint', label: String(i + 1), index: i } });
  });
  features.push({ type: 'Feature', geometry: { type: 'Point', coordinates: [home[0], home[1]] }, properties: { kind: 'home', label: 'H', index: -1 } });
  return { type: 'FeatureCollection', features };
}

/** [west, south, east, north] of home and every waypoint. */
export function planBbox(plan: FlightPlan): [number, number, number, number] {
  let w = plan.home.lon;
  let e = w;
  let s = plan.home.lat;
  let n = s;
  for (const p of plan.waypoints) {
    w = Math.min(w, p.lon);
    e = Math.max(e, p.lon);
    s = Math.min(s, p.lat);
    n = Math.max(n, p.lat);
  }
  return [w, s, e, n];
}
