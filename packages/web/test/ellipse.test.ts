import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ellipseRing, signedArea2 } from '../src/geo/ellipse.js';
import { eastNorthM, offsetLonLat, radiiOfCurvatureM } from '../src/geo/local-offset.js';
import { unwrapRing } from '../src/geo/antimeridian.js';

/** Great-circle distance on the mean sphere, m: an independent check of the offsets. */
function haversineM(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const r = 6371008.8;
  const toRad = Math.PI / 180;
  const dLat = (lat2 - lat1) * toRad;
  const dLon = (lon2 - lon1) * toRad;
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * toRad) * Math.cos(lat2 * toRad) * Math.sin(dLon / 2) ** 2;
  return 2 * r * Math.asin(Math.sqrt(a));
}

test('radii of curvature match WGS84 at the equator and the pole', () => {
  const eq = radiiOfCurvatureM(0);
  assert.ok(Math.abs(eq.primeVerticalM - 6378137) < 1e-6);
  assert.ok(Math.abs(eq.meridionalM - 6335439.327) < 1e-2);
  const pole = radiiOfCurvatureM(90);
  assert.ok(Math.abs(pole.meridionalM - 6399593.626) < 1e-2);
  assert.ok(Math.abs(pole.primeVerticalM - 6399593.626) < 1e-2);
});

test('a 1 km offset north at the equator is 1000 / M radians of latitude', () => {
  const [lon, lat] = offsetLonLat(0, 10, 0, 1000);
  assert.equal(lon, 10);
  assert.ok(Math.abs(lat - (1000 / 6335439.327) * (180 / Math.PI)) < 1e-12);
});

test('offsetLonLat and eastNorthM are inverse', () => {
  const [lon, lat] = offsetLonLat(52.09, 5.12, 350, -220);
  const [e, n] = eastNorthM(52.09, 5.12, lat, lon);
  assert.ok(Math.abs(e - 350) < 1e-6 && Math.abs(n + 220) < 1e-6, `${e}, ${n}`);
});

test('the ring is closed, counter-clockwise, and its vertices lie on the ellipse', () => {
  const spec = { lat: 52.0899, lon: 5.127, semiMajorM: 56.35, semiMinorM: 22.37, azimuthDeg: 175.39 };
  const ring = ellipseRing(spec, 72);
  assert.equal(ring.length, 73);
  assert.deepEqual(ring[0], ring[72]);
  assert.ok(signedArea2(ring) > 0, 'counter-clockwise (RFC 7946)');
  const th = (spec.azimuthDeg * Math.PI) / 180;
  for (const [lon, lat] of ring) {
    const [e, n] = eastNorthM(spec.lat, spec.lon, lat, lon);
    // Coordinates along the major (azimuth) and minor axes: (u/a)² + (v/b)² = 1.
    const u = e * Math.sin(th) + n * Math.cos(th);
    const v = -e * Math.cos(th) + n * Math.sin(th);
    const r = (u / spec.semiMajorM) ** 2 + (v / spec.semiMinorM) ** 2;
    assert.ok(Math.abs(r - 1) < 1e-9, `vertex off the ellipse: ${r}`);
  }
});

test('vertex 0 is the major axis end in the azimuth direction; an ellipse at azimuth 90 is long east–west', () => {
  const north = ellipseRing({ lat: -33.45, lon: -70.66, semiMajorM: 100, semiMinorM: 40, azimuthDeg: 0 });
  const [lon0, lat0] = north[0]!;
  assert.ok(Math.abs(lon0 - -70.66) < 1e-12 && lat0 > -33.45);
  assert.ok(Math.abs(haversineM(-33.45, -70.66, lat0, lon0) - 100) < 0.5);
  const east = ellipseRing({ lat: -33.45, lon: -70.66, semiMajorM: 100, semiMinorM: 40, azimuthDeg: 90 });
  const [lonE, latE] = east[0]!;
  assert.ok(Math.abs(latE - -33.45) < 1e-12 && lonE > -70.66);
  assert.ok(Math.abs(haversineM(-33.45, -70.66, latE, lonE) - 100) < 0.5);
  // A quarter of the way round is the minor axis end, 90° counter-clockwise: north for azimuth 90.
  const [lonQ, latQ] = east[18]!;
  assert.ok(latQ > -33.45);
  assert.ok(Math.abs(haversineM(-33.45, -70.66, latQ, lonQ) - 40) < 0.5);
});

test('a circle has the same radius in every direction', () => {
  const ring = ellipseRing({ lat: 19.43, lon: -99.13, semiMajorM: 250, semiMinorM: 250, azimuthDeg: 33 }, 36);
  for (const [lon, lat] of ring) assert.ok(Math.abs(haversineM(19.43, -99.13, lat, lon) - 250) < 1.5);
});

test('bad input is refused with the reason', () => {
  assert.throws(() => ellipseRing({ lat: 0, lon: 0, semiMajorM: -1, semiMinorM: 1, azimuthDeg: 0 }), /semi-axes/);
  assert.throws(() => ellipseRing({ lat: 0, lon: 0, semiMajorM: 1, semiMinorM: 1, azimuthDeg: 0 }, 4), /segments/);
});

test('a ring across the antimeridian is unwrapped into one continuous ring', () => {
  const fiji = [[179, -16], [-179, -16], [-179, -17], [179, -17], [179, -16]];
  const r = unwrapRing(fiji);
  assert.deepEqual(r, [[179, -16], [181, -16], [181, -17], [179, -17], [179, -16]]);
  for (let i = 1; i < r.length; i++) assert.ok(Math.abs(r[i]![0]! - r[i - 1]![0]!) <= 180);
});

test('a ring round the south pole is closed through the pole', () => {
  const ring = [[-180, -70], [-90, -72], [0, -69], [90, -71], [180, -70]];
  const r = unwrapRing(ring);
  assert.deepEqual(r.slice(-3), [[180, -90], [-180, -90], [-180, -70]]);
  assert.deepEqual(unwrapRing([[10, 50], [20, 50], [20, 60], [10, 50]]), [[10, 50], [20, 50], [20, 60], [10, 50]], 'an ordinary ring is left alone');
});
