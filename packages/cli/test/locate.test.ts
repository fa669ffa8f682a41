import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { distanceM } from '@nariz/core';
import { nariz, withTmp } from './run-cli.js';

interface LocateJson {
  sources: Array<{
    lat: number; lon: number; position_ci95_m: number;
    ellipse95: { semi_major_m: number; semi_minor_m: number; azimuth_deg: number };
    rate_gps: Record<string, number>; rate_ci95_gps: Record<string, [number, number]>;
    probability: number; class: Record<string, number>; lab_probability: number; classified: boolean; posterior_sample: Array<[number, number]>;
  }>;
  background: Record<string, { unit: string; median: number; noise_sd: number; events: number }>;
  stability: { source: string; posterior: Record<string, number> };
  samples: number;
  seconds: number;
}

interface TruthJson {
  simulated: boolean;
  sources: Array<{ id: string; kind: string; lat: number; lon: number; rateGps: Record<string, number> }>;
}

// One strong lab in neutral conditions: a known answer for the whole chain
// (simulate -> CSV on disk -> locate in a subprocess).
const SIM = ['--seed', '21', '--labs', '1', '--decoys', '0', '--samples', '6000', '--wind-mps', '5', '--wind-from-deg', '250', '--stability', 'D'];

test('simulate writes a sortie and its truth; the same seed gives the same bytes', () => {
  withTmp((dir) => {
    const a = nariz('simulate', ...SIM, '--out', join(dir, 'a'));
    const b = nariz('simulate', ...SIM, '--out', join(dir, 'b'));
    assert.equal(a.code, 0, a.stderr);
    assert.equal(b.code, 0, b.stderr);
    assert.match(a.stdout, /SIMULATED/);
    assert.equal(readFileSync(join(dir, 'a', 'sortie.csv'), 'utf8'), readFileSync(join(dir, 'b', 'sortie.csv'), 'utf8'));
    const truth = JSON.parse(readFileSync(join(dir, 'a', 'truth.json'), 'utf8')) as TruthJson;
    assert.equal(truth.simulated, true);
    assert.equal(truth.sources.length, 1);
    assert.equal(truth.sources[0]!.kind, 'target');
    const header = readFileSync(join(dir, 'a', 'sortie.csv'), 'utf8').split('\n')[0]!;
    for (const col of ['time', 'lat', 'lon', 'alt_agl_m', 'stability']) assert.ok(header.split(',').includes(col), `${col} in ${header}`);
  });
});

test('locate --json keeps its contract and finds the simulated lab; --geojson writes sources and closed ellipses', () => {
  withTmp((dir) => {
    assert.equal(nariz('simulate', ...SIM, '--out', dir).code, 0);
    const csv = join(dir, 'sortie.csv');
    const gj = join(dir, 'sources.geojson');
    const r = nariz('locate', csv, '--json', '--geojson', gj);
    assert.equal(r.code, 0, r.stderr);
    const out = JSON.parse(r.stdout) as LocateJson;
    assert.equal(out.samples, 6000);
    assert.ok(out.seconds > 0);
    assert.equal(out.stability.source, 'sortie');
    assert.ok(Math.abs(Object.values(out.stability.posterior).reduce((a, b) => a + b, 0) - 1) < 1e-9);
    const species = Object.keys(out.background).sort();
    assert.deepEqual(species, ['acetone', 'hcl', 'toluene']);
    for (const b of Object.values(out.background)) assert.ok(b.unit === 'ppb' && b.noise_sd > 0 && Number.isFinite(b.median));
    assert.ok(out.sources.length >= 1, 'at least one source');
    for (const s of out.sources) {
      assert.ok(Math.abs(s.lat) <= 90 && Math.abs(s.lon) <= 180);
      assert.ok(s.position_ci95_m > 0 && s.ellipse95.semi_major_m >= s.ellipse95.semi_minor_m);
      assert.ok(s.probability >= 0.2 && s.probability <= 1);
      assert.deepEqual(Object.keys(s.rate_gps).sort(), species);
      for (const k of species) {
        const [lo, hi] = s.rate_ci95_gps[k]!;
        assert.ok(lo <= s.rate_gps[k]! && s.rate_gps[k]! <= hi, `${k}: ${lo} <= ${s.rate_gps[k]} <= ${hi}`);
      }
      if (s.classified) assert.ok(Math.abs(Object.values(s.class).reduce((a, b) => a + b, 0) - 1) < 1e-9);
      // The posterior sample: at most 256 draws, about 95 % of them inside the 95 % radius.
      const draws = s.posterior_sample;
      assert.ok(draws.length >= 100 && draws.length <= 256, `${draws.length} draws`);
      const inside = draws.filter(([lon, lat]) => distanceM({ lat, lon }, s) <= s.position_ci95_m + 0.5).length / draws.length;
      assert.ok(inside > 0.85 && inside <= 1, `share of draws inside the 95 % radius: ${inside}`);
    }
    const truth = (JSON.parse(readFileSync(join(dir, 'truth.json'), 'utf8')) as TruthJson).sources[0]!;
    const nearest = out.sources.reduce((a, s) => (distanceM(s, truth) < distanceM(a, truth) ? s : a));
    const err = distanceM(nearest, truth);
    assert.ok(err < 50, `the lab is found within 50 m (error ${err.toFixed(1)} m)`);
    assert.ok(nearest.lab_probability > 0.5, `classed as lab (${nearest.lab_probability})`);
    // GeoJSON: a Point and a closed Polygon per source.
    const fc = JSON.parse(readFileSync(gj, 'utf8')) as { type: string; features: Array<{ geometry: { type: string; coordinates: unknown } }> };
    assert.equal(fc.type, 'FeatureCollection');
    assert.equal(fc.features.filter((f) => f.geometry.type === 'Point').length, out.sources.length);
    for (const f of fc.features.filter((g) => g.geometry.type === 'Polygon')) {
      const ring = (f.geometry.coordinates as number[][][])[0]!;
      assert.deepEqual(ring[0], ring[ring.length - 1]);
    }
  });
});

test('locate reports bad input with its line and column, exit 2, and --lenient skips the row', () => {
  withTmp((dir) => {
    const missing = nariz('locate', join(dir, 'nope.csv'));
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /NARIZ_IO/);
    assert.equal(nariz('simulate', ...SIM, '--samples', '600', '--out', dir).code, 0);
    const lines = readFileSync(join(dir, 'sortie.csv'), 'utf8').split('\n');
    const header = lines[0]!.split(',');
    const latCol = header.indexOf('lat');
    const row = lines[2]!.split(',');
    row[latCol] = 'north';
    lines[2] = row.join(',');
    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, lines.join('\n'));
    const r = nariz('locate', bad, '--json');
    assert.equal(r.code, 2);
    assert.match(r.stderr, /NARIZ_CSV_VALUE/);
    assert.match(r.stderr, /line 3/);
    assert.match(r.stderr, /column "lat"/);
    assert.equal(r.stdout, '');
    const lenient = nariz('locate', bad, '--json', '--lenient');
    assert.equal(lenient.code, 0, lenient.stderr);
    assert.match(lenient.stderr, /warning/);
    assert.equal((JSON.parse(lenient.stdout) as LocateJson).samples, 599);
    const usage = nariz('locate');
    assert.equal(usage.code, 2);
    assert.match(usage.stderr, /exactly one sortie CSV/);
    const lag = nariz('locate', bad, '--lenient', '--sensor-lag-s', '-1');
    assert.equal(lag.code, 2);
    assert.match(lag.stderr, /sensor-lag-s/);
    // A given lag is used as is and reported.
    const given = nariz('locate', bad, '--json', '--lenient', '--sensor-lag-s', '2.5');
    assert.equal(given.code, 0, given.stderr);
    assert.equal((JSON.parse(given.stdout) as { diagnostics: { sensor_lag_s: number } }).diagnostics.sensor_lag_s, 2.5);
  });
});

test('locate gives the same answer on one thread as on two, and wants whole numbers for counts', () => {
  withTmp((dir) => {
    assert.equal(nariz('simulate', ...SIM, '--samples', '1500', '--out', dir).code, 0);
    const csv = join(dir, 'sortie.csv');
    const run = (threads: string): unknown => {
      const r = nariz('locate', csv, '--json', '--threads', threads);
      assert.equal(r.code, 0, r.stderr);
      const out = JSON.parse(r.stdout) as Record<string, unknown>;
      assert.equal(typeof out.seconds, 'number');
      delete out.seconds;
      return out;
    };
    const one = run('1');
    assert.ok((one as LocateJson).sources.length >= 1);
    assert.deepEqual(run('2'), one);
    for (const [flag, value] of [['--threads', '0'], ['--threads', '1.5'], ['--max-sources', '2.5'], ['--seed', '-1']] as const) {
      const r = nariz('locate', csv, flag, value);
      assert.equal(r.code, 2, `${flag} ${value}`);
      assert.match(r.stderr, new RegExp(flag.slice(2)));
    }
  });
});

test('demo runs the whole chain on simulated data and writes its map layers', () => {
  withTmp((dir) => {
    const r = nariz('demo', '--out', dir);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /SIMULATED DATA/);
    assert.match(r.stdout, /Against the simulated truth/);
    const gj = join(dir, 'demo.geojson');
    assert.ok(existsSync(gj));
    const fc = JSON.parse(readFileSync(gj, 'utf8')) as { simulated: boolean; features: unknown[] };
    assert.equal(fc.simulated, true);
    assert.ok(fc.features.length >= 2);
  });
});
