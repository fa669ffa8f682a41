import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LocalFrame, createRng } from '@nariz/core';
import { sensorModelFootprint, type SensorModelInput } from '../src/index.js';
import { marchToGround, metres } from './geometry-oracle.js';

const DEG = Math.PI / 180;
const BASE: SensorModelInput = {
  sensorLatDeg: 19.4326, sensorLonDeg: -99.1332, sensorHaeM: 2740, headingDeg: 0, pitchDeg: 0, rollDeg: 0,
  sensorAzDeg: 0, sensorElDeg: -90, sensorRollDeg: 0, hfovDeg: 60, vfovDeg: 40, groundElevM: 2240,
};

test('nadir camera: corners symmetric about the nadir, half-widths h·tan(hfov/2) and h·tan(vfov/2) within 0.5 m, upper-left to the north-west', () => {
  const fp = sensorModelFootprint(BASE)!;
  assert.ok(fp !== undefined);
  // Distances measured on the ground's height: a plane at height 0 would shrink them by h/R (18 cm in 500 m at 2,240 m).
  const plane = new LocalFrame({ lat: BASE.sensorLatDeg, lon: BASE.sensorLonDeg, alt: BASE.groundElevM });
  const h = BASE.sensorHaeM - BASE.groundElevM;
  const halfE = h * Math.tan(30 * DEG);
  const halfN = h * Math.tan(20 * DEG);
  const want = [[-halfE, halfN], [halfE, halfN], [halfE, -halfN], [-halfE, -halfN]];
  for (let k = 0; k < 4; k++) {
    const [e, n] = plane.project(fp.cornerLatDeg[k]!, fp.cornerLonDeg[k]!);
    assert.ok(Math.abs(e - want[k]![0]!) < 0.5 && Math.abs(n - want[k]![1]!) < 0.5, `corner ${k}: ${e.toFixed(3)}, ${n.toFixed(3)} vs ${want[k]}`);
  }
  // Symmetric: the four corners' distances from the nadir agree to a millimetre.
  const r = [0, 1, 2, 3].map((k) => Math.hypot(...plane.project(fp.cornerLatDeg[k]!, fp.cornerLonDeg[k]!)));
  assert.ok(Math.max(...r) - Math.min(...r) < 1e-3, `${r}`);
  const c = plane.project(fp.centreLatDeg, fp.centreLonDeg);
  assert.ok(Math.hypot(...c) < 1e-3, `centre at the nadir: ${c}`);
});

test('known pointings: look east 45° down hits h east; a 30° right bank with the sensor looking right hits h/tan 30° to the right', () => {
  const h = 500;
  const s = { ...BASE, headingDeg: 90, sensorElDeg: -45 };
  // Distances measured on the ground's height: a plane at height 0 would shrink them by h/R (18 cm in 500 m at 2,240 m).
  const plane = new LocalFrame({ lat: BASE.sensorLatDeg, lon: BASE.sensorLonDeg, alt: BASE.groundElevM });
  const a = sensorModelFootprint(s)!;
  const [e, n] = plane.project(a.centreLatDeg, a.centreLonDeg);
  assert.ok(Math.abs(e - h) < 0.03 && Math.abs(n) < 0.01, `${e}, ${n}`);
  // Pitch up 10° with the sensor 45° down: 35° depression.
  const p = sensorModelFootprint({ ...s, pitchDeg: 10 })!;
  const [e2] = plane.project(p.centreLatDeg, p.centreLonDeg);
  assert.ok(Math.abs(e2 - h / Math.tan(35 * DEG)) < 0.1, `${e2}`);
  // Heading north, right wing 30° down, sensor at azimuth 90 (right) level: the line of sight goes 30° below the horizon to the east.
  const b = sensorModelFootprint({ ...BASE, rollDeg: 30, sensorAzDeg: 90, sensorElDeg: 0, hfovDeg: 10, vfovDeg: 8 })!;
  const [e3, n3] = plane.project(b.centreLatDeg, b.centreLonDeg);
  assert.ok(Math.abs(e3 - h / Math.tan(30 * DEG)) < 0.2 && Math.abs(n3) < 0.01, `${e3}, ${n3}`);
});

test('oblique cameras (seeded): every corner and the centre agree with a brute-force ray march within 2 cm', () => {
  const rng = createRng(601);
  let checked = 0;
  for (let trial = 0; trial < 40; trial++) {
    const s: SensorModelInput = {
      sensorLatDeg: rng.uniform(-60, 60), sensorLonDeg: rng.uniform(-180, 180), sensorHaeM: 0, headingDeg: rng.uniform(0, 360),
      pitchDeg: rng.uniform(-10, 10), rollDeg: rng.uniform(-15, 15), sensorAzDeg: rng.uniform(0, 360), sensorElDeg: rng.uniform(-85, -35),
      sensorRollDeg: rng.uniform(-5, 5), hfovDeg: rng.uniform(5, 40), vfovDeg: rng.uniform(3, 25), groundElevM: rng.uniform(-50, 3000),
    };
    const sensor = { ...s, sensorHaeM: s.groundElevM + rng.uniform(80, 1500) };
    const fp = sensorModelFootprint(sensor);
    const uv: Array<[number, number]> = [[0, 0], [1, 0], [1, 1], [0, 1], [0.5, 0.5]];
    const oracle = uv.map(([u, v]) => marchToGround(sensor, u, v));
    if (oracle.some((o) => o === undefined)) {
      assert.equal(fp, undefined, `trial ${trial}: a ray misses, so no footprint`);
      continue;
    }
    assert.ok(fp !== undefined, `trial ${trial}`);
    const got = [0, 1, 2, 3].map((k) => ({ lat: fp.cornerLatDeg[k]!, lon: fp.cornerLonDeg[k]! }));
    got.push({ lat: fp.centreLatDeg, lon: fp.centreLonDeg });
    got.forEach((g, k) => assert.ok(metres(g, oracle[k]!) < 0.02, `trial ${trial} point ${k}: ${metres(g, oracle[k]!)} m`));
    checked++;
  }
  assert.ok(checked >= 30, `${checked} footprints checked`);
});

test('a ray at or above the horizon, a sensor below the ground, or a non-finite input: no footprint', () => {
  assert.equal(sensorModelFootprint({ ...BASE, sensorElDeg: -10, vfovDeg: 30 }), undefined, 'the top edge looks 5° up');
  assert.equal(sensorModelFootprint({ ...BASE, sensorElDeg: 0 }), undefined);
  assert.equal(sensorModelFootprint({ ...BASE, groundElevM: BASE.sensorHaeM + 1 }), undefined);
  assert.equal(sensorModelFootprint({ ...BASE, headingDeg: NaN }), undefined);
  assert.ok(sensorModelFootprint({ ...BASE, sensorElDeg: -30, vfovDeg: 20 }) !== undefined, 'the top edge 20° down still hits');
});
