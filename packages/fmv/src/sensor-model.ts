/**
 * The footprint from the sensor model: the rays through the image corners
 * (camera-rays.ts) intersected with the ground, taken as the surface of
 * constant height `groundElevM` above the ellipsoid (the "flat ground" of
 * the simple ST 0601 geometry, without terrain). Each intersection starts
 * on the tangent plane under the sensor and is refined by Newton steps on
 * the geodetic height along the ray, so it is exact on the ellipsoid, not
 * only on the plane (they differ by d²/2R: 8 cm at 1 km, 2 m at 5 km).
 */
import { WGS84_A, ecefToGeodetic, geodeticToEcef } from '@nariz/core';
import { CORNER_UV, imageRayNed, sensorToNed } from './camera-rays.js';

const DEG = Math.PI / 180;
/** A ray must descend at least this (sine of the depression below the local horizontal): grazing rays are taken as missing. */
const MIN_DESCENT = 1e-6;
/** Metres: intersections this close to the surface are done. */
const HEIGHT_TOLERANCE_M = 1e-4;
const MAX_NEWTON_STEPS = 12;

export interface SensorModelInput {
  readonly sensorLatDeg: number;
  readonly sensorLonDeg: number;
  /** Sensor height in the same datum as `groundElevM`. */
  readonly sensorHaeM: number;
  readonly headingDeg: number;
  readonly pitchDeg: number;
  readonly rollDeg: number;
  readonly sensorAzDeg: number;
  readonly sensorElDeg: number;
  readonly sensorRollDeg: number;
  readonly hfovDeg: number;
  readonly vfovDeg: number;
  readonly groundElevM: number;
}

export interface SensorModelFootprint {
  /** Upper-left, upper-right, lower-right, lower-left. */
  readonly cornerLatDeg: [number, number, number, number];
  readonly cornerLonDeg: [number, number, number, number];
  /** Where the line of sight meets the ground. */
  readonly centreLatDeg: number;
  readonly centreLonDeg: number;
}

/** The footprint, or undefined when an input is not finite, the sensor is not above the ground, or a corner ray misses it (at or above the horizon). */
export function sensorModelFootprint(input: SensorModelInput): SensorModelFootprint | undefined {
  const { sensorLatDeg, sensorLonDeg, sensorHaeM, hfovDeg, vfovDeg, groundElevM } = input;
  const { headingDeg, pitchDeg, rollDeg, sensorAzDeg, sensorElDeg, sensorRollDeg } = input;
  for (const x of [sensorLatDeg, sensorLonDeg, sensorHaeM, headingDeg, pitchDeg, rollDeg, sensorAzDeg, sensorElDeg, sensorRollDeg, hfovDeg, vfovDeg, groundElevM]) {
    if (!Number.isFinite(x)) return undefined;
  }
  if (!(hfovDeg > 0 && hfovDeg < 180 && vfovDeg > 0 && vfovDeg < 180) || !(sensorHaeM > groundElevM)) return undefined;
  const r = sensorToNed(input);
  const tanH = Math.tan((hfovDeg / 2) * DEG);
  const tanV = Math.tan((vfovDeg / 2) * DEG);
  const origin = geodeticToEcef(sensorLatDeg, sensorLonDeg, sensorHaeM);
  const sl = Math.sin(sensorLatDeg * DEG), cl = Math.cos(sensorLatDeg * DEG);
  const so = Math.sin(sensorLonDeg * DEG), co = Math.cos(sensorLonDeg * DEG);
  const hit = (u: number, v: number): { lat: number; lon: number } | undefined => {
    const [n, e, d] = imageRayNed(r, tanH, tanV, u, v);
    if (d < MIN_DESCENT) return undefined;
    // NED at the sensor → ECEF.
    const dx = -sl * co * n - so * e - cl * co * d;
    const dy = -sl * so * n + co * e - cl * so * d;
    const dz = cl * n - sl * d;
    return intersectHeight(origin, [dx, dy, dz], (sensorHaeM - groundElevM) / d, groundElevM);
  };
  const lat: number[] = [];
  const lon: number[] = [];
  for (const [u, v] of CORNER_UV) {
    const p = hit(u, v);
    if (p === undefined) return undefined;
    lat.push(p.lat);
    lon.push(p.lon);
  }
  const c = hit(0.5, 0.5);
  if (c === undefined) return undefined;
  return {
    cornerLatDeg: [lat[0]!, lat[1]!, lat[2]!, lat[3]!],
    cornerLonDeg: [lon[0]!, lon[1]!, lon[2]!, lon[3]!],
    centreLatDeg: c.lat,
    centreLonDeg: c.lon,
  };
}

/**
 * The point where origin + t·dir (t > 0, dir a unit ECEF vector) reaches
 * geodetic height `h`, by Newton's method on t from `t0`: the height's
 * derivative along the ray is dir · (the ellipsoid normal there). A step
 * that would leave the ray going up, or no convergence, is a miss.
 */
function intersectHeight(origin: readonly number[], dir: readonly number[], t0: number, h: number): { lat: number; lon: number } | undefined {
  let t = t0;
  for (let k = 0; k < MAX_NEWTON_STEPS; k++) {
    const g = ecefToGeodetic(origin[0]! + t * dir[0]!, origin[1]! + t * dir[1]!, origin[2]! + t * dir[2]!);
    const f = g.alt - h;
    if (Math.abs(f) < HEIGHT_TOLERANCE_M) return { lat: g.lat, lon: g.lon };
    const la = g.lat * DEG, lo = g.lon * DEG;
    const slope = Math.cos(la) * Math.cos(lo) * dir[0]! + Math.cos(la) * Math.sin(lo) * dir[1]! + Math.sin(la) * dir[2]!;
    if (slope > -MIN_DESCENT) return undefined;
    t -= f / slope;
    // Beyond a quarter of the Earth the ray has missed (or the numbers are meaningless).
    if (!(t > 0 && t < WGS84_A)) return undefined;
  }
  return undefined;
}
