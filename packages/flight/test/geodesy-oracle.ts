/**
 * Brute-force geodesy for tests, independent of the code under test:
 * haversine distances on a sphere of the WGS84 mean radius, and the
 * distance from a point to a polygon boundary by sampling every edge densely.
 */
export const MEAN_EARTH_RADIUS_M = 6_371_008.8;

export function haversineM(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const r = Math.PI / 180;
  const dLat = (lat2 - lat1) * r;
  const dLon = (lon2 - lon1) * r;
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * r) * Math.cos(lat2 * r) * Math.sin(dLon / 2) ** 2;
  return 2 * MEAN_EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(a)));
}

/** Point reached from (lat, lon) after distanceM on an initial bearing (degrees clockwise from north), on the sphere. */
export function destination(lat: number, lon: number, bearingDeg: number, distanceM: number): { lat: number; lon: number } {
  const r = Math.PI / 180;
  const d = distanceM / MEAN_EARTH_RADIUS_M;
  const b = bearingDeg * r;
  const p1 = lat * r;
  const p2 = Math.asin(Math.sin(p1) * Math.cos(d) + Math.cos(p1) * Math.sin(d) * Math.cos(b));
  const l2 = lon * r + Math.atan2(Math.sin(b) * Math.sin(d) * Math.cos(p1), Math.cos(d) - Math.sin(p1) * Math.sin(p2));
  return { lat: p2 / r, lon: l2 / r };
}

/** Smallest haversine distance from a point to any edge of the rings, edges sampled every ~20 m. */
export function distanceToRingsM(lat: number, lon: number, rings: ReadonlyArray<ReadonlyArray<readonly number[]>>): number {
  let best = Infinity;
  const coarse = 0.5; // degrees: skip edges clearly farther than needed
  for (const ring of rings) {
    for (let i = 0; i + 1 < ring.length; i++) {
      const a = ring[i]!;
      const b = ring[i + 1]!;
      if (Math.min(a[1]!, b[1]!) > lat + coarse || Math.max(a[1]!, b[1]!) < lat - coarse) continue;
      if (Math.min(a[0]!, b[0]!) > lon + coarse * 2 || Math.max(a[0]!, b[0]!) < lon - coarse * 2) continue;
      const len = haversineM(a[1]!, a[0]!, b[1]!, b[0]!);
      const steps = Math.max(1, Math.ceil(len / 20));
      for (let k = 0; k <= steps; k++) {
        const f = k / steps;
        const d = haversineM(lat, lon, a[1]! + f * (b[1]! - a[1]!), a[0]! + f * (b[0]! - a[0]!));
        if (d < best) best = d;
      }
    }
  }
  return best;
}
