/**
 * Checking a plan before export. The route (route.ts: take-off, outbound,
 * waypoint legs, return, landing; straight legs, as the ground station
 * draws them) is sampled every PLAN_SAMPLE_SPACING_M or finer, timed by
 * planTimeline (holds included), and walked by the same scanner as flown
 * tracks, which places boundary crossings exactly on the legs. Each
 * violation says where and when the route leaves (position, altitude,
 * seconds after take-off, clock time when the start time is known, leg and
 * waypoint) and where it comes back.
 *
 * Time windows need a start time (the plan's, or `options.startTime`); an
 * authority with time windows and a plan without one gives a single
 * 'time-window' violation at take-off saying so. The server refuses export
 * while violations remain unless an administrator overrides (audited).
 */
import type { FlightPlan } from '../plan/plan.js';
import type { LegKind } from '../plan/route.js';
import { planTimeline, type WindVector } from '../plan/timeline.js';
import { airspaceIndex } from './airspace-index.js';
import type { Authority } from './authority.js';
import { scanExcursions, type TrackPosition, type ViolationKind } from './excursions.js';
import { compileTimeWindows } from './time-windows.js';

/** Largest distance between two checked points of a route, m. */
export const PLAN_SAMPLE_SPACING_M = 10;

export interface RoutePoint {
  readonly lat: number;
  readonly lon: number;
  /** Metres above home. */
  readonly altM: number;
  readonly timeOffsetS: number;
  /** ISO time, when the start time is known. */
  readonly time?: string;
  /** Index into planTimeline(plan).legs. */
  readonly legIndex: number;
  readonly legKind: LegKind;
  /** The waypoint the leg flies toward (absent on the return and landing). */
  readonly waypointIndex?: number;
}

export interface Violation extends RoutePoint {
  readonly kind: ViolationKind;
  /** Where the route is back within the rules; null when it ends in violation. */
  readonly end: RoutePoint | null;
  readonly areas: readonly string[];
  readonly message: string;
}

export interface PlanCheckOptions {
  /** Take-off time, ISO 8601 with a zone (default: the plan's). */
  readonly startTime?: string;
  /** Wind for the timing of fixed-wing and VTOL legs (planTimeline). */
  readonly wind?: WindVector;
}

export function checkPlan(plan: FlightPlan, authority: Authority, options: PlanCheckOptions = {}): Violation[] {
  const timeline = planTimeline(plan, options.wind === undefined ? {} : { wind: options.wind });
  const legs = timeline.legs;
  const lat: number[] = [];
  const lon: number[] = [];
  const alt: number[] = [];
  const time: number[] = [];
  const legOf: number[] = [];
  const push = (legIndex: number, f: number): void => {
    const leg = legs[legIndex]!;
    lat.push(leg.from.lat + f * (leg.to.lat - leg.from.lat));
    lon.push(leg.from.lon + f * (leg.to.lon - leg.from.lon));
    alt.push(leg.from.altM + f * (leg.to.altM - leg.from.altM));
    time.push(leg.startS + f * (leg.endS - leg.startS));
    legOf.push(legIndex);
  };
  legs.forEach((leg, li) => {
    const steps = Math.max(1, Math.ceil(Math.max(leg.horizontalM, Math.abs(leg.climbM)) / PLAN_SAMPLE_SPACING_M));
    for (let k = 0; k < steps; k++) push(li, k / steps);
    const hold = leg.toWaypoint >= 0 ? (plan.waypoints[leg.toWaypoint]!.holdS ?? 0) : 0;
    if (hold > 0) push(li, 1);
  });
  push(legs.length - 1, 1);

  const startIso = options.startTime ?? plan.startTime;
  const startS = startIso === undefined ? undefined : Date.parse(startIso) / 1000;
  const windows = authority.timeWindows ?? [];
  const open = compileTimeWindows(windows);
  const raw = scanExcursions(
    {
      count: lat.length,
      timeS: time,
      lat,
      lon,
      altM: alt,
      minAltitudeApplies: (i) => {
        const kind = legs[legOf[i]!]!.kind;
        return kind !== 'takeoff' && kind !== 'landing';
      },
    },
    {
      index: airspaceIndex(authority),
      altitude: authority.altitude,
      ...(startS === undefined || windows.length === 0 ? {} : { openAt: (t: number) => open(startS + t) }),
    },
  );

  const point = (p: TrackPosition): RoutePoint => {
    // A point at the very end of a segment belongs to the leg of the segment's start sample.
    const legIndex = legOf[p.afterIndex]!;
    const leg = legs[legIndex]!;
    return {
      lat: p.lat,
      lon: p.lon,
      altM: p.altM,
      timeOffsetS: p.timeS,
      ...(startS === undefined ? {} : { time: new Date((startS + p.timeS) * 1000).toISOString() }),
      legIndex,
      legKind: leg.kind,
      ...(leg.toWaypoint >= 0 ? { waypointIndex: leg.toWaypoint } : {}),
    };
  };
  const violations: Violation[] = raw.map((r) => {
    const start = point(r.exit);
    const end = r.reentry === null ? null : point(r.reentry);
    return { ...start, kind: r.kind, end, areas: r.areas, message: describe(r.kind, r.areas, start, end, authority, r.extremeAltM) };
  });
  if (windows.length > 0 && startS === undefined) {
    const first = point({ afterIndex: 0, fraction: 0, timeS: 0, lat: lat[0]!, lon: lon[0]!, altM: alt[0]! });
    violations.unshift({ ...first, kind: 'time-window', end: null, areas: [], message: 'the authority limits flights to time windows but the plan has no start time: set one to check it' });
  }
  return violations;
}

function describe(kind: ViolationKind, areas: readonly string[], start: RoutePoint, end: RoutePoint | null, authority: Authority, extremeAltM?: number): string {
  const where = (p: RoutePoint): string =>
    `${p.lat.toFixed(5)}, ${p.lon.toFixed(5)} (${p.altM.toFixed(0)} m), ${clock(p.timeOffsetS)} after take-off${p.time === undefined ? '' : ` (${p.time})`}, ${legName(p)}`;
  const back = end === null ? 'to the end of the flight' : `until ${where(end)}`;
  switch (kind) {
    case 'outside-permitted':
      return `the route leaves the permitted airspace${areas.length > 0 ? ` (${areas.join(', ')})` : ''} at ${where(start)}, ${back}`;
    case 'inside-forbidden':
      return `the route enters forbidden airspace (${areas.join(', ')}) at ${where(start)}, ${back}`;
    case 'altitude':
      return `the route breaks the altitude limits (${authority.altitude.minM === undefined ? 'at most ' : `${authority.altitude.minM}–`}${authority.altitude.maxM} m above ground${extremeAltM === undefined ? '' : `; reaches ${extremeAltM.toFixed(0)} m`}) at ${where(start)}, ${back}`;
    case 'time-window':
      return `the flight is outside the authority's time windows from ${where(start)}, ${back}`;
  }
}

function legName(p: RoutePoint): string {
  switch (p.legKind) {
    case 'takeoff':
      return 'during take-off';
    case 'outbound':
      return 'on the way to waypoint 1';
    case 'mission':
      return `on leg ${p.waypointIndex!} → ${p.waypointIndex! + 1} (waypoints numbered from 1)`;
    case 'return':
      return 'on the return to home';
    case 'landing':
      return 'during landing';
  }
}

function clock(s: number): string {
  const m = Math.floor(s / 60);
  const sec = Math.round(s - m * 60);
  return m > 0 ? `${m} min ${sec} s` : `${sec} s`;
}
