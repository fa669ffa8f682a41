/**
 * A 95 % credible ellipse as a GeoJSON polygon ring. The ellipse is given
 * by its semi-axes and the azimuth of the major axis in degrees clockwise
 * from north (docs/cli.md, `ellipse95`), around a centre in degrees.
 */
import { offsetLonLat } from './local-offset.js';

export interface EllipseSpec {
  readonly lat: number;
  readonly lon: number;
  readonly semiMajorM: number;
  readonly semiMinorM: number;
  readonly azimuthDeg: number;
}

/**
 * `segments` vertices around the ellipse plus the closing one: the ring is
 * closed and counter-clockwise (RFC 7946 §3.1.6). Vertex 0 is the end of the
 * major axis in the azimuth's direction.
 */
export function ellipseRing(e: EllipseSpec, segments = 72): [number, number][] {
  if (!(e.semiMajorM >= 0 && e.semiMinorM >= 0)) throw new RangeError(`ellipseRing: semi-axes must be >= 0 (got ${e.semiMajorM}, ${e.semiMinorM})`);
  if (!Number.isInteger(segments) || segments < 8) throw new RangeError(`ellipseRing: at least 8 segments (got ${segments})`);
  const th = (e.azimuthDeg * Math.PI) / 180;
  // Unit vectors in (east, north): along the major axis (azimuth clockwise from north),
  // and along the minor axis, 90° counter-clockwise from it so that increasing φ runs counter-clockwise.
  const ue = Math.sin(th);
  const un = Math.cos(th);
  const ve = -Math.cos(th);
  const vn = Math.sin(th);
  const ring: [number, number][] = [];
  for (let i = 0; i < segments; i++) {
    const phi = (2 * Math.PI * i) / segments;
    const a = e.semiMajorM * Math.cos(phi);
    const b = e.semiMinorM * Math.sin(phi);
    ring.push(offsetLonLat(e.lat, e.lon, a * ue + b * ve, a * un + b * vn));
  }
  const first = ring[0]!;
  ring.push([first[0], first[1]]);
  return ring;
}

/** Twice the signed area of a ring on the lon/lat plane: positive when counter-clockwise. */
export function signedArea2(ring: readonly (readonly [number, number])[]): number {
  let s = 0;
  for (let i = 0; i + 1 < ring.length; i++) s += ring[i]![0] * ring[i + 1]![1] - ring[i + 1]![0] * ring[i]![1];
  return s;
}
