/**
 * WGS84 geodesy: geodetic <-> ECEF <-> local east/north/up.
 * Constants from NIMA TR8350.2 (WGS84). The ECEF->geodetic inverse uses
 * Bowring's iterative method to sub-millimetre precision at sortie ranges.
 */
export const WGS84_A = 6378137.0;
export const WGS84_F = 1 / 298.257223563;
export const WGS84_E2 = WGS84_F * (2 - WGS84_F);
const DEG = Math.PI / 180;

export interface LatLon {
  readonly lat: number;
  readonly lon: number;
}
export interface LatLonAlt extends LatLon {
  readonly alt: number;
}
export interface Enu {
  readonly east: number;
  readonly north: number;
  readonly up: number;
}

export function geodeticToEcef(latDeg: number, lonDeg: number, h: number): [number, number, number] {
  const lat = latDeg * DEG;
  const lon = lonDeg * DEG;
  const s = Math.sin(lat);
  const c = Math.cos(lat);
  const n = WGS84_A / Math.sqrt(1 - WGS84_E2 * s * s);
  return [(n + h) * c * Math.cos(lon), (n + h) * c * Math.sin(lon), (n * (1 - WGS84_E2) + h) * s];
}

export function ecefToGeodetic(x: number, y: number, z: number): LatLonAlt {
  const lon = Math.atan2(y, x);
  const p = Math.hypot(x, y);
  let lat = Math.atan2(z, p * (1 - WGS84_E2));
  let h = 0;
  for (let i = 0; i < 6; i++) {
    const s = Math.sin(lat);
    const n = WGS84_A / Math.sqrt(1 - WGS84_E2 * s * s);
    h = Math.abs(Math.cos(lat)) > 1e-12 ? p / Math.cos(lat) - n : Math.abs(z) / Math.abs(s) - n * (1 - WGS84_E2);
    lat = Math.atan2(z, p * (1 - (WGS84_E2 * n) / (n + h)));
  }
  return { lat: lat / DEG, lon: lon / DEG, alt: h };
}

/**
 * A local tangent plane anchored at an origin. Heights are metres above the
 * ellipsoid at the origin; sortie altitudes are above ground, and over the
 * few kilometres of a sortie we treat the ground as the tangent plane.
 */
export class LocalFrame {
  readonly origin: LatLonAlt;
  private readonly ox: number;
  private readonly oy: number;
  private readonly oz: number;
  // rotation ECEF -> ENU rows
  private readonly r: Float64Array;

  constructor(origin: LatLon & { alt?: number }) {
    if (!Number.isFinite(origin.lat) || !Number.isFinite(origin.lon) || Math.abs(origin.lat) > 90) {
      throw new RangeError(`LocalFrame: invalid origin ${origin.lat}, ${origin.lon}`);
    }
    this.origin = { lat: origin.lat, lon: origin.lon, alt: origin.alt ?? 0 };
    [this.ox, this.oy, this.oz] = geodeticToEcef(origin.lat, origin.lon, this.origin.alt);
    const sl = Math.sin(origin.lat * DEG);
    const cl = Math.cos(origin.lat * DEG);
    const so = Math.sin(origin.lon * DEG);
    const co = Math.cos(origin.lon * DEG);
    this.r = Float64Array.of(-so, co, 0, -sl * co, -sl * so, cl, cl * co, cl * so, sl);
  }

  toEnu(lat: number, lon: number, alt = 0): Enu {
    const [x, y, z] = geodeticToEcef(lat, lon, alt);
    const dx = x - this.ox;
    const dy = y - this.oy;
    const dz = z - this.oz;
    const r = this.r;
    return {
      east: r[0]! * dx + r[1]! * dy + r[2]! * dz,
      north: r[3]! * dx + r[4]! * dy + r[5]! * dz,
      up: r[6]! * dx + r[7]! * dy + r[8]! * dz,
    };
  }

  fromEnu(east: number, north: number, up = 0): LatLonAlt {
    const r = this.r;
    const x = this.ox + r[0]! * east + r[3]! * north + r[6]! * up;
    const y = this.oy + r[1]! * east + r[4]! * north + r[7]! * up;
    const z = this.oz + r[2]! * east + r[5]! * north + r[8]! * up;
    return ecefToGeodetic(x, y, z);
  }

  /**
   * Horizontal projection used for sortie work: east/north on the tangent
   * plane, with `up` discarded (altitudes are handled as above-ground).
   */
  project(lat: number, lon: number): [number, number] {
    const e = this.toEnu(lat, lon, this.origin.alt);
    return [e.east, e.north];
  }

  unproject(east: number, north: number): LatLon {
    // Iterate so that the point lies on the origin's height surface, not the tangent plane.
    let up = (east * east + north * north) / (2 * 6371000);
    let g = this.fromEnu(east, north, up);
    for (let i = 0; i < 2; i++) {
      const back = this.toEnu(g.lat, g.lon, this.origin.alt);
      up = back.up;
      g = this.fromEnu(east, north, up);
    }
    return { lat: g.lat, lon: g.lon };
  }
}

/** Great-circle-free distance on the WGS84 ellipsoid via ECEF chord (exact for the sub-10 km scales used here). */
export function distanceM(a: LatLon, b: LatLon): number {
  const [x1, y1, z1] = geodeticToEcef(a.lat, a.lon, 0);
  const [x2, y2, z2] = geodeticToEcef(b.lat, b.lon, 0);
  return Math.hypot(x2 - x1, y2 - y1, z2 - z1);
}
