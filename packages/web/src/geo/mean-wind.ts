/**
 * The mean wind of a sortie's samples, as a survey planner wants it: the
 * vector mean of the (u, v) components (u toward east, v toward north,
 * m/s), as a speed and the direction it blows from (degrees clockwise from
 * north, [0, 360)). Samples without wind (NaN) are skipped; null when none
 * has any.
 */
export interface MeanWind {
  readonly speedMps: number;
  readonly fromDeg: number;
  /** Samples averaged. */
  readonly count: number;
}

export function meanWind(u: ArrayLike<number>, v: ArrayLike<number>): MeanWind | null {
  let su = 0;
  let sv = 0;
  let count = 0;
  const n = Math.min(u.length, v.length);
  for (let i = 0; i < n; i++) {
    const a = u[i]!;
    const b = v[i]!;
    if (!Number.isFinite(a) || !Number.isFinite(b)) continue;
    su += a;
    sv += b;
    count++;
  }
  if (count === 0) return null;
  const mu = su / count;
  const mv = sv / count;
  // Into [0, 360), and never −0 (a north wind is 0°).
  const fromDeg = ((((Math.atan2(-mu, -mv) * 180) / Math.PI) % 360) + 360) % 360;
  return { speedMps: Math.hypot(mu, mv), fromDeg, count };
}
