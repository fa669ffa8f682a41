/**
 * Plain geometry of a search-area ring in longitude/latitude (RFC 7946
 * positions [lon, lat]): closing, orientation, rectangles, area on the
 * sphere and self-intersection. Pure; used by the drawing state machine and
 * the survey form.
 */

/** A position [lon, lat], degrees. */
export type LngLat = readonly [number, number];

/** Mean Earth radius (IUGG), m: the sphere the area is measured on. */
const EARTH_RADIUS_M = 6_371_008.8;

function same(a: LngLat, b: LngLat): boolean {
  return a[0] === b[0] && a[1] === b[1];
}

/** The vertices without the closing repeat of the first one. */
export function openRing(ring: readonly LngLat[]): LngLat[] {
  const out = [...ring];
  if (out.length > 1 && same(out[0]!, out[out.length - 1]!)) out.pop();
  return out;
}

/** A closed ring: the first vertex repeated at the end. */
export function closeRing(vertices: readonly LngLat[]): LngLat[] {
  const open = openRing(vertices);
  return open.length === 0 ? [] : [...open, open[0]!];
}

/** Twice the signed area in degrees² (shoelace): positive counterclockwise. */
function signedArea2(vertices: readonly LngLat[]): number {
  let a = 0;
  for (let i = 0; i < vertices.length; i++) {
    const p = vertices[i]!;
    const q = vertices[(i + 1) % vertices.length]!;
    a += p[0] * q[1] - q[0] * p[1];
  }
  return a;
}

/** The ring closed and counterclockwise, as RFC 7946 asks of an exterior ring. */
export function exteriorRing(vertices: readonly LngLat[]): LngLat[] {
  const open = openRing(vertices);
  return closeRing(signedArea2(open) < 0 ? [...open].reverse() : open);
}

/** The rectangle with corners a and b (any two opposite corners), closed, counterclockwise. */
export function rectangleRing(a: LngLat, b: LngLat): LngLat[] {
  const w = Math.min(a[0], b[0]);
  const e = Math.max(a[0], b[0]);
  const s = Math.min(a[1], b[1]);
  const n = Math.max(a[1], b[1]);
  return [[w, s], [e, s], [e, n], [w, n], [w, s]];
}

/**
 * Area of a ring on the sphere, m² (the spherical-excess sum used by GIS
 * libraries; exact for edges that are great circles, and within a
 * fraction of a percent for the small areas a drone surveys).
 */
export function ringAreaM2(ring: readonly LngLat[]): number {
  const open = openRing(ring);
  if (open.length < 3) return 0;
  const rad = Math.PI / 180;
  let sum = 0;
  for (let i = 0; i < open.length; i++) {
    const p = open[i]!;
    const q = open[(i + 1) % open.length]!;
    sum += (q[0] - p[0]) * rad * (2 + Math.sin(p[1] * rad) + Math.sin(q[1] * rad));
  }
  return Math.abs((sum * EARTH_RADIUS_M * EARTH_RADIUS_M) / 2);
}

function orientation(p: LngLat, q: LngLat, r: LngLat): number {
  const v = (q[1] - p[1]) * (r[0] - q[0]) - (q[0] - p[0]) * (r[1] - q[1]);
  return v > 0 ? 1 : v < 0 ? -1 : 0;
}

function onSegment(p: LngLat, q: LngLat, r: LngLat): boolean {
  return q[0] <= Math.max(p[0], r[0]) && q[0] >= Math.min(p[0], r[0]) && q[1] <= Math.max(p[1], r[1]) && q[1] >= Math.min(p[1], r[1]);
}

/** Whether segments ab and cd meet (touching counts). */
export function segmentsIntersect(a: LngLat, b: LngLat, c: LngLat, d: LngLat): boolean {
  const o1 = orientation(a, b, c);
  const o2 = orientation(a, b, d);
  const o3 = orientation(c, d, a);
  const o4 = orientation(c, d, b);
  if (o1 !== o2 && o3 !== o4) return true;
  return (o1 === 0 && onSegment(a, c, b)) || (o2 === 0 && onSegment(a, d, b)) || (o3 === 0 && onSegment(c, a, d)) || (o4 === 0 && onSegment(c, b, d));
}

/**
 * Whether the polygon through these vertices (closed implicitly) crosses or
 * touches itself: any two edges that are not neighbours meet. O(n²), for
 * the tens of vertices a person clicks.
 */
export function selfIntersects(vertices: readonly LngLat[]): boolean {
  const v = openRing(vertices);
  const n = v.length;
  if (n < 4) return false;
  for (let i = 0; i < n; i++) {
    const a = v[i]!;
    const b = v[(i + 1) % n]!;
    for (let j = i + 1; j < n; j++) {
      // Neighbouring edges share a vertex; the first and last edges are neighbours too.
      if (j === i + 1 || (i === 0 && j === n - 1)) continue;
      if (segmentsIntersect(a, b, v[j]!, v[(j + 1) % n]!)) return true;
    }
  }
  return false;
}
