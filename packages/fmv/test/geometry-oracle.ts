/**
 * Oracles for the geometry tests, written independently of src: the
 * camera's rays by rotating vectors about fixed axes one angle at a time
 * (ST 0601's order: sensor roll, elevation, azimuth, then platform roll,
 * pitch, heading), and their ground points by marching along the ray in
 * ECEF until the geodetic height drops below the ground, then bisecting.
 */
import { ecefToGeodetic, geodeticToEcef, LocalFrame } from '@nariz/core';
import { allocateFrames, type VideoFrames } from '../src/video-frames.js';
import { FOOTPRINT_KLV_CORNERS, FOOTPRINT_NONE, type SensorModelInput } from '../src/index.js';

const DEG = Math.PI / 180;
type V3 = [number, number, number];

const rotX = (v: V3, a: number): V3 => [v[0], Math.cos(a) * v[1] - Math.sin(a) * v[2], Math.sin(a) * v[1] + Math.cos(a) * v[2]];
const rotY = (v: V3, a: number): V3 => [Math.cos(a) * v[0] + Math.sin(a) * v[2], v[1], -Math.sin(a) * v[0] + Math.cos(a) * v[2]];
const rotZ = (v: V3, a: number): V3 => [Math.cos(a) * v[0] - Math.sin(a) * v[1], Math.sin(a) * v[0] + Math.cos(a) * v[1], v[2]];

/** North/east/down direction of the ray through image point (u, v). */
export function rayNed(s: SensorModelInput, u: number, v: number): V3 {
  let d: V3 = [1, (2 * u - 1) * Math.tan((s.hfovDeg / 2) * DEG), (2 * v - 1) * Math.tan((s.vfovDeg / 2) * DEG)];
  d = rotX(d, s.sensorRollDeg * DEG);
  d = rotY(d, s.sensorElDeg * DEG);
  d = rotZ(d, s.sensorAzDeg * DEG);
  d = rotX(d, s.rollDeg * DEG);
  d = rotY(d, s.pitchDeg * DEG);
  d = rotZ(d, s.headingDeg * DEG);
  const n = Math.hypot(...d);
  return [d[0] / n, d[1] / n, d[2] / n];
}

/** The ground point of the ray through (u, v) by marching (step 2 m) and bisection; undefined when it never gets there within 50 km. */
export function marchToGround(s: SensorModelInput, u: number, v: number): { lat: number; lon: number } | undefined {
  const [n, e, d] = rayNed(s, u, v);
  const la = s.sensorLatDeg * DEG, lo = s.sensorLonDeg * DEG;
  const north: V3 = [-Math.sin(la) * Math.cos(lo), -Math.sin(la) * Math.sin(lo), Math.cos(la)];
  const east: V3 = [-Math.sin(lo), Math.cos(lo), 0];
  const down: V3 = [-Math.cos(la) * Math.cos(lo), -Math.cos(la) * Math.sin(lo), -Math.sin(la)];
  const dir: V3 = [0, 1, 2].map((k) => n * north[k]! + e * east[k]! + d * down[k]!) as V3;
  const o = geodeticToEcef(s.sensorLatDeg, s.sensorLonDeg, s.sensorHaeM);
  const at = (t: number) => ecefToGeodetic(o[0] + t * dir[0], o[1] + t * dir[1], o[2] + t * dir[2]);
  let lo_ = 0;
  let hi = 0;
  for (let t = 2; t < 50_000; t += 2) {
    if (at(t).alt <= s.groundElevM) {
      hi = t;
      lo_ = t - 2;
      break;
    }
  }
  if (hi === 0) return undefined;
  for (let k = 0; k < 60; k++) {
    const mid = (lo_ + hi) / 2;
    if (at(mid).alt <= s.groundElevM) hi = mid;
    else lo_ = mid;
  }
  const g = at(hi);
  return { lat: g.lat, lon: g.lon };
}

/** Horizontal metres between two points. */
export function metres(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const f = new LocalFrame(a);
  const [e, n] = f.project(b.lat, b.lon);
  return Math.hypot(e, n);
}

export interface QuadFrame {
  readonly tS: number;
  /** East/north corners in metres around `origin`, UL, UR, LR, LL; undefined for a frame without footprint. */
  readonly east?: readonly number[];
  readonly north?: readonly number[];
  readonly centre?: readonly [number, number];
}

/** VideoFrames whose footprints are the given quadrilaterals on the plane at `origin` (KLV corners). */
export function framesFromQuads(origin: { lat: number; lon: number }, list: readonly QuadFrame[]): VideoFrames {
  const plane = new LocalFrame(origin);
  const f = allocateFrames(list.length);
  list.forEach((q, i) => {
    f.tS[i] = q.tS;
    if (q.east === undefined || q.north === undefined) {
      f.footprintSource[i] = FOOTPRINT_NONE;
      return;
    }
    for (let k = 0; k < 4; k++) {
      const g = plane.unproject(q.east[k]!, q.north[k]!);
      f.cornerLatDeg[4 * i + k] = g.lat;
      f.cornerLonDeg[4 * i + k] = g.lon;
    }
    if (q.centre !== undefined) {
      const c = plane.unproject(q.centre[0], q.centre[1]);
      f.centreLatDeg[i] = c.lat;
      f.centreLonDeg[i] = c.lon;
    }
    f.footprintSource[i] = FOOTPRINT_KLV_CORNERS;
  });
  return f;
}
