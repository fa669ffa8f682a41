import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import test from 'node:test';
import { isNarizError } from '@nariz/core';
import {
  airspaceAt,
  checkPlan,
  exportVerdict,
  requireExportAllowed,
  defaultAuthority,
  nationalAuthority,
  planTimeline,
  surveyPlan,
  type Authority,
  type FlightPlan,
  type SurveyOptions,
} from '../src/index.js';

const nl = nationalAuthority('528');
const vehicle = { type: 'multirotor' as const, cruiseSpeedMps: 10, turnRadiusM: 0, enduranceS: 3600, reserveFraction: 0.2 };

/** From Enschede east across the German border and back. */
const borderPlan: FlightPlan = {
  name: 'Across the border',
  vehicle,
  home: { lat: 52.215, lon: 6.9 },
  startTime: '2024-06-03T10:00:00Z',
  waypoints: [
    { lat: 52.215, lon: 6.95, altM: 100 },
    { lat: 52.215, lon: 7.05, altM: 100, holdS: 30 },
    { lat: 52.2, lon: 6.95, altM: 60 },
  ],
};

test('a route into Germany: where and when it leaves, on which leg, and where it comes back', () => {
  const v = checkPlan(borderPlan, nl);
  assert.equal(v.length, 1, v.map((x) => x.message).join('\n'));
  const x = v[0]!;
  assert.equal(x.kind, 'inside-forbidden');
  assert.equal(x.legKind, 'mission');
  assert.equal(x.waypointIndex, 1, 'on the leg toward the second waypoint');
  assert.ok(x.end !== null && x.end.waypointIndex === 2, 'back on the leg toward the third waypoint');
  // The exit lies on the border: 2 m before it the route is allowed, 2 m after it is not.
  const a = borderPlan.waypoints[0]!;
  const b = borderPlan.waypoints[1]!;
  const f = (x.lon - a.lon) / (b.lon - a.lon);
  const step = 2 / 6800; // 2 m as a fraction of the 6.8 km leg
  assert.equal(airspaceAt(nl, a.lat, a.lon + (f - step) * (b.lon - a.lon)).allowed, true);
  assert.equal(airspaceAt(nl, a.lat, a.lon + (f + step) * (b.lon - a.lon)).allowed, false);
  // Its time is the timeline's time at that point of the leg.
  const leg = planTimeline(borderPlan).legs[x.legIndex]!;
  assert.ok(Math.abs(x.timeOffsetS - (leg.startS + f * (leg.endS - leg.startS))) < 1e-6);
  assert.equal(x.time, new Date(Date.parse('2024-06-03T10:00:00Z') + x.timeOffsetS * 1000).toISOString());
  assert.match(x.message, /enters forbidden airspace \(Germany \(land and 12 nm territorial sea\)\) at 52\.21500, 6\.98\d+ \(100 m\), \d+ min \d+ s after take-off \(2024-06-03T10:\d\d:\d\d\.\d+Z\), on leg 1 → 2/);
});

test('a survey over Utrecht passes both default authorities', () => {
  const o = JSON.parse(readFileSync(new URL('../../test/fixtures/survey/in/square-west-d.json', import.meta.url), 'utf8')) as SurveyOptions;
  const r = surveyPlan(o);
  assert.deepEqual(checkPlan(r.plan, defaultAuthority('national-nl')), []);
  for (const s of r.sorties) assert.deepEqual(checkPlan(s, defaultAuthority('partner-nl-example')), []);
});

test('altitude: the exact point where the route climbs through the ceiling; take-off and landing ignore the floor', () => {
  const high: FlightPlan = { ...borderPlan, home: { lat: 52.09, lon: 5.12 }, waypoints: [{ lat: 52.09, lon: 5.13, altM: 100 }, { lat: 52.09, lon: 5.15, altM: 140 }, { lat: 52.1, lon: 5.15, altM: 100 }] };
  const v = checkPlan(high, { ...nl, altitude: { minM: 30, maxM: 120 } });
  assert.equal(v.length, 1, v.map((x) => x.message).join('\n'));
  assert.equal(v[0]!.kind, 'altitude');
  assert.ok(Math.abs(v[0]!.altM - 120) < 1e-9 && Math.abs(v[0]!.end!.altM - 120) < 1e-9);
  assert.equal(v[0]!.waypointIndex, 1);
  assert.equal(v[0]!.end!.waypointIndex, 2);
});

test('time windows: no start time is itself a violation; a window closing mid-flight is placed at its closing time', () => {
  const windows: Authority = { ...nl, timeWindows: [{ days: [1, 2, 3, 4, 5], startUtc: '08:00', endUtc: '10:10' }] };
  const plan: FlightPlan = { ...borderPlan, home: { lat: 52.09, lon: 5.12 }, waypoints: [{ lat: 52.09, lon: 5.2, altM: 60 }, { lat: 52.12, lon: 5.2, altM: 60 }] };
  const { startTime: _omit, ...noStart } = plan;
  const none = checkPlan(noStart, windows);
  assert.equal(none.length, 1);
  assert.equal(none[0]!.kind, 'time-window');
  assert.match(none[0]!.message, /no start time/);
  const v = checkPlan(plan, windows);
  assert.equal(v.length, 1);
  assert.equal(v[0]!.kind, 'time-window');
  assert.ok(Math.abs(v[0]!.timeOffsetS - 600) < 0.01, `${v[0]!.timeOffsetS}`);
  assert.equal(v[0]!.end, null);
  // The start time given to the check overrides the plan's.
  assert.deepEqual(checkPlan(plan, windows, { startTime: '2024-06-03T08:30:00Z' }), []);
});

test('partner authority: outside the coordination zones from take-off', () => {
  const amsterdam: FlightPlan = { ...borderPlan, home: { lat: 52.37, lon: 4.89 }, waypoints: [{ lat: 52.37, lon: 4.9, altM: 50 }] };
  const v = checkPlan(amsterdam, defaultAuthority('partner-nl-example'));
  assert.equal(v.length, 1);
  assert.equal(v[0]!.kind, 'outside-permitted');
  assert.equal(v[0]!.timeOffsetS, 0);
  assert.equal(v[0]!.legKind, 'takeoff');
  assert.equal(v[0]!.end, null);
  // In the Enschede example zone, the German part is cut off and Germany is named.
  const v2 = checkPlan({ ...borderPlan, home: { lat: 52.22, lon: 6.95 }, waypoints: [{ lat: 52.22, lon: 7.1, altM: 50 }] }, defaultAuthority('partner-nl-example'));
  assert.deepEqual(v2.map((x) => x.kind).sort(), ['inside-forbidden', 'outside-permitted']);
});

test('the export gate: a clean plan passes, a violating one is refused (409) unless overridden', () => {
  const verdict = exportVerdict(borderPlan, nl);
  assert.equal(verdict.clean, false);
  assert.equal(verdict.boundarySource.kind, 'embedded');
  assert.throws(() => requireExportAllowed(verdict, false), (e: unknown) => isNarizError(e, 'NARIZ_AIRSPACE_VIOLATION') && e.status === 409 && /Germany/.test(e.message) && /Natural Earth/.test(e.message));
  assert.doesNotThrow(() => requireExportAllowed(verdict, true));
  const clean = exportVerdict({ ...borderPlan, home: { lat: 52.09, lon: 5.12 }, waypoints: [{ lat: 52.09, lon: 5.13, altM: 50 }] }, nl);
  assert.equal(clean.clean, true);
  assert.doesNotThrow(() => requireExportAllowed(clean, false));
});
