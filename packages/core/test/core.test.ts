import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import {
  ERROR_CATALOGUE, NarizError, LocalFrame, ChemicalTable, builtinChemicals, casIsValid, repairCas,
  thresholdKgM3, toKgM3, fromKgM3, windFromToUv, uvToWindFrom, createRng, geodeticToEcef, ecefToGeodetic,
  float64Builder, uint8Builder, uint32Builder,
} from '../src/index.js';

const SHARED_TABLE = new URL('../../../../../shared/data/aegl/chemical-thresholds.csv', import.meta.url);

test('error catalogue: every code has a 4xx/5xx status and a summary; messages carry the location', () => {
  for (const [code, e] of Object.entries(ERROR_CATALOGUE)) {
    assert.match(code, /^NARIZ_[A-Z_]+$/);
    assert.ok(e.status >= 400 && e.status < 600, code);
    assert.ok(e.summary.length > 10, code);
  }
  const err = new NarizError('NARIZ_CSV_VALUE', 'not a number: "abc"', { file: 's.csv', line: 7, column: 'lat' });
  assert.equal(err.message, 's.csv, line 7, column "lat": not a number: "abc"');
  assert.equal(err.status, 400);
});

test('WGS84 geodetic <-> ECEF round trip to 1e-9 deg and 1 mm, known ECEF point', () => {
  const [x, y, z] = geodeticToEcef(0, 0, 0);
  assert.ok(Math.abs(x - 6378137) < 1e-6 && Math.abs(y) < 1e-6 && Math.abs(z) < 1e-6);
  const rng = createRng(1);
  for (let i = 0; i < 500; i++) {
    const lat = rng.uniform(-89.9, 89.9);
    const lon = rng.uniform(-180, 180);
    const h = rng.uniform(-100, 9000);
    const g = ecefToGeodetic(...geodeticToEcef(lat, lon, h));
    assert.ok(Math.abs(g.lat - lat) < 1e-9 && Math.abs(g.lon - lon) < 1e-9 && Math.abs(g.alt - h) < 1e-3, `${lat},${lon},${h}`);
  }
});

test('local frame: ENU round trip, and 1 arc-minute of latitude = 1844.97 m at 19.43 N', () => {
  const f = new LocalFrame({ lat: 19.4326, lon: -99.1332 });
  const [e, n] = f.project(19.4326 + 1 / 60, -99.1332);
  assert.ok(Math.abs(e) < 0.01);
  // Meridian arc per minute at 19.4326 N: M = a(1-e2)/(1-e2 sin^2)^1.5 = 6342485 m/rad, times pi/10800 = 1844.97 m
  assert.ok(Math.abs(n - 1844.97) < 0.05, `north ${n}`);
  const rng = createRng(2);
  for (let i = 0; i < 200; i++) {
    const east = rng.uniform(-5000, 5000);
    const north = rng.uniform(-5000, 5000);
    const g = f.unproject(east, north);
    const [e2, n2] = f.project(g.lat, g.lon);
    assert.ok(Math.abs(e2 - east) < 1e-4 && Math.abs(n2 - north) < 1e-4, `${east},${north} -> ${e2},${n2}`);
  }
});

test('wind: meteorological direction to u/v and back', () => {
  const [u, v] = windFromToUv(5, 270); // from the west blows toward east
  assert.ok(Math.abs(u - 5) < 1e-12 && Math.abs(v) < 1e-12);
  const [u2, v2] = windFromToUv(3, 0); // from the north blows south
  assert.ok(Math.abs(u2) < 1e-12 && Math.abs(v2 + 3) < 1e-12);
  const rng = createRng(3);
  for (let i = 0; i < 100; i++) {
    const s = rng.uniform(0.1, 20);
    const d = rng.uniform(0, 359.999);
    const back = uvToWindFrom(...windFromToUv(s, d));
    assert.ok(Math.abs(back.speedMps - s) < 1e-9 && Math.abs(back.fromDeg - d) < 1e-9);
  }
});

test('units: 1 ppm of acetone at 25 C, 1 atm = 2.375 mg/m3; round trips', () => {
  // 58.08 g/mol * 1e-6 * 101325 / (8.314462618 * 298.15) = 2.3740 mg/m3
  const kg = toKgM3(1, 'ppm', 58.08);
  assert.ok(Math.abs(kg * 1e6 - 2.374) < 0.001, `${kg * 1e6}`);
  assert.equal(toKgM3(1, 'ugm3', 58.08), 1e-9);
  assert.ok(Math.abs(fromKgM3(toKgM3(123.4, 'ppb', 36.46, 10, 900), 'ppb', 36.46, 10, 900) - 123.4) < 1e-9);
});

test('chemical table: CAS repair, aliases, thresholds; built-in subset matches the shared table', () => {
  assert.equal(repairCas('7647-1-0'), '7647-01-0');
  assert.ok(casIsValid('7647-01-0'));
  assert.ok(!casIsValid('7647-1-0'));
  const t = builtinChemicals();
  const hcl = t.require('hcl');
  assert.equal(hcl.cas, '7647-01-0');
  assert.equal(hcl.molarMassGmol, 36.46);
  assert.deepEqual(hcl.thresholds.aegl2, { value: 22, unit: 'ppm' });
  assert.equal(t.lookup('methyl_ethyl_ketone')?.name, 'METHYL ETHYL KETONE');
  assert.equal(t.lookup('67-64-1')?.name, 'ACETONE');
  assert.equal(t.lookup('unobtainium'), undefined);
  assert.throws(() => t.require('unobtainium'), (e: unknown) => e instanceof NarizError && e.code === 'NARIZ_UNKNOWN_SPECIES');
  // 60-minute AEGL-3 of toluene, 3700 ppm, in kg/m3
  assert.ok(Math.abs(thresholdKgM3(t.require('toluene'), 'aegl3') - 3700 * toKgM3(1, 'ppm', 92.14)) < 1e-12);
  const full = ChemicalTable.parse(readFileSync(SHARED_TABLE, 'utf8'));
  assert.ok(full.size > 700, `full table ${full.size}`);
  for (const c of t.all()) assert.deepEqual(full.lookup(c.name), c, c.name);
  // Every repaired CAS number of the full table that has the standard shape passes its check digit.
  const bad = full.all().filter((c) => /^\d+-\d\d-\d$/.test(c.cas) && !casIsValid(c.cas));
  assert.ok(bad.length <= 5, `CAS check digits failing: ${bad.map((c) => c.cas).join(' ')}`);
});

test('rng is deterministic per seed and its normals have unit variance', () => {
  const a = createRng(42);
  const b = createRng(42);
  for (let i = 0; i < 10; i++) assert.equal(a.next(), b.next());
  const r = createRng(7);
  let s = 0;
  let s2 = 0;
  const n = 50000;
  for (let i = 0; i < n; i++) {
    const x = r.normal();
    s += x;
    s2 += x * x;
  }
  assert.ok(Math.abs(s / n) < 0.02 && Math.abs(s2 / n - 1) < 0.03);
});

test('typed-array builders grow past their capacity and finish with exactly what was pushed', () => {
  const f = float64Builder(2);
  const u = uint8Builder(1);
  const w = uint32Builder(3);
  for (let i = 0; i < 1000; i++) {
    f.push(i / 3);
    u.push(i % 256);
    w.push(i * 65537);
  }
  assert.equal(f.length, 1000);
  const fa = f.finish();
  assert.ok(fa instanceof Float64Array && fa.length === 1000 && fa[999] === 999 / 3 && fa[0] === 0);
  const ua = u.finish();
  assert.ok(ua instanceof Uint8Array && ua.length === 1000 && ua[257] === 1);
  const wa = w.finish();
  assert.ok(wa instanceof Uint32Array && wa[999] === (999 * 65537) >>> 0);
  assert.equal(float64Builder().finish().length, 0);
});
