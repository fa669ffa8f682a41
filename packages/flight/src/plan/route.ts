/**
 * The route a plan flies, as straight legs: a vertical take-off at home to
 * the first waypoint's altitude, out to the first waypoint, waypoint to
 * waypoint, back to home at the last waypoint's altitude (return to launch)
 * and a vertical landing. This is what the ground station draws and what
 * the airspace check tests; the timeline rounds the corners (turn.ts).
 *
 * Horizontal lengths come from a tangent plane at home (core LocalFrame);
 * over the tens of kilometres of a sortie the error is below 1e-4 relative.
 */
import { LocalFrame } from '@nariz/core';
import type { FlightPlan } from './plan.js';

export type LegKind = 'takeoff' | 'outbound' | 'mission' | 'return' | 'landing';

export interface RouteNode {
  readonly lat: number;
  readonly lon: number;
  /** Metres above home. */
  readonly altM: number;
  /** Tangent-plane coordinates at home, m. */
  readonly east: number;
  readonly north: number;
}

export interface RouteLeg {
  readonly kind: LegKind;
  readonly from: RouteNode;
  readonly to: RouteNode;
  /** Waypoint index the leg ends at, or -1 for home. */
  readonly toWaypoint: number;
  /** Waypoint index the leg starts from, or -1 for home. */
  readonly fromWaypoint: number;
  readonly horizontalM: number;
  /** Signed climb, m. */
  readonly climbM: number;
}

export function planFrame(plan: FlightPlan): LocalFrame {
  return new LocalFrame({ lat: plan.home.lat, lon: plan.home.lon });
}

export function routeLegs(plan: FlightPlan, frame: LocalFrame = planFrame(plan)): RouteLeg[] {
  const node = (lat: number, lon: number, altM: number): RouteNode => {
    const [east, north] = frame.project(lat, lon);
    return { lat, lon, altM, east, north };
  };
  const wps = plan.waypoints.map((w) => node(w.lat, w.lon, w.altM));
  const first = wps[0]!;
  const last = wps[wps.length - 1]!;
  const ground = node(plan.home.lat, plan.home.lon, 0);
  const homeHigh = { ...ground, altM: first.altM };
  const homeBack = { ...ground, altM: last.altM };
  const legs: RouteLeg[] = [];
  const push = (kind: LegKind, from: RouteNode, to: RouteNode, fromWaypoint: number, toWaypoint: number): void => {
    legs.push({ kind, from, to, fromWaypoint, toWaypoint, horizontalM: Math.hypot(to.east - from.east, to.north - from.north), climbM: to.altM - from.altM });
  };
  push('takeoff', ground, homeHigh, -1, -1);
  push('outbound', homeHigh, first, -1, 0);
  for (let i = 1; i < wps.length; i++) push('mission', wps[i - 1]!, wps[i]!, i - 1, i);
  push('return', last, homeBack, wps.length - 1, -1);
  push('landing', homeBack, ground, -1, -1);
  return legs;
}
