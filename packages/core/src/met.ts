/** Meteorology: wind conventions and Pasquill–Gifford stability classes. */

export const STABILITY_CLASSES = ['A', 'B', 'C', 'D', 'E', 'F'] as const;
export type StabilityClass = (typeof STABILITY_CLASSES)[number];

export function isStabilityClass(s: string): s is StabilityClass {
  return (STABILITY_CLASSES as readonly string[]).includes(s);
}

/** Index 0..5 for A..F (used by typed-array kernels). */
export function stabilityIndex(s: StabilityClass): number {
  return STABILITY_CLASSES.indexOf(s);
}

/**
 * Meteorological wind (speed, direction it blows FROM, degrees clockwise from
 * north) to vector components toward east (u) and north (v).
 */
export function windFromToUv(speedMps: number, fromDeg: number): [number, number] {
  const t = (fromDeg * Math.PI) / 180;
  return [-speedMps * Math.sin(t), -speedMps * Math.cos(t)];
}

/** Inverse of windFromToUv. Direction in [0, 360). */
export function uvToWindFrom(uMps: number, vMps: number): { speedMps: number; fromDeg: number } {
  const speedMps = Math.hypot(uMps, vMps);
  let fromDeg = (Math.atan2(-uMps, -vMps) * 180) / Math.PI;
  if (fromDeg < 0) fromDeg += 360;
  if (fromDeg >= 360) fromDeg -= 360;
  return { speedMps, fromDeg };
}
