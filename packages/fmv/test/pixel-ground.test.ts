import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LocalFrame, createRng, isNarizError } from '@nariz/core';
import { FOOTPRINT_SENSOR_MODEL, groundToPixel, pixelToGround, sensorModelFootprint, squareToQuad, type SensorModelInput } from '../src/index.js';
import { allocateFrames } from '../src/video-frames.js';
import { framesFromQuads, marchToGround, metres } from './geometry-oracle.js';

const ORIGIN = { lat: -33.4489, lon: -70.6693 };
const plane = new LocalFrame(ORIGIN);

test('corners: the unit square\'s corners map to the four footprint corners, the centre of a square footprint to its centre', () => {
  const f = framesFromQuads(ORIGIN, [{ tS: 0, east: [-150, 150, 150, -150], north: [150, 150, -150, -150] }]);
  [[0, 0], [1, 0], [1, 1], [0, 1]].forEach(([u, v], k) => {
    const g = pixelToGround(f, 0, u!, v!)!;
    assert.equal(g.method, 'corners');
    assert.ok(Math.abs(g.latDeg - f.cornerLatDeg[k]!) < 1e-10 && Math.abs(g.lonDeg - f.cornerLonDeg[k]!) < 1e-10, `corner ${k}`);
  });
  const c = pixelToGround(f, 0, 0.5, 0.5)!;
  const [e, n] = plane.project(c.latDeg, c.lonDeg);
  assert.ok(Math.hypot(e, n) < 1e-3, `centre ${e}, ${n}`);
  // And a quarter point of a square is a quarter of the way.
  const q = pixelToGround(f, 0, 0.25, 0.75)!;
  const [qe, qn] = plane.project(q.latDeg, q.lonDeg);
  assert.ok(Math.abs(qe + 75) < 1e-3 && Math.abs(qn + 75) < 1e-3, `${qe}, ${qn}`);
});

test('groundToPixel ∘ pixelToGround is the identity (seeded: random convex footprints and image points, to 1e-9)', () => {
  const rng = createRng(602);
  for (let trial = 0; trial < 200; trial++) {
    // A random convex quadrilateral: a rectangle, skewed into a trapezoid, rotated and moved.
    const w = rng.uniform(20, 2000), h = rng.uniform(20, 2000), skew = rng.uniform(0.2, 1), rot = rng.uniform(0, 2 * Math.PI);
    const local = [[-w * skew, h], [w * skew, h], [w, -h], [-w, -h]];
    const ox = rng.uniform(-3000, 3000), oy = rng.uniform(-3000, 3000);
    const east = local.map(([x, y]) => ox + x! * Math.cos(rot) - y! * Math.sin(rot));
    const north = local.map(([x, y]) => oy + x! * Math.sin(rot) + y! * Math.cos(rot));
    const f = framesFromQuads(ORIGIN, [{ tS: 0, east, north }]);
    for (let k = 0; k < 5; k++) {
      const u = rng.uniform(-0.2, 1.2), v = rng.uniform(-0.2, 1.2);
      const g = pixelToGround(f, 0, u, v);
      if (g === undefined) continue;
      const back = groundToPixel(f, 0, g.latDeg, g.lonDeg)!;
      assert.ok(Math.abs(back.u - u) < 1e-9 && Math.abs(back.v - v) < 1e-9, `trial ${trial}: (${u}, ${v}) → (${back.u}, ${back.v})`);
    }
  }
});

/** An oblique camera: its footprint is a trapezoid. */
const OBLIQUE: SensorModelInput = {
  sensorLatDeg: ORIGIN.lat, sensorLonDeg: ORIGIN.lon, sensorHaeM: 1000, headingDeg: 20, pitchDeg: 2, rollDeg: -1,
  sensorAzDeg: 0, sensorElDeg: -35, sensorRollDeg: 0, hfovDeg: 40, vfovDeg: 24, groundElevM: 600,
};

function sensorModelFrames(s: SensorModelInput) {
  const fp = sensorModelFootprint(s)!;
  const f = allocateFrames(1);
  f.tS[0] = 0;
  fp.cornerLatDeg.forEach((x, k) => (f.cornerLatDeg[k] = x));
  fp.cornerLonDeg.forEach((x, k) => (f.cornerLonDeg[k] = x));
  f.footprintSource[0] = FOOTPRINT_SENSOR_MODEL;
  return f;
}

test('projective, not bilinear: on an oblique trapezoid the homography agrees with the camera\'s own rays (within 5 cm), keeps image lines straight, and the bilinear map does neither', () => {
  const f = sensorModelFrames(OBLIQUE);
  const rng = createRng(603);
  for (let k = 0; k < 25; k++) {
    const u = rng.next(), v = rng.next();
    const g = pixelToGround(f, 0, u, v)!;
    assert.equal(g.method, 'sensor-model');
    const ray = marchToGround(OBLIQUE, u, v)!;
    assert.ok(metres({ lat: g.latDeg, lon: g.lonDeg }, ray) < 0.05, `(${u}, ${v}): ${metres({ lat: g.latDeg, lon: g.lonDeg }, ray)} m from the ray's ground point`);
  }
  // Straight lines stay straight: ground points along the image row v = 0.3 lie on one line.
  const pts = [0, 0.1, 0.25, 0.5, 0.6, 0.9, 1].map((u) => {
    const g = pixelToGround(f, 0, u, 0.3)!;
    return plane.project(g.latDeg, g.lonDeg);
  });
  const [a, b] = [pts[0]!, pts[pts.length - 1]!];
  const len = Math.hypot(b[0] - a[0], b[1] - a[1]);
  for (const p of pts) {
    const off = Math.abs((b[0] - a[0]) * (p[1] - a[1]) - (b[1] - a[1]) * (p[0] - a[0])) / len;
    assert.ok(off < 1e-3, `${off} m off the line`);
  }
  // The bilinear map through the same corners puts the image centre elsewhere: the trapezoid's far half is stretched.
  const c = [0, 1, 2, 3].map((k) => plane.project(f.cornerLatDeg[k]!, f.cornerLonDeg[k]!));
  const bilinear = [0, 1].map((d) => 0.25 * (c[0]![d]! + c[1]![d]! + c[2]![d]! + c[3]![d]!));
  const proj = pixelToGround(f, 0, 0.5, 0.5)!;
  const pc = plane.project(proj.latDeg, proj.lonDeg);
  const truth = marchToGround(OBLIQUE, 0.5, 0.5)!;
  const tc = plane.project(truth.lat, truth.lon);
  const bilinearError = Math.hypot(bilinear[0]! - tc[0], bilinear[1]! - tc[1]);
  assert.ok(Math.hypot(pc[0] - tc[0], pc[1] - tc[1]) < 0.05);
  assert.ok(bilinearError > 20, `the bilinear centre is ${bilinearError.toFixed(1)} m off`);
  // The bilinear image of the row v = 0.3 is not the homography's: bilinear rows are evenly spaced on the ground, perspective rows are not.
  const bl = (u: number, v: number) => [0, 1].map((d) => (1 - u) * (1 - v) * c[0]![d]! + u * (1 - v) * c[1]![d]! + u * v * c[2]![d]! + (1 - u) * v * c[3]![d]!);
  const g03 = pixelToGround(f, 0, 0.5, 0.3)!;
  const p03 = plane.project(g03.latDeg, g03.lonDeg);
  const b03 = bl(0.5, 0.3);
  assert.ok(Math.hypot(p03[0] - b03[0]!, p03[1] - b03[1]!) > 10);
});

test('no footprint, a point behind the horizon line, a non-convex quadrilateral, a bad index', () => {
  const f = framesFromQuads(ORIGIN, [{ tS: 0 }, { tS: 1, east: [-10, 10, 10, -10], north: [10, 10, -10, -10] }, { tS: 2, east: [-10, 10, 0, -10], north: [10, 10, 8, -10] }]);
  assert.equal(pixelToGround(f, 0, 0.5, 0.5), undefined);
  assert.equal(groundToPixel(f, 0, ORIGIN.lat, ORIGIN.lon), undefined);
  assert.ok(pixelToGround(f, 1, 0.5, 0.5) !== undefined);
  assert.equal(pixelToGround(f, 2, 0.5, 0.5), undefined, 'a concave quadrilateral is no camera footprint');
  assert.equal(squareToQuad([0, 1, 1, 0], [0, 0, 0, 0]), undefined, 'degenerate');
  // A trapezoid from an oblique camera: image points far above the top edge map beyond the horizon.
  const o = sensorModelFrames(OBLIQUE);
  assert.equal(pixelToGround(o, 0, 0.5, -5), undefined);
  assert.throws(() => pixelToGround(f, 3, 0.5, 0.5), (e: unknown) => isNarizError(e, 'NARIZ_USAGE'));
  assert.throws(() => groundToPixel(f, -1, 0, 0), (e: unknown) => isNarizError(e, 'NARIZ_USAGE'));
});
