/** A plan's timing (GET /api/plans/:id `timeline`): when each waypoint is reached and whether the battery lasts. */
import { arrayOf, fields, int, nullable, str, type Reader } from './read.js';

export interface WaypointTiming {
  readonly index: number;
  /** Seconds after the start of the take-off. */
  readonly arrivalS: number;
  readonly departureS: number;
  /** Distance flown from take-off to the arrival, m. */
  readonly distanceM: number;
}

export interface PlanTimeline {
  readonly totalTimeS: number;
  readonly totalDistanceM: number;
  /** Share of the full endurance the flight uses (1 = empty at landing). */
  readonly batteryFraction: number;
  readonly feasible: boolean;
  /** Why the plan is not feasible. */
  readonly reason: string | null;
  readonly waypoints: readonly WaypointTiming[];
}

const readWaypointTiming: Reader<WaypointTiming> = (v, path) => {
  const f = fields(v, path);
  return { index: f.get('index', int), arrivalS: f.num('arrivalS'), departureS: f.num('departureS'), distanceM: f.num('distanceM') };
};

export const readPlanTimeline: Reader<PlanTimeline> = (v, path) => {
  const f = fields(v, path);
  return {
    totalTimeS: f.num('total_time_s'),
    totalDistanceM: f.num('total_distance_m'),
    batteryFraction: f.num('battery_fraction'),
    feasible: f.bool('feasible'),
    reason: f.get('reason', nullable(str)),
    waypoints: f.get('waypoints', arrayOf(readWaypointTiming)),
  };
};
