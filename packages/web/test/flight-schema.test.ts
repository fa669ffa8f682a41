/**
 * The flight-operations readers on payloads shaped as docs/api.md gives them
 * (good ones read completely, with nulls and absent optional fields), and on
 * broken ones, refused with the path of the bad field. The same readers on
 * the real server's answers: flight-api-contract.test.ts.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readAuthorityDetail, readAuthorityList } from '../src/api/schema/authority.js';
import { contentDispositionFilename } from '../src/api/schema/content-disposition.js';
import { readLiveMessage } from '../src/api/schema/live-message.js';
import { readExportRefusal } from '../src/api/schema/plan-check.js';
import { readPlanDetail, readPlanList } from '../src/api/schema/plan-record.js';
import { SchemaError } from '../src/api/schema/read.js';
import { readTrackAirspace } from '../src/api/schema/track-airspace.js';
import { readVehicles } from '../src/api/schema/vehicle.js';
import { surveyRequestJson } from '../src/flight/survey-request.js';

const schemaError = (path: string) => (e: unknown): boolean => e instanceof SchemaError && e.path === path;
const clone = <T>(v: T): T => structuredClone(v);

const embedded = { kind: 'embedded', name: 'Natural Earth 1:50m admin-0 (embedded)', note: 'approximate' };
const authority = {
  id: 'national-nl',
  name: 'National authority (Netherlands)',
  description: 'A crew under Dutch authority',
  origin: 'default',
  replaces_default: false,
  boundary_source: embedded,
  altitude: { maxM: 120 },
  time_windows: [],
  permitted_areas: ['Netherlands window'],
  forbidden_areas: ['Germany (land and 12 nm territorial sea)'],
  bbox: [-1.5, 48.9, 9.6, 56.1],
  vertex_count: 4537,
};
const square = [[[6.9, 52.2], [7.2, 52.2], [7.2, 52.4], [6.9, 52.4], [6.9, 52.2]]];

test('authorities: the list and one with its areas; the boundary source is read, a bad one refused', () => {
  const list = readAuthorityList({ authorities: [authority, { ...authority, id: 'x', origin: 'stored', replaces_default: true, boundary_source: { kind: 'official', name: 'zones 2026', note: '' }, altitude: { minM: 10, maxM: 90 }, time_windows: [{ days: [1, 2], startUtc: '06:00', endUtc: '18:00' }], bbox: null }] });
  assert.equal(list.length, 2);
  assert.deepEqual(list[0]!.boundarySource, embedded);
  assert.deepEqual(list[0]!.altitude, { minM: null, maxM: 120 });
  assert.deepEqual([list[1]!.origin, list[1]!.replacesDefault, list[1]!.boundarySource.kind, list[1]!.bbox], ['stored', true, 'official', null]);
  assert.deepEqual(list[1]!.timeWindows, [{ days: [1, 2], startUtc: '06:00', endUtc: '18:00' }]);
  assert.deepEqual(list[1]!.altitude, { minM: 10, maxM: 90 });

  const bad = clone(authority);
  bad.boundary_source.kind = 'guessed';
  assert.throws(() => readAuthorityList({ authorities: [bad] }), schemaError('body.authorities[0].boundary_source.kind'));
  assert.throws(() => readAuthorityList({ authorities: [{ ...authority, vertex_count: 1.5 }] }), schemaError('body.authorities[0].vertex_count'));

  const geojson = {
    type: 'FeatureCollection',
    features: [
      { type: 'Feature', properties: { role: 'permitted', name: 'window', authorityId: 'national-nl' }, geometry: { type: 'MultiPolygon', coordinates: [square] } },
      { type: 'Feature', properties: { role: 'forbidden', name: 'Germany' }, geometry: { type: 'Polygon', coordinates: square } },
    ],
  };
  const d = readAuthorityDetail({ ...authority, geojson });
  assert.equal(d.areas.features.length, 2);
  assert.deepEqual(d.areas.features.map((f) => [f.properties.role, f.properties.name, f.geometry.type]), [['permitted', 'window', 'MultiPolygon'], ['forbidden', 'Germany', 'Polygon']]);
  const badRole = clone(geojson);
  badRole.features[1]!.properties.role = 'maybe';
  assert.throws(() => readAuthorityDetail({ ...authority, geojson: badRole }), schemaError('authority.geojson.features[1].properties.role'));
  assert.throws(() => readAuthorityDetail({ ...authority, geojson: { type: 'FeatureCollection', features: [{ type: 'Feature', properties: { role: 'permitted' }, geometry: { type: 'Polygon', coordinates: [[[6.9, 52.2], [7.2, 52.2]]] } }] } }), schemaError('authority.geojson.features[0].geometry.coordinates[0]'));
});

const violation = {
  kind: 'outside-permitted',
  lat: 52.25,
  lon: 7.0071,
  altM: 40,
  timeOffsetS: 1093.4,
  legIndex: 2,
  legKind: 'mission',
  waypointIndex: 1,
  end: { lat: 52.25, lon: 7.0071, altM: 40, timeOffsetS: 2341.2, legIndex: 3, legKind: 'mission', waypointIndex: 2 },
  areas: ['Netherlands window'],
  message: 'leaves the permitted airspace at 52.25000, 7.00710',
};
const planDetail = {
  id: 'p-1',
  name: 'Across the border',
  authority_id: 'national-nl',
  created_by: 'pilot',
  created_at: '2026-05-01T10:00:00.000Z',
  updated_at: '2026-05-01T10:00:00.000Z',
  plan: {
    name: 'Across the border',
    vehicle: { type: 'multirotor', cruiseSpeedMps: 10, turnRadiusM: 0, enduranceS: 1500, reserveFraction: 0.25 },
    home: { lat: 52.25, lon: 6.85 },
    waypoints: [{ lat: 52.25, lon: 6.85, altM: 40 }, { lat: 52.25, lon: 7.15, altM: 40, holdS: 5, speedMps: 8 }, { lat: 52.25, lon: 6.85, altM: 40 }],
  },
  timeline: {
    total_time_s: 4123.5,
    total_distance_m: 41_000,
    battery_fraction: 2.749,
    feasible: false,
    reason: 'the flight takes 4124 s but the usable endurance is 1125 s',
    waypoints: [{ index: 0, arrivalS: 13.3, departureS: 13.3, distanceM: 40, turn: {} }, { index: 1, arrivalS: 2060, departureS: 2065, distanceM: 20_540 }, { index: 2, arrivalS: 4110, departureS: 4110, distanceM: 41_000 }],
  },
  geojson: { type: 'FeatureCollection', features: [] },
  check: { authority_id: 'national-nl', boundary_source: embedded, clean: false, violations: [violation, { ...violation, kind: 'inside-forbidden', end: null, time: '2026-05-01T10:18:13.400Z', areas: ['Germany'] }] },
};

test('a plan with its timeline and check reads completely; absent optional fields are null', () => {
  const p = readPlanDetail(planDetail);
  assert.equal(p.authorityId, 'national-nl');
  assert.equal(p.plan.waypoints.length, 3);
  assert.deepEqual([p.plan.waypoints[0]!.holdS, p.plan.waypoints[1]!.holdS, p.plan.waypoints[1]!.speedMps], [null, 5, 8]);
  assert.equal(p.plan.startTime, null);
  assert.equal(p.timeline.feasible, false);
  assert.match(p.timeline.reason ?? '', /usable endurance/);
  assert.equal(p.timeline.waypoints[1]!.arrivalS, 2060);
  assert.equal(p.check?.clean, false);
  const [v1, v2] = p.check!.violations;
  assert.deepEqual([v1!.kind, v1!.legKind, v1!.waypointIndex, v1!.time, v1!.end?.legIndex], ['outside-permitted', 'mission', 1, null, 3]);
  assert.deepEqual([v2!.kind, v2!.end, v2!.time, v2!.areas], ['inside-forbidden', null, '2026-05-01T10:18:13.400Z', ['Germany']]);
  assert.equal(p.survey, null);
  assert.equal(p.imported, null);

  const unchecked = readPlanDetail({ ...planDetail, authority_id: null, check: null, imported: { format: 'qgc-wpl', notes: ['vehicle: defaults'] } });
  assert.deepEqual([unchecked.authorityId, unchecked.check, unchecked.imported], [null, null, { format: 'qgc-wpl', notes: ['vehicle: defaults'] }]);

  const survey = readPlanDetail({
    ...planDetail,
    survey: { transects: 19, transectsPerBand: [19], spacingM: 47.3, referenceRangeM: 300, downwindMarginM: 347, interceptRangesM: [null], interleave: 1, coverage: 1, flightTimeS: 1820, distanceM: 18_100, fitsEndurance: false, sortiesNeeded: 2, sortieFlightTimesS: [1084, 866], infeasibleSorties: [], warnings: [], sorties: 2 },
  });
  assert.deepEqual([survey.survey?.transects, survey.survey?.interceptRangesM, survey.survey?.sortiesNeeded, survey.survey?.fitsEndurance], [19, [null], 2, false]);
});

test('broken plans name the bad field', () => {
  const noWaypoints = clone(planDetail);
  noWaypoints.plan.waypoints = [];
  assert.throws(() => readPlanDetail(noWaypoints), /plan\.plan\.waypoints: expected at least one waypoint/);
  const badKind = clone(planDetail);
  badKind.check.violations[0]!.kind = 'too-close';
  assert.throws(() => readPlanDetail(badKind), schemaError('plan.check.violations[0].kind'));
  const badEnd = clone(planDetail);
  badEnd.check.violations[0] = { ...violation, end: { ...violation.end, timeOffsetS: Number.NaN } };
  assert.throws(() => readPlanDetail(badEnd), schemaError('plan.check.violations[0].end.timeOffsetS'));
  const badVehicle = clone(planDetail);
  badVehicle.plan.vehicle.type = 'balloon';
  assert.throws(() => readPlanDetail(badVehicle), schemaError('plan.plan.vehicle.type'));
  const { timeline: _dropped, ...noTimeline } = planDetail;
  assert.throws(() => readPlanDetail(noTimeline), schemaError('plan.timeline'));
  assert.throws(() => readPlanDetail({ ...planDetail, imported: { format: 'gpx', notes: [] } }), schemaError('plan.imported.format'));
});

test('the plan list, and an export refusal with its violations', () => {
  const list = readPlanList({ plans: [{ id: 'p-1', name: 'a', authority_id: null, created_by: 'pilot', created_at: 'x', updated_at: 'y' }] });
  assert.deepEqual(list, [{ id: 'p-1', name: 'a', authorityId: null, createdBy: 'pilot', createdAt: 'x', updatedAt: 'y' }]);
  assert.throws(() => readPlanList({ plans: [{ id: 'p-1', name: 'a', created_by: 'pilot', created_at: 'x', updated_at: 'y' }] }), schemaError('body.plans[0].authority_id'));
  const r = readExportRefusal({ error: { code: 'NARIZ_AIRSPACE_VIOLATION', message: 'export refused' }, violations: [violation] });
  assert.deepEqual([r.code, r.violations.length, r.violations[0]!.lon], ['NARIZ_AIRSPACE_VIOLATION', 1, 7.0071]);
  assert.throws(() => readExportRefusal({ error: { code: 'NARIZ_AIRSPACE_VIOLATION', message: 'x' } }), schemaError('refusal.violations'));
});

test('a flown track check: excursions with exit and re-entry (or none)', () => {
  const body = {
    sortie_id: 'border-1',
    authority_id: 'national-nl',
    boundary_source: embedded,
    samples: 301,
    excursions: [
      { kind: 'outside-permitted', fromIndex: 158, toIndex: 300, fromTimeS: 1_790_000_157.4, toTimeS: 1_790_000_300, exit: { afterIndex: 157, fraction: 0.4, timeS: 1_790_000_157.4, lat: 52.25, lon: 7.0074, altM: 40 }, reentry: null, areas: ['window'], message: 'left' },
      { kind: 'altitude', fromIndex: 5, toIndex: 4, fromTimeS: 10, toTimeS: 11, exit: { timeS: 10, lat: 1, lon: 2, altM: 121 }, reentry: { timeS: 11, lat: 1, lon: 2.1, altM: 119 }, areas: [], message: 'too high' },
    ],
  };
  const r = readTrackAirspace(body);
  assert.equal(r.samples, 301);
  assert.equal(r.excursions[0]!.reentry, null);
  assert.deepEqual(r.excursions[1]!.reentry, { timeS: 11, lat: 1, lon: 2.1, altM: 119 });
  const bad = clone(body);
  bad.excursions[0]!.exit.lat = Number.POSITIVE_INFINITY;
  assert.throws(() => readTrackAirspace(bad), schemaError('airspace.excursions[0].exit.lat'));
});

const vehicle = {
  sysid: 1,
  endpoint: '127.0.0.1:50000',
  last_seen: '2026-05-01T10:00:00.000Z',
  lat: 52.25,
  lon: 7.1,
  alt_above_home_m: 40,
  course_deg: 90,
  ground_speed_mps: 10,
  sortie_id: null,
  samples: 0,
  frames: 12,
  airspace: { authority_id: 'national-nl', allowed: false, inside_forbidden: ['Germany'], since: '2026-05-01T09:59:58.000Z' },
};

test('vehicles over MAVLink: the list with endpoint counts, and live vehicle messages', () => {
  const s = readVehicles({ listening: true, vehicles: [vehicle, { ...vehicle, sysid: 2, lat: null, lon: null, alt_above_home_m: null, course_deg: null, ground_speed_mps: null, airspace: null }], endpoints: [{ endpoint: '127.0.0.1:50000', bytes: 900, packets: 30, crc_errors: 1, dropped_bytes: 23, unknown_ids: 0 }] });
  assert.equal(s.listening, true);
  assert.deepEqual(s.vehicles[0]!.airspace, { authorityId: 'national-nl', allowed: false, insideForbidden: ['Germany'], since: '2026-05-01T09:59:58.000Z' });
  assert.deepEqual([s.vehicles[1]!.lat, s.vehicles[1]!.courseDeg, s.vehicles[1]!.airspace], [null, null, null]);
  assert.deepEqual(s.endpoints[0], { endpoint: '127.0.0.1:50000', bytes: 900, packets: 30, crcErrors: 1, droppedBytes: 23, unknownIds: 0 });
  assert.throws(() => readVehicles({ listening: true, vehicles: [{ ...vehicle, sysid: '1' }], endpoints: [] }), schemaError('body.vehicles[0].sysid'));
  assert.throws(() => readVehicles({ listening: true, vehicles: [], endpoints: [{ endpoint: 'x', bytes: 1, packets: 1, crc_errors: -0.5, dropped_bytes: 0, unknown_ids: 0 }] }), schemaError('body.endpoints[0].crc_errors'));

  const m = readLiveMessage({ type: 'vehicle', vehicle });
  assert.ok(m !== null && m.type === 'vehicle');
  assert.equal(m.vehicle.sysid, 1);
  assert.throws(() => readLiveMessage({ type: 'vehicle', vehicle: { ...vehicle, airspace: { allowed: 'no' } } }), schemaError('live.vehicle.airspace.authority_id'));
});

test('the download name from Content-Disposition', () => {
  assert.equal(contentDispositionFilename('attachment; filename="Utrecht_west.plan"'), 'Utrecht_west.plan');
  assert.equal(contentDispositionFilename('attachment; filename=plan.kml'), 'plan.kml');
  assert.equal(contentDispositionFilename(`attachment; filename="a.plan"; filename*=UTF-8''Zona%20norte%20%C3%B1.plan`), 'Zona norte ñ.plan');
  assert.equal(contentDispositionFilename('attachment; filename="quoted \\"name\\".waypoints"'), 'quoted "name".waypoints');
  assert.equal(contentDispositionFilename('attachment; filename="../../etc/passwd"'), 'passwd', 'no path');
  assert.equal(contentDispositionFilename('attachment; filename=".."'), null);
  assert.equal(contentDispositionFilename('attachment'), null);
  assert.equal(contentDispositionFilename(null), null);
  assert.equal(contentDispositionFilename(`attachment; filename*=UTF-8''%E0%A4%A`), null, 'a malformed encoding, nothing else');
});

test('the survey request body uses the API names and leaves out what is not set', () => {
  const area = [[5.11, 52.085], [5.13, 52.085], [5.13, 52.097], [5.11, 52.085]] as const;
  const body = surveyRequestJson({
    name: null,
    area,
    windSpeedMps: 4,
    windFromDeg: 270,
    stability: 'D',
    altitudesM: [30, 50],
    vehicleType: 'fixed-wing',
    vehicle: { cruiseSpeedMps: 18, turnRadiusM: 50, enduranceS: 3600, reserveFraction: 0.2 },
    home: null,
    startTime: null,
    authorityId: 'national-nl',
  });
  assert.deepEqual(body, {
    area: { type: 'Polygon', coordinates: [area.map((p) => [...p])] },
    wind: { speed_mps: 4, from_deg: 270 },
    stability: 'D',
    altitudes_m: [30, 50],
    vehicle_type: 'fixed-wing',
    vehicle: { cruise_speed_mps: 18, turn_radius_m: 50, endurance_s: 3600, reserve_fraction: 0.2 },
    authority_id: 'national-nl',
  });
  const withHome = surveyRequestJson({ name: 'n', area, windSpeedMps: 4, windFromDeg: 0, stability: 'F', altitudesM: [30], vehicleType: 'vtol', vehicle: { cruiseSpeedMps: 16, turnRadiusM: 40, enduranceS: 3600, reserveFraction: 0.2 }, home: [5.12, 52.09], startTime: '2026-05-01T06:30:00.000Z', authorityId: null });
  assert.deepEqual([withHome['name'], withHome['home'], withHome['start_time'], 'authority_id' in withHome], ['n', { lat: 52.09, lon: 5.12 }, '2026-05-01T06:30:00.000Z', false]);
});
