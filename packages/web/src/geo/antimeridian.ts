/**
 * Rings that cross the antimeridian, as Natural Earth has them (Chukotka,
 * Fiji, Antarctica), jump from +180° to −180°: drawn as they are, a fill or
 * a coastline streaks across the whole map. Unwrapping makes every step
 * shorter than 180° of longitude (MapLibre draws longitudes beyond ±180° on
 * the neighbouring world copy). A ring that goes once round a pole
 * (Antarctica) then ends 360° from where it began; it is closed through the
 * pole, which the Web Mercator projection clamps to the map's edge.
 */
import type { Position } from 'geojson';

/** The ring with longitudes shifted by multiples of 360° so no step exceeds 180°. */
export function unwrapRing(ring: readonly Position[]): Position[] {
  const out: Position[] = [];
  let shift = 0;
  let prev: number | null = null;
  for (const p of ring) {
    const lon = p[0]!;
    if (prev !== null) {
      const d = lon + shift - prev;
      if (d > 180) shift -= 360;
      else if (d < -180) shift += 360;
    }
    const q: Position = [lon + shift, p[1]!];
    out.push(q);
    prev = q[0]!;
  }
  const first = out[0];
  const last = out[out.length - 1];
  if (first === undefined || last === undefined) return out;
  const net = last[0]! - first[0]!;
  if (Math.abs(net) > 180) {
    // Round a pole: along the pole's latitude back to the start, then closed.
    const meanLat = out.reduce((a, p) => a + p[1]!, 0) / out.length;
    const poleLat = meanLat < 0 ? -90 : 90;
    out.push([last[0]!, poleLat], [first[0]!, poleLat], [first[0]!, first[1]!]);
  }
  return out;
}

/** Unwraps every ring of a (Multi)Polygon. */
export function unwrapPolygonRings(polygons: readonly (readonly (readonly Position[])[])[]): Position[][][] {
  return polygons.map((rings) => rings.map(unwrapRing));
}
