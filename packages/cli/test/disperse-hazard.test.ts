import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { builtinChemicals, fromKgM3 } from '@nariz/core';

import { nariz, withTmp } from './run-cli.js';

const close = (actual: number, expected: number, rel: number, what: string): void =>
  assert.ok(Math.abs(actual - expected) <= rel * Math.abs(expected), `${what}: ${actual} vs ${expected} (rel tol ${rel})`);

const HAZARD = ['hazard', '--lat', '34.5', '--lon', '-112.3', '--chemical', 'hcl', '--rate-gps', '500', '--wind-mps', '4', '--wind-from-deg', '225', '--stability', 'D'];


test('disperse --json reproduces the Briggs-rural class D reference (7.1914e-5 kg/m3 at 500 m, 0.1 %)', () => {
  const r = nariz('disperse', '--rate-gps', '1000', '--wind-mps', '5', '--stability', 'D', '--at', '500,0,0', '--json');
  assert.equal(r.code, 0, r.stderr);
  const out = JSON.parse(r.stdout) as { kgM3: number; mgM3: number; receptor: { xM: number } };
  close(out.kgM3, 7.1914e-5, 1e-3, 'kg/m3');
  close(out.mgM3, 71.914, 1e-3, 'mg/m3');
  assert.equal(out.receptor.xM, 500);
});

test('disperse converts to a mixing ratio for a species', () => {
  const r = nariz('disperse', '--rate-gps', '1000', '--wind-mps', '5', '--stability', 'D', '--at', '500,0,0', '--species', 'acetone', '--unit', 'ppb', '--json');
  assert.equal(r.code, 0, r.stderr);
  const out = JSON.parse(r.stdout) as { kgM3: number; species: { name: string; unit: string; value: number } };
  assert.equal(out.species.name, 'ACETONE');
  assert.equal(out.species.unit, 'ppb');
  close(out.species.value, fromKgM3(out.kgM3, 'ppb', builtinChemicals().require('acetone').molarMassGmol), 1e-12, 'ppb');
  const text = nariz('disperse', '--rate-gps', '1000', '--wind-mps', '5', '--stability', 'D', '--at', '500,0,0', '--species', 'acetone');
  assert.equal(text.code, 0, text.stderr);
  assert.match(text.stdout, /kg\/m3/);
  assert.match(text.stdout, /mg\/m3/);
  assert.match(text.stdout, /ppm ACETONE/);
});

test('bad flags exit 2 with the reason on stderr', () => {
  const base = ['disperse', '--rate-gps', '1000', '--wind-mps', '5', '--stability', 'D', '--at', '500,0,0'];
  const cases: Array<[string[], RegExp]> = [
    [['disperse', '--rate-gps', 'lots', '--wind-mps', '5', '--stability', 'D', '--at', '500,0,0'], /NARIZ_USAGE: --rate-gps "lots" is not a number/],
    [['disperse', '--wind-mps', '5', '--stability', 'D', '--at', '500,0,0'], /--rate-gps is required/],
    [['disperse', '--rate-gps', '1', '--wind-mps', '0.2', '--stability', 'D', '--at', '500,0,0'], /--wind-mps "0.2" must be at least 1/],
    [['disperse', '--rate-gps', '1', '--wind-mps', '5', '--stability', 'Q', '--at', '500,0,0'], /--stability "Q" is not a Pasquill–Gifford class/],
    [['disperse', '--rate-gps', '1', '--wind-mps', '5', '--stability', 'D', '--at', '500,0'], /--at "500,0" must be three/],
    [['disperse', '--rate-gps', '1', '--wind-mps', '5', '--stability', 'D', '--at', '-5,0,0'], /--at "-5" must be greater than 0/],
    [[...base, '--sigma', 'gaussian'], /--sigma "gaussian" is not a dispersion-coefficient set/],
    [[...base, '--frobnicate'], /NARIZ_USAGE: Unknown option '--frobnicate'/],
    [[...base, '--species'], /NARIZ_USAGE: .*--species/],
    [[...base, '--species', 'unobtainium'], /NARIZ_UNKNOWN_SPECIES/],
    [[...base, '--unit', 'ppm'], /--unit needs --species/],
    [[...HAZARD.filter((a) => a !== '--lat' && a !== '34.5')], /--lat is required/],
    [[...HAZARD, '--tiers', 'idlh'], /--tiers "idlh" is not one of auto, aegl, pac, erpg/],
    [[...HAZARD, '--chemicals', '/nonexistent/table.csv'], /NARIZ_IO: .*cannot read the chemical table/],
    [['hazard', ...HAZARD.slice(1).map((a) => (a === '225' ? '400' : a))], /--wind-from-deg "400" must be at most 360/],
  ];
  for (const [args, reason] of cases) {
    const r = nariz(...args);
    assert.equal(r.code, 2, `${args.join(' ')}: exit ${r.code}, stderr ${r.stderr}`);
    assert.match(r.stderr, reason, args.join(' '));
    assert.equal(r.stdout, '', `${args.join(' ')}: nothing on stdout`);
  }
});

test('hazard --geojson writes valid GeoJSON with closed CCW rings and prints the table and assumptions', () => {
  withTmp((dir) => {
    const out = join(dir, 'zones.geojson');
    const r = nariz(...HAZARD, '--geojson', out);
    assert.equal(r.code, 0, r.stderr);
    for (const s of ['AEGL-3', 'AEGL-2', 'AEGL-1', 'Assumptions:', "verify against EPA's AEGL table", `GeoJSON written to ${out}`]) assert.ok(r.stdout.includes(s), `stdout has ${s}`);
    const fc = JSON.parse(readFileSync(out, 'utf8')) as {
      type: string;
      assumptions: string[];
      features: Array<{ type: string; geometry: { type: string; coordinates: unknown } | null; properties: Record<string, unknown> }>;
    };
    assert.equal(fc.type, 'FeatureCollection');
    assert.ok(fc.assumptions.length >= 8);
    const kinds = new Set(fc.features.map((f) => f.properties['kind']));
    assert.deepEqual([...kinds].sort(), ['direction-uncertainty', 'footprint', 'source']);
    let rings = 0;
    for (const f of fc.features) {
      assert.equal(f.type, 'Feature');
      if (f.geometry === null || f.geometry.type !== 'Polygon') continue;
      const ring = (f.geometry.coordinates as number[][][])[0]!;
      assert.deepEqual(ring[0], ring[ring.length - 1], 'closed');
      let s = 0;
      for (let i = 0; i + 1 < ring.length; i++) s += ring[i]![0]! * ring[i + 1]![1]! - ring[i + 1]![0]! * ring[i]![1]!;
      assert.ok(s > 0, 'counter-clockwise');
      for (const [lon, lat] of ring) assert.ok(Math.abs(lon! + 112.3) < 0.1 && Math.abs(lat! - 34.5) < 0.1, 'near the source');
      for (const k of ['tier', 'thresholdPpm', 'thresholdMgM3', 'maxDownwindM', 'maxHalfWidthM', 'areaM2']) assert.ok(k in f.properties, k);
      rings++;
    }
    assert.equal(rings, 6);
  });
});

test('hazard --json and --chemicals: a custom table with only ERPGs falls back, and says so', () => {
  withTmp((dir) => {
    const csv = join(dir, 'table.csv');
    writeFileSync(
      csv,
      'name,cas_number,molecular_weight,idlh,aegl1_60min,aegl2_60min,aegl3_60min,erpg1,erpg2,erpg3,pac1,pac2,pac3,lel,uel,normal_boiling_point_f\n' +
        'TESTGAS,7647-1-0,36.46,,,,,3 ppm,20 ppm,150 ppm,,,,,,\n',
    );
    const r = nariz('hazard', '--lat', '-33.9', '--lon', '18.4', '--chemical', 'testgas', '--rate-gps', '200', '--wind-mps', '2', '--wind-from-deg', '0', '--stability', 'F', '--receptor-height', '1.5', '--chemicals', csv, '--json');
    assert.equal(r.code, 0, r.stderr);
    const out = JSON.parse(r.stdout) as { zones: Array<{ tier: string; fallback: boolean; exceeded: boolean; maxDownwindM: number }>; assumptions: string[] };
    assert.deepEqual(out.zones.map((z) => z.tier), ['ERPG-3', 'ERPG-2', 'ERPG-1']);
    assert.ok(out.zones.every((z) => z.fallback && z.exceeded));
    assert.ok(out.zones[0]!.maxDownwindM < out.zones[1]!.maxDownwindM && out.zones[1]!.maxDownwindM < out.zones[2]!.maxDownwindM, 'nested');
    assert.ok(out.assumptions.some((a) => a.includes('ERPG-1 for level 1 (fallback: no AEGL)')));
  });
});
