/**
 * A plan's airspace violations on the map: each one's stretch along the
 * route, from where it leaves the rules to where it is back (or to the end
 * of the route when it never is), and markers at both ends, numbered as in
 * the list.
 *
 * The route's legs (docs/flight.md, "Route") are: 0 the take-off at home,
 * 1 home → waypoint 1, …, k waypoint k−1 → waypoint k, n+1 the last
 * waypoint → home, n+2 the landing at home. With the horizontal nodes
 * P = [home, w1 … wn, home], leg L runs from P[L−1] to P[L] (the vertical
 * legs stand at P[0] and P[n+1]).
 */
import type { Feature, FeatureCollection, LineString, Point } from 'geojson';
import type { FlightPlan } from '../api/schema/flight-plan.js';
import type { RoutePoint, Violation, ViolationKind } from '../api/schema/plan-check.js';
import { routeNodes } from './plan-features.js';
import type { LngLat } from './ring-geometry.js';

export interface ViolationFeatureProps {
  readonly role: 'stretch' | 'start' | 'end';
  /** 1-based, as listed. */
  readonly n: number;
  readonly kind: ViolationKind;
}

type ViolationFeature = Feature<LineString | Point, ViolationFeatureProps>;

const clamp = (x: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, x));

/** The route from point a to point b (or to the end of the route), through the nodes between them. */
export function routeStretch(nodes: readonly LngLat[], a: RoutePoint, b: RoutePoint | null): LngLat[] {
  const lastNode = nodes.length - 1;
  const firstNode = clamp(a.legIndex, 0, lastNode);
  const endNode = b === null ? lastNode : clamp(b.legIndex - 1, 0, lastNode);
  const coords: LngLat[] = [[a.lon, a.lat]];
  for (let k = firstNode; k <= endNode; k++) coords.push(nodes[k]!);
  if (b !== null) coords.push([b.lon, b.lat]);
  // Points repeated where a violation starts or ends on a node (or at home, during take-off).
  return coords.filter((c, i) => i === 0 || c[0] !== coords[i - 1]![0] || c[1] !== coords[i - 1]![1]);
}

export function violationFeatures(plan: FlightPlan, violations: readonly Violation[]): FeatureCollection<LineString | Point, ViolationFeatureProps> {
  const nodes = routeNodes(plan);
  const features: ViolationFeature[] = [];
  violations.forEach((v, i) => {
    const props = { n: i + 1, kind: v.kind };
    const stretch = routeStretch(nodes, v, v.end);
    if (stretch.length >= 2) features.push({ type: 'Feature', geometry: { type: 'LineString', coordinates: stretch.map((c) => [c[0], c[1]]) }, properties: { ...props, role: 'stretch' } });
    features.push({ type: 'Feature', geometry: { type: 'Point', coordinates: [v.lon, v.lat] }, properties: { ...props, role: 'start' } });
    if (v.end !== null) features.push({ type: 'Feature', geometry: { type: 'Point', coordinates: [v.end.lon, v.end.lat] }, properties: { ...props, role: 'end' } });
  });
  return { type: 'FeatureCollection', features };
}
