/**
 * Flight operations over HTTP against a real server: the default airspace
 * authorities (embedded Natural Earth, said so), a survey plan made and
 * exported, a plan that crosses into Germany refused at export (409 with
 * its violations) unless an admin overrides with a reason (audited), a
 * mission file imported back, an official boundary file replacing the
 * embedded approximation, and a flown track's excursion found.
 */
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { call, makeUser, startServer, type TestServer } from './harness.js';

let s: TestServer;
let analyst: { token: string };
let admin: { token: string };

before(async () => {
  s = await startServer({ jobThreads: 1 });
  analyst = await makeUser(s.store, 'pilot', 'analyst');
  admin = await makeUser(s.store, 'chief', 'admin');
});

after(async () => {
  await s.close();
});

const as = (t: { token: string }) => ({ auth: { token: t.token } });
const VEHICLE = { type: 'multirotor', cruiseSpeedMps: 10, turnRadiusM: 0, enduranceS: 1500, reserveFraction: 0.25 };
/** From Dutch Twente east across the border into Germany and back. */
const CROSSING = {
  name: 'Across the border',
  vehicle: VEHICLE,
  home: { lat: 52.25, lon: 6.85 },
  waypoints: [{ lat: 52.25, lon: 6.85, altM: 40 }, { lat: 52.25, lon: 7.15, altM: 40 }, { lat: 52.25, lon: 6.85, altM: 40 }],
};

test('the default authorities say their boundaries are the embedded approximation', async () => {
  const r = (await call(s.base, 'GET', '/api/authorities', undefined, as(analyst))).json as { authorities: Array<{ id: string; origin: string; boundary_source: { kind: string; name: string } }> };
  const ids = r.authorities.map((a) => a.id);
  assert.ok(ids.includes('national-nl') && ids.includes('partner-nl-example'), ids.join(','));
  for (const a of r.authorities) {
    assert.equal(a.origin, 'default');
    assert.equal(a.boundary_source.kind, 'embedded');
    assert.match(a.boundary_source.name, /Natural Earth/);
  }
  const one = (await call(s.base, 'GET', '/api/authorities/national-nl', undefined, as(analyst))).json as { geojson: { features: Array<{ properties: { role: string } }> } };
  assert.ok(one.geojson.features.some((f) => f.properties.role === 'forbidden'));
  assert.equal((await call(s.base, 'GET', '/api/authorities/nowhere', undefined, as(analyst))).status, 404);
});

test('a survey over an area in the Netherlands is planned, checks clean, and exports as a .plan (audited)', async () => {
  const area = { type: 'Polygon', coordinates: [[[5.11, 52.085], [5.13, 52.085], [5.13, 52.097], [5.11, 52.097], [5.11, 52.085]]] };
  const made = await call(s.base, 'POST', '/api/plans/survey', { name: 'Utrecht west', area, wind: { speed_mps: 4, from_deg: 270 }, stability: 'D', altitudes_m: [30], authority_id: 'national-nl' }, as(analyst));
  assert.equal(made.status, 201, JSON.stringify(made.json));
  const p = made.json as { id: string; plan: { waypoints: unknown[] }; survey: { spacingM: number; transects: number; coverage: number }; check: { clean: boolean }; timeline: { total_distance_m: number } };
  assert.ok(p.plan.waypoints.length >= 4);
  assert.ok(p.survey.transects >= 2 && p.survey.spacingM > 0);
  assert.equal(p.check.clean, true);
  const exp = await fetch(`${s.base}/api/plans/${p.id}/exports`, { method: 'POST', headers: { authorization: `Bearer ${analyst.token}`, 'content-type': 'application/json' }, body: JSON.stringify({ format: 'qgc-plan' }) });
  assert.equal(exp.status, 200);
  assert.match(exp.headers.get('content-disposition') ?? '', /attachment; filename="Utrecht_west\.plan"/);
  const doc = (await exp.json()) as { fileType: string; mission: { items: unknown[] } };
  assert.equal(doc.fileType, 'Plan');
  assert.ok(doc.mission.items.length >= p.plan.waypoints.length);
  const audit = await s.store.audit.list({ action: 'plan.export', target: p.id });
  assert.equal(audit.length, 1);
  assert.equal(audit[0]!.actor, 'pilot');
});

test('a plan that enters Germany is refused at export with its violations; only an admin with a reason may override, and that is audited', async () => {
  const made = await call(s.base, 'POST', '/api/plans', { plan: CROSSING, authority_id: 'national-nl' }, as(analyst));
  assert.equal(made.status, 201, JSON.stringify(made.json));
  const p = made.json as { id: string; check: { clean: boolean; violations: Array<{ kind: string; lat: number; lon: number; timeOffsetS: number }> } };
  assert.equal(p.check.clean, false);
  const out = p.check.violations.find((v) => v.kind === 'outside-permitted' || v.kind === 'inside-forbidden')!;
  assert.ok(out !== undefined, JSON.stringify(p.check.violations));
  // The border east of Enschede lies near 7.0°E at this latitude; the exit is found there, some minutes into the flight.
  assert.ok(out.lon > 6.95 && out.lon < 7.1, `exit at ${out.lon}`);
  assert.ok(out.timeOffsetS > 60, `at ${out.timeOffsetS} s`);
  const refused = await call(s.base, 'POST', `/api/plans/${p.id}/exports`, { format: 'qgc-wpl' }, as(analyst));
  assert.equal(refused.status, 409);
  const body = refused.json as { error: { code: string }; violations: unknown[] };
  assert.equal(body.error.code, 'NARIZ_AIRSPACE_VIOLATION');
  assert.equal(body.violations.length, p.check.violations.length);
  assert.equal((await call(s.base, 'POST', `/api/plans/${p.id}/exports`, { format: 'qgc-wpl', override: true, reason: 'cleared with the German liaison' }, as(analyst))).status, 403);
  assert.equal((await call(s.base, 'POST', `/api/plans/${p.id}/exports`, { format: 'qgc-wpl', override: true }, as(admin))).status, 400, 'a reason is required');
  const ok = await call(s.base, 'POST', `/api/plans/${p.id}/exports`, { format: 'qgc-wpl', override: true, reason: 'cleared with the German liaison, ref 2026-114' }, as(admin));
  assert.equal(ok.status, 200);
  assert.match(String(ok.json), /^QGC WPL 110/);
  const audit = await s.store.audit.list({ action: 'plan.export.override', target: p.id });
  assert.equal(audit.length, 1);
  assert.equal(audit[0]!.actor, 'chief');
  assert.equal(audit[0]!.details['reason'], 'cleared with the German liaison, ref 2026-114');
  // The exported file imports back as the same route.
  const back = await call(s.base, 'POST', '/api/plan-imports?name=reimported&file=x.waypoints', String(ok.json), { type: 'text/plain', ...as(analyst) });
  assert.equal(back.status, 201, JSON.stringify(back.json));
  const wp = (back.json as { plan: { waypoints: Array<{ lat: number; lon: number; altM: number }> }; imported: { format: string } });
  assert.equal(wp.imported.format, 'qgc-wpl');
  assert.deepEqual(wp.plan.waypoints.map((w) => [w.lat.toFixed(6), w.lon.toFixed(6), w.altM]), CROSSING.waypoints.map((w) => [w.lat.toFixed(6), w.lon.toFixed(6), w.altM]));
  assert.equal((await call(s.base, 'POST', '/api/plan-imports', 'not a mission file', { type: 'text/plain', ...as(analyst) })).status, 400);
});

test('an official boundary file replaces the embedded approximation (admins only), and removing it brings the default back', async () => {
  const zone = { type: 'FeatureCollection', features: [{ type: 'Feature', properties: { name: 'Official zone A', role: 'permitted' }, geometry: { type: 'Polygon', coordinates: [[[5.0, 52.0], [5.3, 52.0], [5.3, 52.2], [5.0, 52.2], [5.0, 52.0]]] } }] };
  const body = { name: 'Coordination zones, official 2026', geojson: zone };
  assert.equal((await call(s.base, 'POST', '/api/authorities/partner-nl-example/boundary', body, as(analyst))).status, 403);
  const r = await call(s.base, 'POST', '/api/authorities/partner-nl-example/boundary', body, as(admin));
  assert.equal(r.status, 200, JSON.stringify(r.json));
  const list = (await call(s.base, 'GET', '/api/authorities', undefined, as(analyst))).json as { authorities: Array<{ id: string; origin: string; replaces_default: boolean; boundary_source: { kind: string; name: string } }> };
  const a = list.authorities.find((x) => x.id === 'partner-nl-example')!;
  assert.deepEqual([a.origin, a.replaces_default, a.boundary_source.kind, a.boundary_source.name], ['stored', true, 'official', 'Coordination zones, official 2026']);
  const bad = await call(s.base, 'POST', '/api/authorities/partner-nl-example/boundary', { name: 'x', geojson: { type: 'FeatureCollection', features: [{ type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [[[5, 52], [5.1, 52]]] } }] } }, as(admin));
  assert.equal(bad.status, 400);
  assert.match(JSON.stringify(bad.json), /features\[0\]/);
  assert.equal((await call(s.base, 'DELETE', '/api/authorities/partner-nl-example', undefined, as(admin))).status, 204);
  const again = (await call(s.base, 'GET', '/api/authorities', undefined, as(analyst))).json as { authorities: Array<{ id: string; boundary_source: { kind: string } }> };
  assert.equal(again.authorities.find((x) => x.id === 'partner-nl-example')!.boundary_source.kind, 'embedded');
  assert.equal((await s.store.audit.list({ action: 'authority.boundary.load' })).length, 1);
});

test('a flown track that crossed into Germany shows where and when it left permitted airspace', async () => {
  const rows = ['time,lat,lon,alt_agl_m,wind_u_mps,wind_v_mps,hcl_ppb'];
  for (let i = 0; i <= 300; i++) rows.push(`${1_790_000_000 + i},52.25,${(6.85 + 0.001 * i).toFixed(4)},40,3,0,2.0`);
  assert.equal((await call(s.base, 'POST', '/api/sortie-uploads?name=border&id=border-1', rows.join('\n') + '\n', { type: 'text/csv', ...as(analyst) })).status, 201);
  const r = (await call(s.base, 'GET', '/api/sorties/border-1/airspace?authority_id=national-nl', undefined, as(analyst))).json as {
    samples: number; boundary_source: { kind: string }; excursions: Array<{ kind: string; fromTimeS: number; exit: { lon: number }; reentry: unknown }>;
  };
  assert.equal(r.samples, 301);
  assert.equal(r.boundary_source.kind, 'embedded');
  const out = r.excursions.filter((e) => e.kind === 'outside-permitted' || e.kind === 'inside-forbidden');
  assert.equal(out.length, 1, JSON.stringify(r.excursions));
  assert.ok(out[0]!.exit.lon > 6.95 && out[0]!.exit.lon < 7.1);
  assert.ok(Math.abs(out[0]!.fromTimeS - (1_790_000_000 + (out[0]!.exit.lon - 6.85) / 0.001)) < 1.5, 'the time of the exit matches its position');
  assert.equal(out[0]!.reentry, null, 'the track ends outside');
});
