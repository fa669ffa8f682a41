/**
 * Plans for tests: one fixed plan (the golden fixtures' input) and seeded
 * random plans for the round-trip property tests.
 */
import { createRng, LocalFrame, type Rng } from '@nariz/core';
import { VEHICLE_TYPES, type FlightPlan, type GeofencePolygon, type Vehicle, type Waypoint } from '../src/index.js';

export const UTRECHT = { lat: 52.0907, lon: 5.1214 } as const;

export const MULTIROTOR: Vehicle = { type: 'multirotor', cruiseSpeedMps: 12, turnRadiusM: 0, enduranceS: 1800, reserveFraction: 0.25 };
export const FIXED_WING: Vehicle = { type: 'fixed-wing', cruiseSpeedMps: 18, turnRadiusM: 60, enduranceS: 5400, reserveFraction: 0.2, climbRateMps: 2.5 };

/** Points east/north of an origin, m. */
export function offset(origin: { lat: number; lon: number }, east: number, north: number): { lat: number; lon: number } {
  return new LocalFrame(origin).unproject(east, north);
}

export function samplePlan(): FlightPlan {
  const wp = (e: number, n: number, altM: number, extra: Partial<Waypoint> = {}): Waypoint => ({ ...offset(UTRECHT, e, n), altM, ...extra });
  return {
    name: 'Utrecht sample',
    vehicle: MULTIROTOR,
    home: { lat: UTRECHT.lat, lon: UTRECHT.lon, altAmslM: 4.5 },
    startTime: '2024-06-03T09:30:00Z',
    waypoints: [wp(-300, -400, 40), wp(-300, 400, 40), wp(-250, 400, 40, { speedMps: 8 }), wp(-250, -400, 40, { holdS: 10 }), wp(-200, -400, 60), wp(-200, 400, 60)],
    geofence: {
      polygons: [{ inclusion: true, polygon: [offset(UTRECHT, -800, -800), offset(UTRECHT, -800, 800), offset(UTRECHT, 800, 800), offset(UTRECHT, 800, -800)] }],
      circles: [{ inclusion: false, center: offset(UTRECHT, 500, 0), radiusM: 75 }],
    },
  };
}

function round(x: number, decimals: number): number {
  return Number(x.toFixed(decimals));
}

export function randomVehicle(rng: Rng): Vehicle {
  const type = rng.pick(VEHICLE_TYPES);
  return {
    type,
    cruiseSpeedMps: round(rng.uniform(4, 30), 2),
    turnRadiusM: type === 'multirotor' ? 0 : round(rng.uniform(20, 120), 1),
    enduranceS: round(rng.uniform(600, 7200), 0),
    reserveFraction: round(rng.uniform(0, 0.4), 2),
    ...(rng.next() < 0.5 ? { climbRateMps: round(rng.uniform(1, 5), 2) } : {}),
  };
}

/** A clockwise polygon (as QGroundControl asks) around a point. */
function fence(rng: Rng, centre: { lat: number; lon: number }): GeofencePolygon {
  const n = rng.int(3, 8);
  const r = rng.uniform(500, 3000);
  const polygon = Array.from({ length: n }, (_, k) => {
    const a = -(2 * Math.PI * k) / n; // decreasing angle: clockwise seen from above
    return offset(centre, r * Math.cos(a), r * Math.sin(a));
  });
  return { inclusion: rng.next() < 0.7, polygon };
}

export function randomPlan(seed: number): FlightPlan {
  const rng = createRng(seed);
  const home = { lat: rng.uniform(-60, 65), lon: rng.uniform(-179, 179) };
  const n = rng.int(1, 30);
  const waypoints: Waypoint[] = Array.from({ length: n }, () => {
    const p = offset(home, rng.uniform(-5000, 5000), rng.uniform(-5000, 5000));
    return {
      lat: p.lat,
      lon: p.lon,
      altM: round(rng.uniform(5, 200), 2),
      ...(rng.next() < 0.2 ? { holdS: round(rng.uniform(1, 60), 1) } : {}),
      ...(rng.next() < 0.2 ? { speedMps: round(rng.uniform(3, 25), 1) } : {}),
    };
  });
  const withFence = rng.next() < 0.5;
  return {
    name: `Random plan ${seed}`,
    vehicle: randomVehicle(rng),
    home: { ...home, ...(rng.next() < 0.7 ? { altAmslM: round(rng.uniform(-10, 2500), 2) } : {}) },
    ...(rng.next() < 0.5 ? { startTime: new Date(Date.UTC(2024, 0, 1) + rng.int(0, 365 * 86400) * 1000).toISOString() } : {}),
    waypoints,
    ...(withFence ? { geofence: { polygons: [fence(rng, home)], circles: rng.next() < 0.5 ? [{ inclusion: false, center: offset(home, 100, 100), radiusM: round(rng.uniform(10, 500), 1) }] : [] } } : {}),
  };
}
