/**
 * Planar ring geometry for hazard polygons: signed area, orientation,
 * point-in-ring, and the rotation from the wind frame to local east/north.
 */
import type { PlanarRing } from './footprint.js';

/** Shoelace signed area, m^2: positive for a counter-clockwise ring. */
export function ringSignedArea(ring: PlanarRing): number {
  let s = 0;
  for (let i = 0; i + 1 < ring.length; i++) {
    const [x0, y0] = ring[i]!;
    const [x1, y1] = ring[i + 1]!;
    s += x0 * y1 - x1 * y0;
  }
  return s / 2;
}

/** The same ring, reversed if needed so it runs counter-clockwise (RFC 7946 exterior rings). */
export function ensureCcw(ring: PlanarRing): PlanarRing {
  return ringSignedArea(ring) < 0 ? [...ring].reverse() : ring;
}

/** Even-odd point-in-ring test (points on the boundary may go either way). */
export function pointInRing(x: number, y: number, ring: PlanarRing): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i]!;
    const [xj, yj] = ring[j]!;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/**
 * Wind frame (x toward where the wind blows, y to its left) to local
 * (east, north), for a wind blowing FROM `windFromDeg` (clockwise from north).
 * A proper rotation, so orientation (CCW) is preserved.
 */
export function windFrameToEnu(ring: PlanarRing, windFromDeg: number): PlanarRing {
  const t = (windFromDeg * Math.PI) / 180;
  const de = -Math.sin(t);
  const dn = -Math.cos(t);
  return ring.map(([x, y]) => [x * de - y * dn, x * dn + y * de]);
}

/** Largest distance of a ring's vertices from the origin and their largest |y|, m. */
export function ringExtent(ring: PlanarRing): { readonly maxRadiusM: number; readonly maxAbsYM: number } {
  let r = 0;
  let w = 0;
  for (const [x, y] of ring) {
    r = Math.max(r, Math.hypot(x, y));
    w = Math.max(w, Math.abs(y));
  }
  return { maxRadiusM: r, maxAbsYM: w };
}
