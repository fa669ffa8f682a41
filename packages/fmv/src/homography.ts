/**
 * The projective map (homography) from the unit square to a quadrilateral,
 * Heckbert's closed form (P. Heckbert, "Fundamentals of Texture Mapping
 * and Image Warping", UC Berkeley 1989, §2.2.3). A pinhole camera looking
 * at flat ground maps image to ground by exactly such a map, so the four
 * footprint corners fix every pixel's ground point; the bilinear map
 * through the same corners bends straight lines and misplaces interior
 * points of oblique (trapezoidal) footprints.
 *
 * A homography is a row-major 3×3 `Float64Array` [a b c; d e f; g h i]:
 * (x, y) = ((a·u + b·v + c) / w, (d·u + e·v + f) / w), w = g·u + h·v + i.
 */

/** Corners in order (0,0) → 0, (1,0) → 1, (1,1) → 2, (0,1) → 3; undefined when the quadrilateral is not strictly convex (then no homography of the square fits it). */
export function squareToQuad(x: ArrayLike<number>, y: ArrayLike<number>): Float64Array | undefined {
  const x0 = x[0]!, x1 = x[1]!, x2 = x[2]!, x3 = x[3]!;
  const y0 = y[0]!, y1 = y[1]!, y2 = y[2]!, y3 = y[3]!;
  if (!isStrictlyConvex(x0, y0, x1, y1, x2, y2, x3, y3)) return undefined;
  const sx = x0 - x1 + x2 - x3;
  const sy = y0 - y1 + y2 - y3;
  const dx1 = x1 - x2, dx2 = x3 - x2, dy1 = y1 - y2, dy2 = y3 - y2;
  const den = dx1 * dy2 - dx2 * dy1;
  const g = (sx * dy2 - dx2 * sy) / den;
  const h = (dx1 * sy - sx * dy1) / den;
  const m = Float64Array.of(x1 - x0 + g * x1, x3 - x0 + h * x3, x0, y1 - y0 + g * y1, y3 - y0 + h * y3, y0, g, h, 1);
  for (const v of m) if (!Number.isFinite(v)) return undefined;
  return m;
}

/**
 * The inverse map M⁻¹ = adj(M)/det(M); undefined when singular. Scaled by
 * 1/det (not normalised to a last element of 1) so that its w is 1/w of
 * the forward map: positive exactly on the points the forward map reaches
 * with w > 0, which `applyHomography` relies on.
 */
export function invertHomography(m: Float64Array): Float64Array | undefined {
  const [a, b, c, d, e, f, g, h, i] = m as unknown as [number, number, number, number, number, number, number, number, number];
  const A = e * i - f * h, B = c * h - b * i, C = b * f - c * e;
  const D = f * g - d * i, E = a * i - c * g, F = c * d - a * f;
  const G = d * h - e * g, H = b * g - a * h, I = a * e - b * d;
  const det = a * A + b * D + c * G;
  const s = 1 / det;
  const inv = Float64Array.of(A * s, B * s, C * s, D * s, E * s, F * s, G * s, H * s, I * s);
  for (const v of inv) if (!Number.isFinite(v)) return undefined;
  return inv;
}

/**
 * Applies `m` to (u, v), writing (x, y) into `out`; false (and `out`
 * untouched) when w ≤ 0, i.e. the point maps through the line at infinity
 * (for a camera, beyond the horizon).
 */
export function applyHomography(m: Float64Array, u: number, v: number, out: [number, number]): boolean {
  let w = m[6]! * u + m[7]! * v + m[8]!;
  if (!(w > 0)) return false;
  w = 1 / w;
  out[0] = (m[0]! * u + m[1]! * v + m[2]!) * w;
  out[1] = (m[3]! * u + m[4]! * v + m[5]!) * w;
  return true;
}

/** Every turn of the closed polygon 0-1-2-3 has the same sign and is not degenerate. */
function isStrictlyConvex(x0: number, y0: number, x1: number, y1: number, x2: number, y2: number, x3: number, y3: number): boolean {
  const t0 = cross(x3, y3, x0, y0, x1, y1);
  const t1 = cross(x0, y0, x1, y1, x2, y2);
  const t2 = cross(x1, y1, x2, y2, x3, y3);
  const t3 = cross(x2, y2, x3, y3, x0, y0);
  const scale = Math.max(Math.abs(t0), Math.abs(t1), Math.abs(t2), Math.abs(t3));
  if (!(scale > 0)) return false;
  const eps = 1e-12 * scale;
  return (t0 > eps && t1 > eps && t2 > eps && t3 > eps) || (t0 < -eps && t1 < -eps && t2 < -eps && t3 < -eps);
}

/** The z of (b − a) × (c − b). */
function cross(ax: number, ay: number, bx: number, by: number, cx: number, cy: number): number {
  return (bx - ax) * (cy - by) - (by - ay) * (cx - bx);
}
