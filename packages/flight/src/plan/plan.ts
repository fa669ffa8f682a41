/**
 * The flight plan: what a crew flies, independent of any ground-station file
 * format. Invariants (established by `parsePlan` or by the survey planner,
 * never re-checked inside): coordinates are WGS84 degrees within range; every
 * number is finite; at least one waypoint; speeds, endurance and climb rate
 * are positive; 0 <= reserveFraction < 1; turnRadiusM >= 0.
 *
 * Altitudes: `waypoints[].altM` is metres above the home (take-off) point,
 * MAVLink's MAV_FRAME_GLOBAL_RELATIVE_ALT. Nariz has no terrain model, so
 * checks read it as height above ground (exact over flat terrain).
 */
import { JsonFields } from '../json-fields.js';

export const VEHICLE_TYPES = ['multirotor', 'fixed-wing', 'vtol'] as const;
export type VehicleType = (typeof VEHICLE_TYPES)[number];

export interface Vehicle {
  readonly type: VehicleType;
  /** Default horizontal speed between waypoints, m/s. */
  readonly cruiseSpeedMps: number;
  /** Smallest radius the vehicle turns on at cruise speed, m; 0 = stops and pivots (multirotor). */
  readonly turnRadiusM: number;
  /** Flight time on a full battery or tank, s. */
  readonly enduranceS: number;
  /** Fraction of the endurance kept in reserve at landing (e.g. 0.25). */
  readonly reserveFraction: number;
  /** Vertical speed for climbs and descents, m/s (default by type: DEFAULT_CLIMB_RATE_MPS). */
  readonly climbRateMps?: number;
}

/** Climb rates assumed when the vehicle gives none, m/s: typical small-UAS values. */
export const DEFAULT_CLIMB_RATE_MPS: Readonly<Record<VehicleType, number>> = { multirotor: 3, 'fixed-wing': 2, vtol: 2.5 };

export function climbRateMps(v: Vehicle): number {
  return v.climbRateMps ?? DEFAULT_CLIMB_RATE_MPS[v.type];
}

export interface Waypoint {
  readonly lat: number;
  readonly lon: number;
  /** Metres above home (take-off point). */
  readonly altM: number;
  /** Time to hold at the waypoint, s (default 0: fly through). */
  readonly holdS?: number;
  /**
   * Horizontal speed from the previous waypoint onwards, m/s. As with
   * MAV_CMD_DO_CHANGE_SPEED, it holds for the following legs until another
   * waypoint sets a speed.
   */
  readonly speedMps?: number;
}

export interface Home {
  readonly lat: number;
  readonly lon: number;
  /** Take-off point's altitude above mean sea level, m, when known. */
  readonly altAmslM?: number;
}

export interface LatLonPoint {
  readonly lat: number;
  readonly lon: number;
}

export interface GeofencePolygon {
  /** true: stay inside; false: stay outside. */
  readonly inclusion: boolean;
  /** Vertices, not repeated at the end, at least 3. */
  readonly polygon: readonly LatLonPoint[];
}

export interface GeofenceCircle {
  readonly inclusion: boolean;
  readonly center: LatLonPoint;
  readonly radiusM: number;
}

export interface Geofence {
  readonly polygons: readonly GeofencePolygon[];
  readonly circles: readonly GeofenceCircle[];
}

export interface FlightPlan {
  readonly name: string;
  readonly vehicle: Vehicle;
  readonly home: Home;
  /** Planned take-off time, ISO 8601 with a zone. */
  readonly startTime?: string;
  readonly waypoints: readonly Waypoint[];
  readonly geofence?: Geofence;
}

/**
 * Parse a flight plan from unknown JSON (an API body, a stored document).
 * Errors are NARIZ_PLAN_FORMAT naming the path of the bad field.
 */
export function parsePlan(u: unknown, file?: string): FlightPlan {
  const j = new JsonFields('NARIZ_PLAN_FORMAT', file);
  const o = j.object(u, '$');
  const name = j.string(o['name'], 'name');
  const vehicle = parseVehicle(j, o['vehicle'], 'vehicle');
  const h = j.object(o['home'], 'home');
  const altAmslM = j.optionalNumber(h['altAmslM'], 'home.altAmslM');
  const home: Home = { lat: j.latitude(h['lat'], 'home.lat'), lon: j.longitude(h['lon'], 'home.lon'), ...(altAmslM === undefined ? {} : { altAmslM }) };
  const startTime = o['startTime'] === undefined ? undefined : j.isoTime(o['startTime'], 'startTime');
  const waypoints = j.array(o['waypoints'], 'waypoints', 1).map((w, i) => parseWaypoint(j, w, `waypoints[${i}]`));
  const geofence = o['geofence'] === undefined ? undefined : parseGeofence(j, o['geofence'], 'geofence');
  return {
    name,
    vehicle,
    home,
    ...(startTime === undefined ? {} : { startTime }),
    waypoints,
    ...(geofence === undefined ? {} : { geofence }),
  };
}

export function parseVehicle(j: JsonFields, u: unknown, path: string): Vehicle {
  const v = j.object(u, path);
  const climb = j.optionalNumber(v['climbRateMps'], `${path}.climbRateMps`, { above: 0 });
  return {
    type: j.oneOf(v['type'], `${path}.type`, VEHICLE_TYPES),
    cruiseSpeedMps: j.number(v['cruiseSpeedMps'], `${path}.cruiseSpeedMps`, { above: 0, max: 150 }),
    turnRadiusM: j.number(v['turnRadiusM'], `${path}.turnRadiusM`, { min: 0, max: 5000 }),
    enduranceS: j.number(v['enduranceS'], `${path}.enduranceS`, { above: 0 }),
    reserveFraction: j.number(v['reserveFraction'], `${path}.reserveFraction`, { min: 0, max: 0.95 }),
    ...(climb === undefined ? {} : { climbRateMps: climb }),
  };
}

function parseWaypoint(j: JsonFields, u: unknown, path: string): Waypoint {
  const w = j.object(u, path);
  const holdS = j.optionalNumber(w['holdS'], `${path}.holdS`, { min: 0 });
  const speedMps = j.optionalNumber(w['speedMps'], `${path}.speedMps`, { above: 0, max: 150 });
  return {
    lat: j.latitude(w['lat'], `${path}.lat`),
    lon: j.longitude(w['lon'], `${path}.lon`),
    altM: j.number(w['altM'], `${path}.altM`, { min: -1000, max: 10000 }),
    ...(holdS === undefined ? {} : { holdS }),
    ...(speedMps === undefined ? {} : { speedMps }),
  };
}

function parseGeofence(j: JsonFields, u: unknown, path: string): Geofence {
  const g = j.object(u, path);
  const point = (p: unknown, at: string): LatLonPoint => {
    const o = j.object(p, at);
    return { lat: j.latitude(o['lat'], `${at}.lat`), lon: j.longitude(o['lon'], `${at}.lon`) };
  };
  const polygons = j.array(g['polygons'] ?? [], `${path}.polygons`).map((p, i): GeofencePolygon => {
    const at = `${path}.polygons[${i}]`;
    const o = j.object(p, at);
    return {
      inclusion: j.boolean(o['inclusion'], `${at}.inclusion`),
      polygon: j.array(o['polygon'], `${at}.polygon`, 3).map((v, k) => point(v, `${at}.polygon[${k}]`)),
    };
  });
  const circles = j.array(g['circles'] ?? [], `${path}.circles`).map((c, i): GeofenceCircle => {
    const at = `${path}.circles[${i}]`;
    const o = j.object(c, at);
    return {
      inclusion: j.boolean(o['inclusion'], `${at}.inclusion`),
      center: point(o['center'], `${at}.center`),
      radiusM: j.number(o['radiusM'], `${at}.radiusM`, { above: 0 }),
    };
  });
  return { polygons, circles };
}
