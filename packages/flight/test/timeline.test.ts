import assert from 'node:assert/strict';
import test from 'node:test';
import { isNarizError } from '@nariz/core';
import { parsePlan, planTimeline, type FlightPlan, type Vehicle } from '../src/index.js';
import { offset, samplePlan, UTRECHT } from './plan-factory.js';

const near = (a: number, b: number, tol: number, what: string): void => assert.ok(Math.abs(a - b) <= tol, `${what}: ${a} vs ${b} (±${tol})`);

const copter: Vehicle = { type: 'multirotor', cruiseSpeedMps: 10, turnRadiusM: 0, enduranceS: 1000, reserveFraction: 0.2, climbRateMps: 2 };

function plan(vehicle: Vehicle, points: Array<[number, number, number, { holdS?: number; speedMps?: number }?]>): FlightPlan {
  return { name: 't', vehicle, home: { ...UTRECHT }, waypoints: points.map(([e, n, altM, extra]) => ({ ...offset(UTRECHT, e, n), altM, ...extra })) };
}

test('straight legs: take-off, legs, return and landing timed at speed and climb rate', () => {
  const t = planTimeline(plan(copter, [[1000, 0, 50], [2000, 0, 50]]));
  assert.deepEqual(t.legs.map((l) => l.kind), ['takeoff', 'outbound', 'mission', 'return', 'landing']);
  near(t.waypoints[0]!.arrivalS, 25 + 100, 1e-6, 'arrival at WP0');
  near(t.waypoints[1]!.arrivalS, 225, 1e-6, 'arrival at WP1');
  near(t.totalTimeS, 450, 1e-6, 'total time');
  near(t.totalDistanceM, 50 + 1000 + 1000 + 2000 + 50, 1e-4, 'distance');
  near(t.waypoints[1]!.distanceM, 50 + 2000, 1e-4, 'distance at WP1');
  assert.equal(t.feasible, true, '450 s fit in 1000 s less 20 %');
  near(t.usableEnduranceS, 800, 1e-9, 'usable endurance');
});

test('feasibility keeps the reserve', () => {
  const p = plan({ ...copter, enduranceS: 500, reserveFraction: 0.2 }, [[1000, 0, 50], [2000, 0, 50]]);
  const t = planTimeline(p);
  assert.equal(t.feasible, false);
  assert.match(t.reason ?? '', /usable endurance is 400 s/);
  near(t.batteryFraction, 0.9, 1e-9, 'battery fraction');
  assert.equal(planTimeline({ ...p, vehicle: { ...p.vehicle, reserveFraction: 0 } }).feasible, true);
});

test('fly-by turns cut corners by 2R·tan(Δ/2) − R·Δ', () => {
  const fw: Vehicle = { type: 'fixed-wing', cruiseSpeedMps: 20, turnRadiusM: 100, enduranceS: 3600, reserveFraction: 0.2, climbRateMps: 100 };
  const t = planTimeline(plan(fw, [[0, 1000, 100], [1000, 1000, 100]]));
  const r = 100;
  const cut90 = 2 * r * Math.tan(Math.PI / 4) - r * (Math.PI / 2);
  const cut135 = 2 * r * Math.tan((3 * Math.PI) / 8) - r * ((3 * Math.PI) / 4);
  near(t.horizontalDistanceM, 1000 + 1000 + Math.hypot(1000, 1000) - cut90 - cut135, 1e-3, 'horizontal distance');
  near(t.waypoints[0]!.turn.headingChangeRad, Math.PI / 2, 1e-6, 'turn at WP0');
  near(t.waypoints[1]!.turn.headingChangeRad, (3 * Math.PI) / 4, 1e-6, 'turn at WP1');
  assert.deepEqual(t.warnings, []);
  // A hold stops the vehicle: no arc at that waypoint, and the hold time is added.
  const held = planTimeline(plan(fw, [[0, 1000, 100, { holdS: 30 }], [1000, 1000, 100]]));
  near(held.horizontalDistanceM, t.horizontalDistanceM + cut90, 1e-3, 'no cut at a hold');
  near(held.waypoints[1]!.arrivalS - held.waypoints[0]!.departureS, (1000 - Math.tan((3 * Math.PI) / 8) * r + (r * 3 * Math.PI) / 8) / 20, 1e-6, 'leg after the hold');
});

test('a turn the radius cannot fit is flagged', () => {
  const fw: Vehicle = { type: 'fixed-wing', cruiseSpeedMps: 20, turnRadiusM: 200, enduranceS: 3600, reserveFraction: 0.2 };
  const t = planTimeline(plan(fw, [[0, 1000, 100], [0, 1100, 100], [100, 1100, 100]]));
  assert.ok(t.warnings.some((w) => /waypoint 1: a 90° turn needs radius 200 m/.test(w)), t.warnings.join('\n'));
});

test('speeds persist from the waypoint that sets them; the return flies at cruise speed', () => {
  const t = planTimeline(plan(copter, [[1000, 0, 0, { speedMps: 5 }], [2000, 0, 0]]));
  assert.deepEqual(t.legs.map((l) => l.speedMps), [10, 5, 5, 10, 10]);
  near(t.totalTimeS, 200 + 200 + 200, 1e-6, 'total time');
});

test('wind: a fixed-wing flies the wind triangle, a multirotor holds ground speed', () => {
  const fw: Vehicle = { type: 'fixed-wing', cruiseSpeedMps: 20, turnRadiusM: 0, enduranceS: 3600, reserveFraction: 0.2, climbRateMps: 1000 };
  const p = plan(fw, [[0, 2000, 0], [2000, 2000, 0], [0, 2000, 0]]);
  const wind = { speedMps: 10, fromDeg: 270 }; // blows toward the east
  const t = planTimeline(p, { wind });
  const dur = t.legs.map((l) => l.endS - l.startS);
  near(dur[1]!, 2000 / Math.sqrt(400 - 100), 1e-6, 'north leg: crosswind');
  near(dur[2]!, 2000 / 30, 1e-6, 'east leg: tailwind');
  near(dur[3]!, 2000 / 10, 1e-6, 'west leg: headwind');
  const c = planTimeline({ ...p, vehicle: { ...copter, climbRateMps: 1000, cruiseSpeedMps: 20 } }, { wind });
  near(c.legs[2]!.endS - c.legs[2]!.startS, 100, 1e-6, 'multirotor east leg');
  const storm = planTimeline(p, { wind: { speedMps: 25, fromDeg: 270 } });
  assert.equal(storm.feasible, false);
  assert.match(storm.reason ?? '', /too strong/);
});

test('parsePlan: a stored plan round-trips; bad fields are named by path', () => {
  const p = samplePlan();
  assert.deepEqual(parsePlan(JSON.parse(JSON.stringify(p))), p);
  const bad = JSON.parse(JSON.stringify(p)) as { waypoints: Array<Record<string, unknown>> };
  bad.waypoints[2]!['altM'] = 'high';
  assert.throws(() => parsePlan(bad, 'plan.json'), (e: unknown) => isNarizError(e, 'NARIZ_PLAN_FORMAT') && e.location?.path === 'waypoints[2].altM' && /plan\.json, at waypoints\[2\]\.altM/.test(e.message));
  assert.throws(() => parsePlan({ ...p, waypoints: [] }), (e: unknown) => isNarizError(e, 'NARIZ_PLAN_FORMAT') && e.location?.path === 'waypoints');
  assert.throws(() => parsePlan({ ...p, vehicle: { ...p.vehicle, type: 'blimp' } }), (e: unknown) => isNarizError(e, 'NARIZ_PLAN_FORMAT') && e.location?.path === 'vehicle.type');
  assert.throws(() => parsePlan({ ...p, startTime: '2024-06-03 09:30' }), (e: unknown) => isNarizError(e, 'NARIZ_PLAN_FORMAT') && e.location?.path === 'startTime');
});
