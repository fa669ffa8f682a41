/**
 * A plan as GeoJSON for a map (and for golden fixtures a reviewer can open):
 * the route as one LineString from home through the waypoints back to home
 * (positions [lon, lat, altitude above home]), each waypoint as a Point with
 * its index, arrival time and distance from planTimeline, and home.
 */
import type { Feature, FeatureCollection, LineString, Point } from 'geojson';
import type { FlightPlan } from './plan.js';
import { planTimeline, type TimelineOptions } from './timeline.js';

export type PlanFeatureProperties =
  | { readonly role: 'route'; readonly name: string; readonly totalTimeS: number; readonly totalDistanceM: number; readonly feasible: boolean }
  | { readonly role: 'waypoint'; readonly index: number; readonly altM: number; readonly arrivalS: number; readonly distanceM: number; readonly holdS?: number; readonly speedMps?: number }
  | { readonly role: 'home' };

export function planGeoJson(plan: FlightPlan, options: TimelineOptions = {}): FeatureCollection<LineString | Point, PlanFeatureProperties> {
  const t = planTimeline(plan, options);
  const home: [number, number, number] = [plan.home.lon, plan.home.lat, 0];
  const route: Feature<LineString, PlanFeatureProperties> = {
    type: 'Feature',
    geometry: { type: 'LineString', coordinates: [home, ...plan.waypoints.map((w) => [w.lon, w.lat, w.altM]), home] },
    properties: { role: 'route', name: plan.name, totalTimeS: t.totalTimeS, totalDistanceM: t.totalDistanceM, feasible: t.feasible },
  };
  const waypoints = plan.waypoints.map((w, i): Feature<Point, PlanFeatureProperties> => ({
    type: 'Feature',
    geometry: { type: 'Point', coordinates: [w.lon, w.lat, w.altM] },
    properties: {
      role: 'waypoint',
      index: i,
      altM: w.altM,
      arrivalS: t.waypoints[i]!.arrivalS,
      distanceM: t.waypoints[i]!.distanceM,
      ...(w.holdS === undefined ? {} : { holdS: w.holdS }),
      ...(w.speedMps === undefined ? {} : { speedMps: w.speedMps }),
    },
  }));
  const homeFeature: Feature<Point, PlanFeatureProperties> = { type: 'Feature', geometry: { type: 'Point', coordinates: [plan.home.lon, plan.home.lat] }, properties: { role: 'home' } };
  return { type: 'FeatureCollection', features: [route, ...waypoints, homeFeature] };
}
