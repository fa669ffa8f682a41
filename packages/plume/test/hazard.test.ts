import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { builtinChemicals, isNarizError, isStabilityClass, type StabilityClass } from '@nariz/core';
import { assertNear as near } from '@nariz/core/testing';
import {
  computeHazardZones,
  defaultDirectionUncertaintyDeg,
  ensureCcw,
  hazardGeoJson,
  isTierSelection,
  plumeUnit,
  pointInRing,
  ringSignedArea,
  selectLevelThresholds,
  SIGMA_SET_INDEX,
  SIGMA_SETS,
  type HazardFeatureCollection,
  type HazardResult,
  type HazardScenario,
  type HazardZone,
  type PlanarRing,
  type SigmaSet,
} from '../src/index.js';

const chemicals = builtinChemicals();
const close = (actual: number, expected: number, rel: number, what: string): void =>
  assert.ok(Math.abs(actual - expected) <= rel * Math.abs(expected), `${what}: ${actual} vs ${expected} (rel tol ${rel})`);

/** Wind from the west (270°) blows toward east, so local east = downwind x and north = crosswind y. */
function scenario(over: Partial<HazardScenario> = {}): HazardScenario {
  return {
    lat: 34.5,
    lon: -112.3,
    chemical: chemicals.require('hcl'),
    rateGps: 1000,
    windSpeedMps: 3,
    windFromDeg: 270,
    stability: 'D',
    ...over,
  };
}

function zone(r: HazardResult, label: string): HazardZone {
  const z = r.zones.find((q) => q.label === label);
  assert.ok(z !== undefined, `zone ${label} present (have ${r.zones.map((q) => q.label).join(', ')})`);
  return z;
}

function only<T>(xs: readonly T[], what: string): T {
  assert.equal(xs.length, 1, `${what}: exactly one`);
  return xs[0]!;
}

function distanceToRing(x: number, y: number, ring: PlanarRing): number {
  let d = Infinity;
  for (let i = 0; i + 1 < ring.length; i++) {
    const [ax, ay] = ring[i]!;
    const [bx, by] = ring[i + 1]!;
    const l2 = (bx - ax) ** 2 + (by - ay) ** 2;
    const t = l2 === 0 ? 0 : Math.max(0, Math.min(1, ((x - ax) * (bx - ax) + (y - ay) * (by - ay)) / l2));
    d = Math.min(d, Math.hypot(x - ax - t * (bx - ax), y - ay - t * (by - ay)));
  }
  return d;
}

/** Concentration oracle straight from the kernel (kg/m^3) for a scenario with wind from 270°. */
function oracle(s: HazardScenario): (x: number, y: number) => number {
  const p = { sigmaSet: SIGMA_SET_INDEX[s.sigmaSet ?? 'briggs-rural'], stability: 'ABCDEF'.indexOf(s.stability), sourceHeightM: s.sourceHeightM ?? 0 };
  return (x, y) => (s.rateGps / 1000) * plumeUnit(p, x, y, s.receptorHeightM ?? 0, s.windSpeedMps);
}

test('ground source: the far tip and the contour lie on C = T (0.1 %)', () => {
  const s = scenario();
  const c = oracle(s);
  const r = computeHazardZones(s);
  for (const z of r.zones) {
    assert.ok(z.exceeded, `${z.label} exceeded`);
    assert.equal(z.startDownwindM, 0, `${z.label} starts at the source`);
    close(c(z.maxDownwindM, 0), z.thresholdKgM3, 1e-3, `${z.label} C_centre(x_max)`);
    const ring = only(z.footprintEnu, z.label);
    let checked = 0;
    for (const [x, y] of ring) {
      if (x < 1 || Math.abs(y) < 1e-9) continue; // the source point and the tip
      close(c(x, y), z.thresholdKgM3, 1e-3, `${z.label} contour at x=${x.toFixed(1)}`);
      checked++;
    }
    assert.ok(checked >= 2 * 64, `${z.label}: ${checked} contour vertices (>= 64 per side)`);
    // The widest point is a true maximum of the half-width on the contour.
    assert.ok(z.maxHalfWidthM >= Math.max(...ring.map(([, y]) => Math.abs(y))) - 1e-9, `${z.label} max half-width`);
  }
});

test('footprint area agrees with a brute-force 1 m raster (2 %)', () => {
  const s = scenario({ rateGps: 300 });
  const c = oracle(s);
  const z = zone(computeHazardZones(s), 'AEGL-2');
  const t = z.thresholdKgM3;
  let cells = 0;
  const xMax = Math.ceil(z.maxDownwindM) + 2;
  const yMax = Math.ceil(z.maxHalfWidthM) + 2;
  for (let i = 0; i < xMax; i++) {
    for (let j = -yMax; j < yMax; j++) if (c(i + 0.5, j + 0.5) >= t) cells++;
  }
  assert.ok(cells > 5000, `raster resolves the zone (${cells} cells)`);
  close(z.areaM2, cells, 0.02, 'area vs raster');
  close(z.areaM2, ringSignedArea(only(z.footprintEnu, 'AEGL-2')), 1e-12, 'area is the drawn polygon\'s');
});

test('zones nest: AEGL-3 inside AEGL-2 inside AEGL-1; footprint inside its envelope', () => {
  for (const over of [{}, { sourceHeightM: 10 }, { stability: 'F' as const, sigmaSet: 'pasquill-gifford' as const }, { receptorHeightM: 1.5 }]) {
    const r = computeHazardZones(scenario(over));
    const [a3, a2, a1] = (['AEGL-3', 'AEGL-2', 'AEGL-1'] as const).map((l) => only(zone(r, l).footprintEnu, l));
    // Inside, or on the boundary to within the sagitta of the envelope's 1° arc chords (4e-5 r).
    const inside = (inner: PlanarRing, outer: PlanarRing, what: string): void => {
      for (const [x, y] of inner) {
        if (Math.hypot(x, y) < 1e-9) continue; // the shared source vertex
        assert.ok(pointInRing(x, y, outer) || distanceToRing(x, y, outer) <= 1e-4 * Math.hypot(x, y), `${what} ${JSON.stringify(over)}: (${x.toFixed(2)}, ${y.toFixed(2)}) outside`);
      }
    };
    inside(a3!, a2!, 'AEGL-3 in AEGL-2');
    inside(a2!, a1!, 'AEGL-2 in AEGL-1');
    for (const z of r.zones) {
      const env = only(z.envelopeEnu, `${z.label} envelope`);
      // The envelope holds the footprint turned to either side by the full uncertainty angle.
      const th = (r.directionUncertaintyDeg * Math.PI) / 180;
      for (const sgn of [-1, 0, 1]) {
        const c = Math.cos(sgn * th);
        const sn = Math.sin(sgn * th);
        const turned: PlanarRing = only(z.footprintEnu, z.label).map(([x, y]) => [c * x - sn * y, sn * x + c * y]);
        inside(turned, env, `${z.label} turned ${sgn} in its envelope`);
      }
      assert.ok(z.envelopeAreaM2 > z.areaM2, `${z.label} envelope larger`);
    }
  }
});

test('elevated source: the zone starts downstream, on C = T', () => {
  const s = scenario({ sourceHeightM: 20 });
  const c = oracle(s);
  const r = computeHazardZones(s);
  const z = zone(r, 'AEGL-2');
  assert.ok(z.startDownwindM > 50, `starts at ${z.startDownwindM} m`);
  close(c(z.startDownwindM, 0), z.thresholdKgM3, 1e-3, 'C_centre(x_start)');
  close(c(z.maxDownwindM, 0), z.thresholdKgM3, 1e-3, 'C_centre(x_max)');
  const ring = only(z.footprintEnu, 'AEGL-2');
  assert.ok(!pointInRing(1, 0, ring) && !pointInRing(z.startDownwindM * 0.99, 0, ring), 'source side is outside the zone');
  assert.ok(pointInRing(z.startDownwindM * 1.01, 0, ring), 'just past the start is inside');
  // AEGL-3 is never reached from 20 m up: no zone, with the true maximum reported.
  const z3 = zone(r, 'AEGL-3');
  assert.equal(z3.exceeded, false);
  assert.equal(z3.footprintEnu.length, 0);
  let best = 0;
  for (let x = 1; x < 5000; x *= 1.0005) best = Math.max(best, c(x, 0));
  close(z3.maxConcentrationKgM3, best, 1e-3, 'no-zone maximum vs dense scan');
  assert.ok(z3.maxConcentrationKgM3 < z3.thresholdKgM3);
  const fc = hazardGeoJson(r);
  const noZone = fc.features.find((f) => f.properties.kind === 'footprint' && f.properties.tier === 'AEGL-3');
  assert.ok(noZone !== undefined && noZone.geometry === null && noZone.properties.kind === 'footprint' && noZone.properties.noZone);
  assert.ok(noZone.properties.maxConcentrationPpm > 0 && noZone.properties.maxConcentrationPpm < noZone.properties.thresholdPpm);
});

test('a narrow exceedance around an elevated peak is found, not stepped over', () => {
  const s0 = scenario({ sourceHeightM: 20 });
  const peak = zone(computeHazardZones(s0), 'AEGL-3').maxConcentrationKgM3;
  // Raise the rate so the peak is 0.01 % over AEGL-3: the zone is much shorter than the 2.3 % grid step.
  const s = scenario({ sourceHeightM: 20, rateGps: (1000 * zone(computeHazardZones(s0), 'AEGL-3').thresholdKgM3 * 1.0001) / peak });
  const z = zone(computeHazardZones(s), 'AEGL-3');
  assert.ok(z.exceeded, 'found');
  assert.ok(z.maxDownwindM > z.startDownwindM && z.maxDownwindM / z.startDownwindM < 1.2, `narrow: ${z.startDownwindM}..${z.maxDownwindM}`);
});

test('GeoJSON: closed counter-clockwise rings, per-tier properties, assumptions', () => {
  const r = computeHazardZones(scenario({ windFromDeg: 30, sourceHeightM: 5 }));
  const fc = hazardGeoJson(r);
  assert.equal(fc.type, 'FeatureCollection');
  let polygons = 0;
  for (const f of fc.features) {
    if (f.geometry === null || f.geometry.type === 'Point') continue;
    const polys = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
    for (const poly of polys) {
      const ring = poly[0]!;
      assert.ok(ring.length >= 4);
      assert.deepEqual(ring[0], ring[ring.length - 1], 'closed');
      assert.ok(ringSignedArea(ring) > 0, 'counter-clockwise');
      assert.deepEqual(ensureCcw(ring), ring);
      polygons++;
    }
    assert.ok(['footprint', 'direction-uncertainty'].includes(f.properties.kind));
  }
  assert.equal(polygons, 6);
  const src = fc.features.find((f) => f.properties.kind === 'source');
  assert.ok(src !== undefined && src.properties.kind === 'source');
  for (const phrase of ['Gaussian plume', 'Flat', 'Neutrally buoyant', 'No deposition', '60-minute', 'Continuous release', 'reflection', 'briggs-rural', 'class D', "60-min AEGL from the table, verify against EPA's AEGL table"]) {
    assert.ok(src.properties.assumptions.includes(phrase), `assumptions mention "${phrase}"`);
    assert.ok(fc.assumptions.some((a) => a.includes(phrase)));
  }
  // Downwind of a wind from 30° is toward 210° (south-south-west): the zone lies there.
  const a1 = fc.features.find((f) => f.properties.kind === 'footprint' && f.properties.tier === 'AEGL-1');
  assert.ok(a1 !== undefined && a1.geometry !== null && a1.geometry.type === 'Polygon');
  const lons = a1.geometry.coordinates[0]!.map((p) => p[0]);
  const lats = a1.geometry.coordinates[0]!.map((p) => p[1]);
  assert.ok(Math.min(...lats) < 34.5 - 0.01 && Math.min(...lons) < -112.3 - 0.005, 'zone lies to the south-west');
});

test('threshold tiers: AEGL first, PAC then ERPG per level, families on request', () => {
  const ether = selectLevelThresholds(chemicals.require('ether'));
  assert.deepEqual(ether.levels.map((l) => l.label), ['PAC-3', 'PAC-2', 'PAC-1']);
  assert.ok(ether.levels.every((l) => l.fallback));
  const ethanol = selectLevelThresholds(chemicals.require('ethanol'));
  assert.deepEqual(ethanol.levels.map((l) => l.label), ['ERPG-2', 'ERPG-1']);
  assert.deepEqual(ethanol.missing.map((m) => m.level), [3]);
  const co = selectLevelThresholds(chemicals.require('co'), 'aegl');
  assert.deepEqual(co.levels.map((l) => l.label), ['AEGL-3', 'AEGL-2']);
  assert.ok(co.missing[0]!.reason.includes('AEGL-1'));
  const r = computeHazardZones(scenario({ chemical: chemicals.require('ether') }));
  assert.ok(r.assumptions.some((a) => a.includes('PAC-1 for level 1 (fallback: no AEGL)')));
});

test('direction uncertainty: wide in light wind, narrow in strong wind; zero angle reproduces the footprint', () => {
  close(defaultDirectionUncertaintyDeg(1), 52.9, 2e-3, 'theta(1 m/s)');
  close(defaultDirectionUncertaintyDeg(5), 15.8, 3e-3, 'theta(5 m/s)');
  let prev = 91;
  for (const u of [1, 1.5, 2, 3, 5, 8, 12, 20, 40]) {
    const t = defaultDirectionUncertaintyDeg(u);
    assert.ok(t < prev && t > 11, `theta(${u}) = ${t}`);
    prev = t;
  }
  const z = zone(computeHazardZones(scenario({ directionUncertaintyDeg: 0 })), 'AEGL-2');
  close(z.envelopeAreaM2, z.areaM2, 5e-3, 'zero-angle envelope area');
});

test('bad scenarios fail early with NARIZ_USAGE', () => {
  for (const over of [{ windSpeedMps: 0.5 }, { rateGps: 0 }, { rateGps: Number.NaN }, { lat: 91 }, { sourceHeightM: -1 }, { directionUncertaintyDeg: 120 }]) {
    assert.throws(() => computeHazardZones(scenario(over)), (e: unknown) => isNarizError(e, 'NARIZ_USAGE'), JSON.stringify(over));
  }
});

// ---- Golden fixtures (Turf style): test/fixtures/hazard/in/*.json -> out/*.geojson; REGEN=1 rewrites them.

interface FixtureInput {
  readonly description: string;
  readonly lat: number;
  readonly lon: number;
  readonly chemical: string;
  readonly rateGps: number;
  readonly windSpeedMps: number;
  readonly windFromDeg: number;
  readonly stability: string;
  readonly sourceHeightM?: number;
  readonly sigmaSet?: string;
  readonly receptorHeightM?: number;
  readonly tiers?: string;
  readonly verticesPerSide?: number;
}

function fixtureScenario(f: FixtureInput): HazardScenario {
  assert.ok(isStabilityClass(f.stability), `stability ${f.stability}`);
  const sigma = f.sigmaSet ?? 'briggs-rural';
  assert.ok((SIGMA_SETS as readonly string[]).includes(sigma), `sigma ${sigma}`);
  const tiers = f.tiers ?? 'auto';
  assert.ok(isTierSelection(tiers));
  return {
    lat: f.lat,
    lon: f.lon,
    chemical: chemicals.require(f.chemical),
    rateGps: f.rateGps,
    windSpeedMps: f.windSpeedMps,
    windFromDeg: f.windFromDeg,
    stability: f.stability as StabilityClass,
    sourceHeightM: f.sourceHeightM ?? 0,
    sigmaSet: sigma as SigmaSet,
    receptorHeightM: f.receptorHeightM ?? 0,
    tiers,
    verticesPerSide: f.verticesPerSide ?? 64,
  };
}

/** Numbers to 1e-6 relative or 2e-7 absolute (one unit of the 7th coordinate decimal). */
const assertNear = (actual: unknown, expected: unknown, path: string): void => near(actual, expected, path, { abs: 2e-7, rel: 1e-6 });

const fixtures = new URL('../../test/fixtures/hazard/', import.meta.url);
const regen = process.env['REGEN'] === '1';

test('golden fixtures: hazard zones as GeoJSON', () => {
  const names = readdirSync(new URL('in/', fixtures)).filter((n) => n.endsWith('.json')).sort();
  assert.ok(names.length >= 3, `fixtures found: ${names.join(', ')}`);
  mkdirSync(new URL('out/', fixtures), { recursive: true });
  for (const name of names) {
    const input = JSON.parse(readFileSync(new URL(`in/${name}`, fixtures), 'utf8')) as FixtureInput;
    const fc: HazardFeatureCollection = hazardGeoJson(computeHazardZones(fixtureScenario(input)));
    const out = new URL(`out/${name.replace(/\.json$/, '.geojson')}`, fixtures);
    if (regen) writeFileSync(out, JSON.stringify(fc, null, 1) + '\n');
    const expected: unknown = JSON.parse(readFileSync(out, 'utf8'));
    assertNear(JSON.parse(JSON.stringify(fc)), expected, name);
  }
});
