/**
 * When the plan reaches each waypoint, how far it has flown, and whether the
 * battery (or tank) lasts.
 *
 * Model: each leg takes max(horizontal / speed, |climb| / climb rate) — the
 * vehicle climbs while it flies and the slower of the two governs. Corners
 * are flown as fly-by arcs on the vehicle's turn radius (turn.ts) unless the
 * waypoint has a hold (the vehicle stops there). Take-off and landing are
 * vertical at home at the climb rate; the return leg flies at cruise speed.
 * Speeds set on waypoints persist, as MAV_CMD_DO_CHANGE_SPEED does.
 *
 * Wind (optional): a fixed-wing or VTOL flies its speed through the air, so
 * on a leg of direction d its ground speed is the wind triangle's
 * g = w·d + sqrt(V² - (w × d)²); a leg where the crosswind exceeds V, or the
 * headwind stops progress, makes the plan infeasible. A multirotor's
 * autopilot holds the commanded speed over the ground (ArduCopter and PX4
 * mission speeds are ground speeds), so wind does not change its timing.
 * The plan is feasible when the total time leaves the reserve unused:
 * totalTimeS <= enduranceS · (1 - reserveFraction).
 */
import { windFromToUv } from '@nariz/core';
import { climbRateMps, type FlightPlan } from './plan.js';
import { routeLegs, type RouteLeg } from './route.js';
import { flyByTurn, type FlyByTurn } from './turn.js';

export interface TimedLeg extends RouteLeg {
  readonly index: number;
  readonly startS: number;
  readonly endS: number;
  /** Horizontal speed flown on the leg, m/s. */
  readonly speedMps: number;
  /** Length flown after rounding the corners at both ends (3-D), m. */
  readonly flownM: number;
}

export interface WaypointTiming {
  readonly index: number;
  /** Seconds after the start of the take-off. */
  readonly arrivalS: number;
  readonly departureS: number;
  /** Distance flown from take-off to the arrival, m. */
  readonly distanceM: number;
  readonly turn: FlyByTurn;
}

export interface PlanTimeline {
  readonly legs: readonly TimedLeg[];
  readonly waypoints: readonly WaypointTiming[];
  readonly totalTimeS: number;
  /** Flown path length including climbs and turn arcs, m. */
  readonly totalDistanceM: number;
  readonly horizontalDistanceM: number;
  readonly enduranceS: number;
  /** enduranceS · (1 - reserveFraction). */
  readonly usableEnduranceS: number;
  /** Share of the full endurance the flight uses (1 = empty at landing). */
  readonly batteryFraction: number;
  readonly feasible: boolean;
  /** Why the plan is not feasible. */
  readonly reason?: string;
  /** Corners the vehicle cannot fly on its turn radius, and similar. */
  readonly warnings: readonly string[];
}

export interface WindVector {
  readonly speedMps: number;
  /** Direction the wind blows from, degrees clockwise from north. */
  readonly fromDeg: number;
}

export interface TimelineOptions {
  readonly wind?: WindVector;
}

export function planTimeline(plan: FlightPlan, options: TimelineOptions = {}): PlanTimeline {
  const legs = routeLegs(plan);
  const n = plan.waypoints.length;
  const v = plan.vehicle;
  const climb = climbRateMps(v);
  const warnings: string[] = [];

  // Turns at each waypoint: between leg i+1 (arriving) and leg i+2 (leaving).
  const turns: FlyByTurn[] = [];
  const cut = new Float64Array(legs.length);
  for (let i = 0; i < n; i++) {
    const a = legs[i + 1]!;
    const b = legs[i + 2]!;
    const hold = plan.waypoints[i]!.holdS ?? 0;
    const t = hold > 0
      ? flyByTurn(0, 0, 0, 0, 0, 0, 0)
      : flyByTurn(a.to.east - a.from.east, a.to.north - a.from.north, a.horizontalM, b.to.east - b.from.east, b.to.north - b.from.north, b.horizontalM, v.turnRadiusM);
    turns.push(t);
    if (t.tight) {
      warnings.push(`waypoint ${i}: a ${deg(t.headingChangeRad)}° turn needs radius ${v.turnRadiusM} m but the legs leave room for ${t.radiusM.toFixed(1)} m`);
    }
    // Each adjacent leg loses its tangent and gains half the arc.
    const d = t.tangentM - t.arcM / 2;
    cut[i + 1]! += d;
    cut[i + 2]! += d;
  }

  const airspeedFlight = v.type !== 'multirotor' && options.wind !== undefined;
  const [wu, wv] = options.wind === undefined ? [0, 0] : windFromToUv(options.wind.speedMps, options.wind.fromDeg);
  let windProblem: string | undefined;
  const groundSpeed = (leg: RouteLeg, airspeed: number, index: number): number => {
    if (!airspeedFlight || leg.horizontalM < 1e-6) return airspeed;
    const dx = (leg.to.east - leg.from.east) / leg.horizontalM;
    const dy = (leg.to.north - leg.from.north) / leg.horizontalM;
    const cross = wu * dy - wv * dx;
    const g = wu * dx + wv * dy + Math.sqrt(Math.max(0, airspeed * airspeed - cross * cross));
    if (Math.abs(cross) >= airspeed || g <= 0.1 * airspeed) {
      windProblem ??= `leg ${index}: the wind (${options.wind!.speedMps} m/s from ${options.wind!.fromDeg}°) is too strong for ${airspeed} m/s`;
      return 0.1 * airspeed;
    }
    return g;
  };

  const timed: TimedLeg[] = [];
  let clock = 0;
  let flown = 0;
  let horizontal = 0;
  let speed = v.cruiseSpeedMps;
  const timings: WaypointTiming[] = [];
  legs.forEach((leg, index) => {
    if (leg.kind === 'outbound' || leg.kind === 'mission') speed = plan.waypoints[leg.toWaypoint]!.speedMps ?? speed;
    const legSpeed = leg.kind === 'outbound' || leg.kind === 'mission' ? speed : v.cruiseSpeedMps;
    const h = Math.max(0, leg.horizontalM - cut[index]!);
    const dt = Math.max(h / groundSpeed(leg, legSpeed, index), Math.abs(leg.climbM) / climb);
    const flownM = Math.hypot(h, leg.climbM);
    timed.push({ ...leg, index, startS: clock, endS: clock + dt, speedMps: legSpeed, flownM });
    clock += dt;
    flown += flownM;
    horizontal += h;
    if (leg.toWaypoint >= 0) {
      const hold = plan.waypoints[leg.toWaypoint]!.holdS ?? 0;
      timings.push({ index: leg.toWaypoint, arrivalS: clock, departureS: clock + hold, distanceM: flown, turn: turns[leg.toWaypoint]! });
      clock += hold;
    }
  });

  const usable = v.enduranceS * (1 - v.reserveFraction);
  const feasible = clock <= usable && windProblem === undefined;
  return {
    legs: timed,
    waypoints: timings,
    totalTimeS: clock,
    totalDistanceM: flown,
    horizontalDistanceM: horizontal,
    enduranceS: v.enduranceS,
    usableEnduranceS: usable,
    batteryFraction: clock / v.enduranceS,
    feasible,
    ...(feasible
      ? {}
      : windProblem !== undefined
        ? { reason: windProblem }
        : { reason: `the flight takes ${Math.ceil(clock)} s but the usable endurance is ${Math.floor(usable)} s (${v.enduranceS} s less a ${Math.round(v.reserveFraction * 100)} % reserve)` }),
    warnings,
  };
}

function deg(rad: number): string {
  return ((rad * 180) / Math.PI).toFixed(0);
}
