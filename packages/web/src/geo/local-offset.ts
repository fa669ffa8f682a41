/**
 * Small east/north offsets (metres) to WGS84 degrees and back, with the
 * ellipsoid's radii of curvature at the point (meridional M, prime vertical N).
 * For offsets up to a few km the error of this tangent-plane step is below a
 * metre, far under any 95 % ellipse the estimator reports.
 */
const A = 6378137; // WGS84 semi-major axis, m
const E2 = 6.69437999014e-3; // WGS84 first eccentricity squared

export function radiiOfCurvatureM(latDeg: number): { meridionalM: number; primeVerticalM: number } {
  const s = Math.sin((latDeg * Math.PI) / 180);
  const w = 1 - E2 * s * s;
  return { meridionalM: (A * (1 - E2)) / (w * Math.sqrt(w)), primeVerticalM: A / Math.sqrt(w) };
}

/** The point `eastM`, `northM` from (lat, lon), as [lon, lat]. */
export function offsetLonLat(latDeg: number, lonDeg: number, eastM: number, northM: number): [number, number] {
  const { meridionalM, primeVerticalM } = radiiOfCurvatureM(latDeg);
  const dLat = (northM / meridionalM) * (180 / Math.PI);
  const dLon = (eastM / (primeVerticalM * Math.cos((latDeg * Math.PI) / 180))) * (180 / Math.PI);
  return [lonDeg + dLon, latDeg + dLat];
}

/** East/north metres of (lat, lon) from an origin: the inverse of offsetLonLat. */
export function eastNorthM(originLat: number, originLon: number, lat: number, lon: number): [number, number] {
  const { meridionalM, primeVerticalM } = radiiOfCurvatureM(originLat);
  const east = ((lon - originLon) * Math.PI) / 180 * primeVerticalM * Math.cos((originLat * Math.PI) / 180);
  const north = ((lat - originLat) * Math.PI) / 180 * meridionalM;
  return [east, north];
}
