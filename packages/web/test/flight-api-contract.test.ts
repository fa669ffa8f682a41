/**
 * The flight-operations readers against the real server (the built
 * packages/server on a fresh SQLite directory, signed in like the browser
 * with the session cookie and CSRF token): every answer the flight UI reads
 * goes through its reader here, and the map helpers run on what came back.
 * A survey planned from the form's own request; a mission file crossing
 * into Germany imported, refused at export with its violations and
 * overridden by the admin; an official boundary loaded and removed; a flown
 * track's excursion drawn through the decimated samples.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readAuthorityBody, readAuthorityDetail, readAuthorityList } from '../src/api/schema/authority.js';
import { contentDispositionFilename } from '../src/api/schema/content-disposition.js';
import { readExportRefusal } from '../src/api/schema/plan-check.js';
import { readPlanDetail, readPlanList } from '../src/api/schema/plan-record.js';
import { readSamples } from '../src/api/schema/samples.js';
import { readTrackAirspace } from '../src/api/schema/track-airspace.js';
import { readVehicles } from '../src/api/schema/vehicle.js';
import { readSurveyForm, vehicleFormValues } from '../src/flight/survey-form.js';
import { surveyRequestJson } from '../src/flight/survey-request.js';
import { excursionFeatures } from '../src/geo/excursion-features.js';
import { planFeatures } from '../src/geo/plan-features.js';
import { rectangleRing } from '../src/geo/ring-geometry.js';
import { violationFeatures } from '../src/geo/violation-features.js';
import { startServer, type RunningServer } from './e2e-harness.js';
import { CROSSING_WPL } from './mission-fixtures.js';

const INITIAL = 'contract-initial-pw';
const PASSWORD = 'contract-changed-pw-1';

let server: RunningServer;
let cookie = '';
let csrf = '';

interface Reply {
  readonly status: number;
  readonly json: unknown;
  readonly text: string;
  readonly headers: Headers;
}

async function call(method: string, path: string, body?: unknown, type = 'application/json'): Promise<Reply> {
  const headers: Record<string, string> = { cookie };
  if (method !== 'GET') headers['x-csrf-token'] = csrf;
  if (body !== undefined) headers['content-type'] = type;
  const res = await fetch(server.base + path, { method, headers, ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }) });
  const text = await res.text();
  let json: unknown = null;
  try {
    json = JSON.parse(text);
  } catch {
    json = null;
  }
  return { status: res.status, json, text, headers: res.headers };
}

async function signIn(password: string): Promise<boolean> {
  const res = await fetch(`${server.base}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password }) });
  assert.equal(res.status, 200, await res.clone().text());
  const m = /nariz_session=([^;]+)/.exec(res.headers.get('set-cookie') ?? '');
  assert.ok(m !== null, 'a session cookie');
  cookie = `nariz_session=${m[1]}`;
  const body: unknown = await res.json();
  assert.ok(typeof body === 'object' && body !== null && 'csrf_token' in body && typeof body.csrf_token === 'string' && 'must_change_password' in body);
  csrf = body.csrf_token;
  return body.must_change_password === true;
}

before(async () => {
  server = await startServer({ NARIZ_INITIAL_ADMIN_PASSWORD: INITIAL });
  if (await signIn(INITIAL)) {
    assert.equal((await call('PUT', '/api/session/password', { current_password: INITIAL, new_password: PASSWORD })).status, 204);
    await signIn(PASSWORD);
  }
});

after(async () => {
  await server?.stop();
});

test('authorities: the defaults state the embedded approximation; the national one has forbidden areas to draw', async () => {
  const r = await call('GET', '/api/authorities');
  assert.equal(r.status, 200);
  const list = readAuthorityList(r.json);
  const ids = list.map((a) => a.id);
  assert.ok(ids.includes('national-nl') && ids.includes('partner-nl-example'), ids.join());
  for (const a of list) assert.equal(a.boundarySource.kind, 'embedded');
  const nl = list.find((a) => a.id === 'national-nl')!;
  assert.equal(nl.altitude.maxM, 120);
  assert.ok(nl.forbiddenAreas.some((n) => n.startsWith('Germany')), nl.forbiddenAreas.join());
  const d = readAuthorityDetail((await call('GET', '/api/authorities/national-nl')).json);
  assert.equal(d.areas.features.length, nl.permittedAreas.length + nl.forbiddenAreas.length);
  assert.ok(d.areas.features.some((f) => f.properties.role === 'forbidden' && f.properties.name.startsWith('Germany')));
});

test('a survey planned from the form near the demo origin: estimate, clean check, exported as a .plan', async () => {
  const form = readSurveyForm(
    { name: 'Contract survey', windSpeed: '4', windFrom: '270', stability: 'D', altitudes: '30', vehicleType: 'multirotor', ...vehicleFormValues('multirotor'), startUtc: '' },
    rectangleRing([5.115, 52.087], [5.127, 52.094]),
    'national-nl',
  );
  assert.ok(form.ok);
  const r = await call('POST', '/api/plans/survey', surveyRequestJson(form.request));
  assert.equal(r.status, 201, r.text);
  const p = readPlanDetail(r.json);
  assert.ok(p.survey !== null, 'the estimate comes with the created plan');
  assert.ok(p.survey.transects >= 2 && p.survey.spacingM > 0 && p.survey.coverage > 0.5, JSON.stringify(p.survey));
  assert.equal(p.check?.clean, true);
  assert.equal(p.check?.boundarySource.kind, 'embedded');
  assert.equal(p.timeline.waypoints.length, p.plan.waypoints.length);
  assert.equal(planFeatures(p.plan).features.filter((f) => f.properties.kind === 'waypoint').length, p.plan.waypoints.length);
  // Opened again, the plan reads the same (without the survey estimate, which only the create answer has).
  const again = readPlanDetail((await call('GET', `/api/plans/${p.id}`)).json);
  assert.deepEqual([again.plan, again.survey], [p.plan, null]);
  const exp = await call('POST', `/api/plans/${p.id}/exports`, { format: 'qgc-plan' });
  assert.equal(exp.status, 200);
  assert.equal(contentDispositionFilename(exp.headers.get('content-disposition')), 'Contract_survey.plan');
  assert.ok(typeof exp.json === 'object' && exp.json !== null && 'fileType' in exp.json && exp.json.fileType === 'Plan');
});

test('a mission file crossing into Germany: violations along the route, export refused with them, the admin overrides', async () => {
  const r = await call('POST', '/api/plan-imports?name=Crossing&file=crossing.waypoints&authority_id=national-nl', CROSSING_WPL, 'text/plain');
  assert.equal(r.status, 201, r.text);
  const p = readPlanDetail(r.json);
  assert.equal(p.imported?.format, 'qgc-wpl');
  assert.ok(p.check !== null && !p.check.clean);
  const out = p.check.violations.find((v) => v.kind === 'outside-permitted' || v.kind === 'inside-forbidden');
  assert.ok(out !== undefined, JSON.stringify(p.check.violations));
  assert.ok(out.lon > 6.95 && out.lon < 7.1 && out.timeOffsetS > 60, `${out.lon} at ${out.timeOffsetS} s`);
  const fc = violationFeatures(p.plan, p.check.violations);
  const stretch = fc.features.find((f) => f.properties.role === 'stretch' && f.properties.kind === out.kind);
  assert.ok(stretch !== undefined && stretch.geometry.type === 'LineString');
  // Out to 7.15 and back: the stretch runs through the far waypoint.
  assert.ok(stretch.geometry.coordinates.some((c) => c[0] === 7.15), JSON.stringify(stretch.geometry.coordinates));

  const refused = await call('POST', `/api/plans/${p.id}/exports`, { format: 'qgc-plan' });
  assert.equal(refused.status, 409);
  const refusal = readExportRefusal(refused.json);
  assert.equal(refusal.code, 'NARIZ_AIRSPACE_VIOLATION');
  assert.equal(refusal.violations.length, p.check.violations.length);
  assert.match(refusal.message, /embedded boundaries/);
  assert.equal((await call('POST', `/api/plans/${p.id}/exports`, { format: 'qgc-plan', override: true, reason: 'short' })).status, 400);
  const ok = await call('POST', `/api/plans/${p.id}/exports`, { format: 'kml', override: true, reason: 'cleared with the German liaison, ref 2026-114' });
  assert.equal(ok.status, 200);
  assert.equal(ok.headers.get('x-nariz-violations'), String(p.check.violations.length));
  assert.equal(contentDispositionFilename(ok.headers.get('content-disposition')), 'Crossing.kml');
  assert.match(ok.text, /<kml/);

  const list = readPlanList((await call('GET', '/api/plans')).json);
  assert.ok(list.some((x) => x.id === p.id && x.authorityId === 'national-nl'));
  // Checked against another authority, the same plan reads with that one's check.
  const rechecked = readPlanDetail((await call('PUT', `/api/plans/${p.id}`, { authority_id: 'partner-nl-example' })).json);
  assert.equal(rechecked.check?.authorityId, 'partner-nl-example');
  assert.equal((await call('DELETE', `/api/plans/${p.id}`)).status, 204);
});

test('an official boundary file replaces the embedded approximation, and removing it brings the approximation back', async () => {
  const zone = { type: 'FeatureCollection', features: [{ type: 'Feature', properties: { name: 'Official zone A', role: 'permitted' }, geometry: { type: 'Polygon', coordinates: [[[5.0, 52.0], [5.3, 52.0], [5.3, 52.2], [5.0, 52.2], [5.0, 52.0]]] } }] };
  const r = await call('POST', '/api/authorities/partner-nl-example/boundary', { name: 'Zones 2026 (official)', geojson: zone });
  assert.equal(r.status, 200, r.text);
  const a = readAuthorityBody(r.json);
  assert.deepEqual([a.boundarySource.kind, a.boundarySource.name, a.origin, a.replacesDefault], ['official', 'Zones 2026 (official)', 'stored', true]);
  const d = readAuthorityDetail((await call('GET', '/api/authorities/partner-nl-example')).json);
  assert.deepEqual(d.areas.features.map((f) => [f.properties.role, f.properties.name]), [['permitted', 'Official zone A']]);
  assert.equal((await call('DELETE', '/api/authorities/partner-nl-example')).status, 204);
  const back = readAuthorityList((await call('GET', '/api/authorities')).json).find((x) => x.id === 'partner-nl-example');
  assert.equal(back?.boundarySource.kind, 'embedded');
});

test('a flown track that crossed into Germany: the excursion, drawn through the decimated samples', async () => {
  const rows = ['time,lat,lon,alt_agl_m,wind_u_mps,wind_v_mps,hcl_ppb'];
  for (let i = 0; i <= 300; i++) rows.push(`${1_790_000_000 + i},52.25,${(6.85 + 0.001 * i).toFixed(4)},40,3,0,2.0`);
  const up = await call('POST', '/api/sortie-uploads?name=border&id=border-1', `${rows.join('\n')}\n`, 'text/csv');
  assert.equal(up.status, 201, up.text);
  const r = readTrackAirspace((await call('GET', '/api/sorties/border-1/airspace?authority_id=national-nl')).json);
  assert.equal(r.samples, 301);
  const out = r.excursions.filter((e) => e.kind === 'outside-permitted' || e.kind === 'inside-forbidden');
  assert.equal(out.length, 1, JSON.stringify(r.excursions));
  const e = out[0]!;
  assert.equal(e.reentry, null, 'the track ends outside');
  const samples = readSamples((await call('GET', '/api/sorties/border-1/samples?max=50')).json);
  assert.ok(samples.step > 1, 'decimated');
  const fc = excursionFeatures(out, samples);
  const path = fc.features.find((f) => f.properties.role === 'outside');
  assert.ok(path !== undefined && path.geometry.type === 'LineString');
  const lons = path.geometry.coordinates.map((c) => c[0]!);
  assert.equal(lons[0], e.exit.lon);
  assert.ok(lons.length > 5 && lons.every((x, i) => i === 0 || x > lons[i - 1]!), `eastward beyond the exit: ${lons.join()}`);
  assert.ok(lons[lons.length - 1]! > 7.1);
});

test('vehicles: a server without MAVLink says it is not listening', async () => {
  const v = readVehicles((await call('GET', '/api/vehicles')).json);
  assert.deepEqual(v, { listening: false, vehicles: [], endpoints: [] });
});
