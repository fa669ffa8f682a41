/**
 * Land grown by a distance in metres (e.g. the 12-nautical-mile territorial
 * sea), done in metres, not degrees: a degree of longitude is 111 km at the
 * equator and 64 km at 55° N, so buffering in degrees would give a band
 * twice as wide east–west as north–south in northern Europe.
 *
 * Method: the land is cut into tiles of at most TILE_DEG; each piece is
 * buffered by Turf, which projects it with an azimuthal equidistant
 * projection centred on the piece (spherical, R = 6 371 008.8 m), buffers in
 * metres (JTS), and projects back; the pieces are united. Cutting is exact:
 * buffer(A ∪ B) = buffer(A) ∪ buffer(B), and a buffer around a cut inside
 * the land reaches no sea point that is not also within the distance of the
 * coast. Errors: the projection's scale error at ≤ 300 km from a piece's
 * centre is < 4·10⁻⁴ (< 9 m on 22 km); the spherical radius differs from
 * WGS84's radii of curvature by up to 0.3 % (< 70 m); round parts are
 * polygonised with QUADRANT_SEGMENTS per quarter circle (chord error 27 m
 * on 22 km). All far below the generalisation of the 1:50m coastline.
 */
import * as turf from '@turf/turf';
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';

export type BBox = readonly [number, number, number, number];

export const TILE_DEG = 4;
export const QUADRANT_SEGMENTS = 16;
const METRES_PER_DEGREE_LAT = 111_320;

/** `box` grown by `distanceM` on every side, in degrees at its poleward edge. */
export function padBox(box: BBox, distanceM: number): [number, number, number, number] {
  const dLat = distanceM / METRES_PER_DEGREE_LAT;
  const poleward = Math.min(89, Math.max(Math.abs(box[1]), Math.abs(box[3])) + dLat);
  const dLon = distanceM / (METRES_PER_DEGREE_LAT * Math.cos((poleward * Math.PI) / 180));
  return [Math.max(-180, box[0] - dLon), Math.max(-90, box[1] - dLat), Math.min(180, box[2] + dLon), Math.min(90, box[3] + dLat)];
}

export function boxesOverlap(a: BBox, b: BBox): boolean {
  return a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];
}

export function bboxOf(m: MultiPolygon): [number, number, number, number] {
  let w = Infinity;
  let s = Infinity;
  let e = -Infinity;
  let n = -Infinity;
  for (const poly of m.coordinates) for (const p of poly[0] ?? []) {
    w = Math.min(w, p[0]!);
    e = Math.max(e, p[0]!);
    s = Math.min(s, p[1]!);
    n = Math.max(n, p[1]!);
  }
  return [w, s, e, n];
}

/** Polygons of `m` clipped to `box` (Sutherland–Hodgman on each ring), empty pieces dropped. */
export function clipToBox(m: MultiPolygon, box: BBox): Position[][][] {
  const out: Position[][][] = [];
  for (const poly of m.coordinates) {
    const g = turf.bboxClip(turf.polygon(poly), [...box]).geometry;
    if (g.type !== 'Polygon') continue;
    const clipped = g.coordinates;
    const rings = clipped.filter((r) => r.length >= 4);
    if (rings.length > 0 && rings[0] === clipped[0]) out.push(rings);
  }
  return out;
}

/**
 * The land grown by distanceM, restricted to `within` (the buffer of land
 * outside `within` that reaches into it is included: land is taken from
 * `within` padded by the distance). Null when nothing lies within.
 */
export function bufferLand(land: MultiPolygon, distanceM: number, within: BBox): MultiPolygon | null {
  const reach = padBox(within, distanceM * 1.05);
  const lb = bboxOf(land);
  if (!boxesOverlap(lb, reach)) return null;
  const pieces: Array<Feature<Polygon | MultiPolygon>> = [];
  const x0 = Math.max(reach[0], lb[0]);
  const y0 = Math.max(reach[1], lb[1]);
  const x1 = Math.min(reach[2], lb[2]);
  const y1 = Math.min(reach[3], lb[3]);
  const nx = Math.max(1, Math.ceil((x1 - x0) / TILE_DEG));
  const ny = Math.max(1, Math.ceil((y1 - y0) / TILE_DEG));
  for (let i = 0; i < nx; i++) {
    for (let k = 0; k < ny; k++) {
      // Tiles overlap by a hair so that no sliver of land falls between them.
      const tile: BBox = [x0 + ((x1 - x0) * i) / nx - 1e-9, y0 + ((y1 - y0) * k) / ny - 1e-9, x0 + ((x1 - x0) * (i + 1)) / nx + 1e-9, y0 + ((y1 - y0) * (k + 1)) / ny + 1e-9];
      const polys = clipToBox(land, tile);
      if (polys.length === 0) continue;
      const centreLon = 0.5 * (tile[0] + tile[2]);
      const buffered = turf.buffer(turf.multiPolygon(polys), distanceM / 1000, { units: 'kilometers', steps: QUADRANT_SEGMENTS });
      if (buffered === undefined) continue;
      pieces.push(unwrap(buffered, centreLon));
    }
  }
  const clip = turf.bboxPolygon([...within]);
  const merged = pieces.length === 0 ? null : pieces.length === 1 ? pieces[0]! : turf.union(turf.featureCollection<Polygon | MultiPolygon>(pieces));
  if (merged === null) return null;
  const inside = turf.intersect(turf.featureCollection<Polygon | MultiPolygon>([merged, clip]));
  return inside === null ? null : asMulti(inside.geometry);
}

/**
 * Longitudes brought within 180° of the piece's centre: a buffer reaching
 * across the antimeridian comes back from the projection wrapped to the
 * other side of the map; unwrapped, the part beyond ±180° is cut off by the
 * final clip instead of spanning the globe.
 */
function unwrap(f: Feature<Polygon | MultiPolygon>, centreLon: number): Feature<Polygon | MultiPolygon> {
  const fix = (p: Position): Position => {
    let lon = p[0]!;
    while (lon - centreLon > 180) lon -= 360;
    while (lon - centreLon < -180) lon += 360;
    return [lon, p[1]!];
  };
  const g = f.geometry;
  return g.type === 'Polygon'
    ? turf.polygon(g.coordinates.map((r) => r.map(fix)))
    : turf.multiPolygon(g.coordinates.map((poly) => poly.map((r) => r.map(fix))));
}

export function asMulti(g: Polygon | MultiPolygon): MultiPolygon {
  return g.type === 'MultiPolygon' ? g : { type: 'MultiPolygon', coordinates: [g.coordinates] };
}
