/**
 * Wind-direction uncertainty: the footprint swept through ±theta about the
 * source, like ALOHA's "wind direction confidence lines" (Jones et al. 2013,
 * NOAA Tech. Memo. NOS OR&R 43), which are wide in light wind and narrow in
 * strong wind. ALOHA's own formula is not reproduced here; ours is:
 *
 *   sigma_v    = sqrt(sigma_m^2 + (a U)^2)          lateral velocity spread, m/s
 *   sigma_theta = atan(sigma_v / U)                  direction spread of the mean wind
 *   theta      = min(90°, 1.96 sigma_theta)          95 % two-sided half-angle
 *
 * with sigma_m = 0.5 m/s, the low-wind meander floor observed in sonic
 * anemometer studies (Anfossi et al. 2005, Boundary-Layer Meteorol. 114, 179-203;
 * Hanna 1990, Il Nuovo Cimento 13C), and a = 0.1, the neutral
 * surface-layer sigma_v/U (sigma_v ≈ 1.9 u_star, Panofsky & Dutton 1984, with
 * u_star/U ≈ 0.05 at 10 m). theta ≈ 53° at 1 m/s, 30° at 2 m/s, 16° at 5 m/s,
 * 13° at 10 m/s, tending to 11° in strong wind.
 */
import { NarizError } from '@nariz/core';
import type { PlanarRing } from './footprint.js';

export const MEANDER_SIGMA_V_MPS = 0.5;
export const TURBULENT_SIGMA_V_PER_U = 0.1;
export const MAX_DIRECTION_UNCERTAINTY_DEG = 90;

/** The default 95 % wind-direction half-angle, degrees, for a wind speed in m/s. */
export function defaultDirectionUncertaintyDeg(windSpeedMps: number): number {
  if (!(windSpeedMps > 0)) throw new NarizError('NARIZ_USAGE', `wind speed must be positive (got ${windSpeedMps} m/s)`);
  const sv = Math.hypot(MEANDER_SIGMA_V_MPS, TURBULENT_SIGMA_V_PER_U * windSpeedMps);
  const theta = (1.96 * Math.atan(sv / windSpeedMps) * 180) / Math.PI;
  return Math.min(MAX_DIRECTION_UNCERTAINTY_DEG, theta);
}

/**
 * The angular half-extent Phi(r) of a ring at radius r about the origin:
 * the largest |bearing from the x axis| of the ring's crossings of the circle.
 * Returns -1 when the circle misses the ring.
 */
function angularHalfExtent(ring: PlanarRing, r: number): number {
  let phi = -1;
  const r2 = r * r;
  for (let i = 0; i + 1 < ring.length; i++) {
    const [px, py] = ring[i]!;
    const [qx, qy] = ring[i + 1]!;
    const dx = qx - px;
    const dy = qy - py;
    const a = dx * dx + dy * dy;
    if (a === 0) continue;
    const b = px * dx + py * dy;
    const c = px * px + py * py - r2;
    const disc = b * b - a * c;
    if (disc < 0) continue;
    const sq = Math.sqrt(disc);
    for (const t of [(-b - sq) / a, (-b + sq) / a]) {
      if (t < -1e-12 || t > 1 + 1e-12) continue;
      const x = px + t * dx;
      const y = py + t * dy;
      if (x === 0 && y === 0) continue;
      phi = Math.max(phi, Math.abs(Math.atan2(y, x)));
    }
  }
  return phi;
}

function pushArc(out: PlanarRing, r: number, from: number, to: number): void {
  // Interior vertices only, at most 1° apart.
  const steps = Math.ceil(Math.abs(to - from) / (Math.PI / 180));
  for (let s = 1; s < steps; s++) {
    const a = from + ((to - from) * s) / steps;
    out.push([r * Math.cos(a), r * Math.sin(a)]);
  }
}

/**
 * The region swept by a wind-frame footprint ring rotated through
 * ±thetaDeg about the source (the origin). At each radius r the ring covers
 * bearings [-Phi(r), Phi(r)]; the swept region covers [-Phi(r) - theta,
 * Phi(r) + theta]. Where the footprint's crossing of a circle is not a single
 * arc through the centreline the result is the arc's hull, i.e. slightly
 * larger (conservative). The boundary is evaluated at every vertex radius
 * of the footprint, so it is as finely resolved as the footprint itself.
 * Returns a closed counter-clockwise ring.
 */
export function sweepRing(ring: PlanarRing, thetaDeg: number): PlanarRing {
  if (!(thetaDeg >= 0 && thetaDeg <= MAX_DIRECTION_UNCERTAINTY_DEG)) {
    throw new NarizError('NARIZ_USAGE', `direction uncertainty must be within 0..${MAX_DIRECTION_UNCERTAINTY_DEG}° (got ${thetaDeg})`);
  }
  const theta = (thetaDeg * Math.PI) / 180;
  const polar = ring.map(([x, y]) => ({ r: Math.hypot(x, y), phi: x === 0 && y === 0 ? 0 : Math.abs(Math.atan2(y, x)) }));
  polar.sort((a, b) => a.r - b.r);
  const rs: number[] = [];
  const bound: number[] = [];
  for (const v of polar) {
    const prev = rs[rs.length - 1];
    if (prev !== undefined && v.r - prev <= 1e-9 * v.r) {
      bound[bound.length - 1] = Math.max(bound[bound.length - 1]!, Math.min(Math.PI, v.phi + theta));
      continue;
    }
    rs.push(v.r);
    bound.push(Math.min(Math.PI, Math.max(v.phi, angularHalfExtent(ring, v.r)) + theta));
  }
  const n = rs.length - 1;
  if (n < 1) throw new NarizError('NARIZ_NUMERIC', 'direction envelope: degenerate footprint ring');
  const rMin = rs[0]!;
  const rMax = rs[n]!;
  const out: PlanarRing = [];
  const fromOrigin = rMin === 0;
  if (fromOrigin) out.push([0, 0]);
  for (let i = fromOrigin ? 1 : 0; i <= n; i++) out.push([rs[i]! * Math.cos(-bound[i]!), rs[i]! * Math.sin(-bound[i]!)]);
  pushArc(out, rMax, -bound[n]!, bound[n]!);
  for (let i = n; i >= (fromOrigin ? 1 : 0); i--) {
    if (i === n && bound[n] === 0) continue;
    out.push([rs[i]! * Math.cos(bound[i]!), rs[i]! * Math.sin(bound[i]!)]);
  }
  if (!fromOrigin) pushArc(out, rMin, bound[0]!, -bound[0]!);
  out.push([out[0]![0], out[0]![1]]);
  return out;
}
