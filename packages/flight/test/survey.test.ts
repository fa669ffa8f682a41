import assert from 'node:assert/strict';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import test from 'node:test';
import { isNarizError, LocalFrame } from '@nariz/core';
import type { Feature, Polygon } from 'geojson';
import { planGeoJson, planTimeline, surveyPlan, transectSpacingM, interceptRangeM, type SurveyOptions } from '../src/index.js';
import { assertNear } from './golden.js';
import { haversineM } from './geodesy-oracle.js';
import { MULTIROTOR, UTRECHT } from './plan-factory.js';

const fixtures = new URL('../../test/fixtures/survey/', import.meta.url);
const regen = process.env['REGEN'] === '1';

function input(name: string): SurveyOptions & { description: string } {
  return JSON.parse(readFileSync(new URL(`in/${name}.json`, fixtures), 'utf8')) as SurveyOptions & { description: string };
}

const frame = new LocalFrame(UTRECHT);
const en = (p: { lat: number; lon: number }): [number, number] => frame.project(p.lat, p.lon);

test('spacing is 2·sigma_y at 300 m: class D, Briggs rural, within 1 %', () => {
  // Briggs rural D: sigma_y = 0.08 x (1 + 1e-4 x)^-1/2 (Hanna, Briggs & Hosker 1982), computed here independently.
  const expected = 2 * ((0.08 * 300) / Math.sqrt(1 + 0.0001 * 300));
  const got = transectSpacingM({ stability: 'D', sigmaSet: 'briggs-rural' });
  assert.ok(Math.abs(got / expected - 1) < 0.01, `${got} vs ${expected}`);
  // Class F is narrower than the 40 m floor; class A wider than the 150 m ceiling at 300 m? (A: 2·0.22·300/√1.03 = 130 m).
  assert.equal(transectSpacingM({ stability: 'F', sigmaSet: 'briggs-rural' }), 40);
  assert.ok(transectSpacingM({ stability: 'A', sigmaSet: 'briggs-rural' }) > 120);
  // Intercept range: 2·sigma_z(x) = 27 m for class D rural; sigma_z = 0.06 x (1 + 0.0015 x)^-1/2.
  const x = interceptRangeM({ stability: 'D', sigmaSet: 'briggs-rural' }, 27);
  assert.ok(Math.abs((2 * 0.06 * x) / Math.sqrt(1 + 0.0015 * x) - 27) < 1e-6, `x_lo ${x}`);
  assert.equal(interceptRangeM({ stability: 'F', sigmaSet: 'briggs-rural' }, 200), Infinity);
});

test('square, wind from the west: north–south lines downwind of the upwind edge, over the area and the margin', () => {
  const o = input('square-west-d');
  const r = surveyPlan(o);
  const est = r.estimate;
  const expectedSpacing = transectSpacingM({ stability: 'D', sigmaSet: 'briggs-rural' });
  assert.ok(Math.abs(est.spacingM / expectedSpacing - 1) < 0.01);
  const bandLines = r.lines.filter((l) => l.band === 0);
  assert.equal(bandLines.length, est.transectsPerBand[0]);
  const xLo = est.interceptRangesM[0]!;
  for (const l of r.lines) {
    const [e0, n0] = en(l.start);
    const [e1, n1] = en(l.end);
    assert.ok(Math.abs(e1 - e0) < 0.05, `line runs north–south: Δeast ${e1 - e0}`);
    assert.ok(Math.min(n0, n1) < -700 && Math.max(n0, n1) > 700, `line covers the square's north–south extent: ${n0}..${n1}`);
    assert.ok(e0 >= -700 + est.interceptRangesM[l.band]! - 1e-6, `line at ${e0} is downwind of the upwind edge by x_lo`);
    assert.ok(e0 <= 700 + est.downwindMarginM + 1e-6, `line at ${e0} within the margin`);
  }
  const easts = bandLines.map((l) => en(l.start)[0]).sort((a, b) => a - b);
  for (let i = 1; i < easts.length; i++) assert.ok(Math.abs(easts[i]! - easts[i - 1]! - est.spacingM) < 0.01 * est.spacingM, 'consecutive lines one spacing apart');
  assert.ok(easts[0]! < -700 + xLo + est.spacingM, 'first line within a spacing of the first useful range');
  assert.ok(easts[easts.length - 1]! > 700 + est.downwindMarginM - est.spacingM, 'the pattern reaches the margin');
  assert.equal(est.coverage, 1);
  // Bands alternate: band 1 is flown from downwind back upwind.
  const band1 = r.lines.filter((l) => l.band === 1).map((l) => en(l.start)[0]);
  assert.ok(band1[0]! > band1[band1.length - 1]!);
});

test('flight distance equals a haversine sum of the legs (multirotor, no arcs) within 0.5 %', () => {
  const o = input('square-west-d');
  const r = surveyPlan(o);
  const p = r.plan;
  const pts = [{ ...p.home, altM: 0 }, ...p.waypoints, { ...p.home, altM: p.waypoints[p.waypoints.length - 1]!.altM }];
  let oracle = p.waypoints[0]!.altM; // take-off
  for (let i = 1; i < pts.length; i++) {
    const a = pts[i - 1]!;
    const b = pts[i]!;
    const alt0 = 'altM' in a ? a.altM : 0;
    oracle += Math.hypot(haversineM(a.lat, a.lon, b.lat, b.lon), b.altM - alt0);
  }
  oracle += p.waypoints[p.waypoints.length - 1]!.altM; // landing
  assert.ok(Math.abs(r.estimate.distanceM / oracle - 1) < 0.005, `${r.estimate.distanceM} vs ${oracle}`);
  // Time: every horizontal metre at 12 m/s plus climbs at the default 3 m/s (legs are level except take-off, band change, landing).
  assert.ok(r.estimate.flightTimeS > oracle / 12 && r.estimate.flightTimeS < oracle / 12 + 60);
});

test('endurance exceeded: split into sorties that each fit, flying every line in order', () => {
  const o = input('square-west-d');
  const r = surveyPlan(o);
  assert.equal(r.estimate.fitsEndurance, false);
  assert.ok(r.estimate.sortiesNeeded > 1);
  assert.equal(r.sorties.length, r.estimate.sortiesNeeded);
  for (const s of r.sorties) {
    const t = planTimeline(s, { wind: o.wind });
    assert.ok(t.feasible, `${s.name}: ${t.reason ?? ''}`);
    assert.match(s.name, /sortie \d+ of \d+/);
  }
  assert.deepEqual(r.sorties.flatMap((s) => s.waypoints), r.plan.waypoints);
  // Greedy: a sortie could not take the next line too.
  for (let k = 0; k + 1 < r.sorties.length; k++) {
    const s = r.sorties[k]!;
    const next = r.sorties[k + 1]!.waypoints.slice(0, 2);
    assert.equal(planTimeline({ ...s, waypoints: [...s.waypoints, ...next] }, { wind: o.wind }).feasible, false);
  }
  // A vehicle that cannot fly even one line: the sorties are flagged, not hidden.
  const tiny = surveyPlan({ ...o, vehicle: { ...MULTIROTOR, enduranceS: 90 } });
  assert.ok(tiny.estimate.infeasibleSorties.length > 0);
});

test('L shape: lines are clipped to where plumes from the area go', () => {
  const o = input('l-shape-west-d');
  const r = surveyPlan(o);
  const est = r.estimate;
  const sigmaAtMargin = 2 * ((0.08 * est.downwindMarginM) / Math.sqrt(1 + 0.0001 * est.downwindMarginM));
  let short = 0;
  let tall = 0;
  for (const l of r.lines) {
    const [e] = en(l.start);
    const north = Math.max(en(l.start)[1], en(l.end)[1]);
    if (e > 400 + est.downwindMarginM + 1) {
      // Downwind of the bar by more than the margin: only the arm's plumes (north <= 400 m) need crossing.
      assert.ok(north < 400 + sigmaAtMargin, `line at ${e.toFixed(0)} m reaches ${north.toFixed(0)} m north`);
      short++;
    } else if (e > est.interceptRangesM[0]! + 1 && e < 400 + est.downwindMarginM - 1) {
      // Within reach of the bar's sources (a slab [e - M, e - x_lo] that overlaps the bar).
      assert.ok(north > 1200, `line at ${e.toFixed(0)} m must cross the bar's plumes (reaches ${north.toFixed(0)} m)`);
      tall++;
    }
  }
  assert.ok(short > 3 && tall > 3, `short ${short}, tall ${tall}`);
  assert.equal(est.coverage, 1);
  // Cheaper than surveying the L's bounding square.
  const ring = (o.area as Polygon).coordinates[0]!;
  const lons = ring.map((p) => p[0]!);
  const lats = ring.map((p) => p[1]!);
  const [w, e, s, n] = [Math.min(...lons), Math.max(...lons), Math.min(...lats), Math.max(...lats)];
  const square = surveyPlan({ ...o, area: { type: 'Polygon', coordinates: [[[w, s], [e, s], [e, n], [w, n], [w, s]]] } });
  assert.ok(r.estimate.distanceM < 0.85 * square.estimate.distanceM, `${r.estimate.distanceM} vs ${square.estimate.distanceM}`);
});

test('coverage falls when lines are capped; the survey is deterministic', () => {
  const o = input('l-shape-west-d');
  const full = surveyPlan(o);
  const capped = surveyPlan({ ...o, maxTransects: 8 });
  assert.ok(capped.estimate.coverage < 0.9 && capped.estimate.coverage > 0, `coverage ${capped.estimate.coverage}`);
  assert.ok(capped.estimate.warnings.some((w) => /dropped by maxTransects/.test(w)));
  assert.deepEqual(surveyPlan(o), full);
});

test('turn radius larger than half the spacing: interleaved passes, no corner too tight', () => {
  const o = input('fixed-wing-southwest-c');
  const r = surveyPlan(o);
  assert.ok(r.estimate.interleave >= 2, `interleave ${r.estimate.interleave}`);
  assert.ok(r.estimate.spacingM * r.estimate.interleave >= 2 * o.vehicle.turnRadiusM);
  // Only the first corner (from the outbound leg) may be tight; every corner of the pattern fits the radius.
  const t = planTimeline(r.plan, { wind: o.wind });
  for (const w of t.waypoints.slice(1)) assert.equal(w.turn.tight, false, `waypoint ${w.index}`);
  // Lines run across the wind from 225°: along 135°/315°.
  const l = r.lines[0]!;
  const [e0, n0] = en(l.start);
  const [e1, n1] = en(l.end);
  const bearing = ((Math.atan2(e1 - e0, n1 - n0) * 180) / Math.PI + 360) % 180;
  assert.ok(Math.abs(bearing - 135) < 0.1, `bearing ${bearing}`);
});

test('bad survey options fail with NARIZ_USAGE', () => {
  const o = input('square-west-d');
  for (const over of [{ altitudesM: [] }, { wind: { speedMps: 0.2, fromDeg: 270 } }, { stability: 'G' }, { spacingM: -5 }, { maxTransects: 0 }]) {
    assert.throws(() => surveyPlan({ ...o, ...over } as SurveyOptions), (e: unknown) => isNarizError(e, 'NARIZ_USAGE'), JSON.stringify(over));
  }
  // A band the plume never reaches gets no lines; a survey with no lines at all is refused.
  assert.throws(() => surveyPlan({ ...o, stability: 'F', altitudesM: [200] }), (e: unknown) => isNarizError(e, 'NARIZ_USAGE') && /never/.test(e.message));
});

test('golden fixtures: survey plans as GeoJSON', () => {
  const names = readdirSync(new URL('in/', fixtures)).filter((n) => n.endsWith('.json')).sort();
  assert.ok(names.length >= 3);
  mkdirSync(new URL('out/', fixtures), { recursive: true });
  for (const name of names) {
    const o = input(name.replace(/\.json$/, ''));
    const r = surveyPlan(o);
    const area: Feature<Polygon, Record<string, unknown>> = {
      type: 'Feature',
      geometry: o.area as Polygon,
      properties: { role: 'area', description: o.description, ...r.estimate, interceptRangesM: r.estimate.interceptRangesM.map((x) => (Number.isFinite(x) ? x : null)) },
    };
    const fc = { type: 'FeatureCollection', features: [area, ...planGeoJson(r.plan, { wind: o.wind }).features] };
    const out = new URL(`out/${name.replace(/\.json$/, '.geojson')}`, fixtures);
    if (regen) writeFileSync(out, `${JSON.stringify(fc, null, 1)}\n`);
    assertNear(JSON.parse(JSON.stringify(fc)), JSON.parse(readFileSync(out, 'utf8')), name);
  }
});
