/**
 * A flight plan as the API shows it (docs/flight.md, "The flight plan"):
 * the vehicle, home, an optional take-off time and the waypoints, with
 * altitudes in metres above home.
 */
import { arrayOf, fields, num, oneOf, optional, str, type Reader } from './read.js';

export const VEHICLE_TYPES = ['multirotor', 'fixed-wing', 'vtol'] as const;
export type VehicleType = (typeof VEHICLE_TYPES)[number];

export interface PlanVehicle {
  readonly type: VehicleType;
  readonly cruiseSpeedMps: number;
  readonly turnRadiusM: number;
  readonly enduranceS: number;
  readonly reserveFraction: number;
}

export interface PlanWaypoint {
  readonly lat: number;
  readonly lon: number;
  /** Metres above home. */
  readonly altM: number;
  readonly holdS: number | null;
  readonly speedMps: number | null;
}

export interface FlightPlan {
  readonly name: string;
  readonly vehicle: PlanVehicle;
  readonly home: { readonly lat: number; readonly lon: number };
  /** ISO take-off time, when the plan has one. */
  readonly startTime: string | null;
  readonly waypoints: readonly PlanWaypoint[];
}

const readVehicle: Reader<PlanVehicle> = (v, path) => {
  const f = fields(v, path);
  return {
    type: f.get('type', oneOf(VEHICLE_TYPES)),
    cruiseSpeedMps: f.num('cruiseSpeedMps'),
    turnRadiusM: f.num('turnRadiusM'),
    enduranceS: f.num('enduranceS'),
    reserveFraction: f.num('reserveFraction'),
  };
};

const readWaypoint: Reader<PlanWaypoint> = (v, path) => {
  const f = fields(v, path);
  return {
    lat: f.num('lat'),
    lon: f.num('lon'),
    altM: f.num('altM'),
    holdS: f.get('holdS', optional(num)) ?? null,
    speedMps: f.get('speedMps', optional(num)) ?? null,
  };
};

export const readFlightPlan: Reader<FlightPlan> = (v, path) => {
  const f = fields(v, path);
  const home = fields(f.get('home', (x) => x), `${path}.home`);
  const waypoints = f.get('waypoints', arrayOf(readWaypoint));
  if (waypoints.length === 0) throw new Error(`${path}.waypoints: expected at least one waypoint`);
  return {
    name: f.str('name'),
    vehicle: f.get('vehicle', readVehicle),
    home: { lat: home.num('lat'), lon: home.num('lon') },
    startTime: f.get('startTime', optional(str)) ?? null,
    waypoints,
  };
};
