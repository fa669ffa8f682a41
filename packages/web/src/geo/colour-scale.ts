/**
 * The concentration colour scale of the track: a dark-to-hot ramp for a dark
 * map, linear in concentration between a robust low and high of the data
 * (quantiles, so one spike or a negative noise sample does not set the scale).
 * The same stops drive the MapLibre expression and the legend.
 */

/** Ramp stops, low to high: dim blue (background) → teal → yellow → orange → red (strongest plume). */
export const RAMP: readonly string[] = ['#23407a', '#2f7fc0', '#35b39a', '#d7de4f', '#f5983a', '#e6393a'];

function hexToRgb(hex: string): [number, number, number] {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

function toHex(c: number): string {
  return Math.round(Math.min(255, Math.max(0, c))).toString(16).padStart(2, '0');
}

/** The ramp's colour at t in [0, 1] (clamped), interpolated in sRGB between neighbouring stops. */
export function rampColour(t: number): string {
  if (Number.isNaN(t)) throw new RangeError('rampColour: t is NaN');
  const x = Math.min(1, Math.max(0, t)) * (RAMP.length - 1);
  const i = Math.min(RAMP.length - 2, Math.floor(x));
  const f = x - i;
  const a = hexToRgb(RAMP[i]!);
  const b = hexToRgb(RAMP[i + 1]!);
  return `#${toHex(a[0] + (b[0] - a[0]) * f)}${toHex(a[1] + (b[1] - a[1]) * f)}${toHex(a[2] + (b[2] - a[2]) * f)}`;
}

/** The q-quantile (0..1) of the finite values, linear between order statistics (type 7); NaN when there are none. */
export function quantile(values: ArrayLike<number>, q: number): number {
  const a: number[] = [];
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (Number.isFinite(v)) a.push(v);
  }
  if (a.length === 0) return Number.NaN;
  a.sort((x, y) => x - y);
  const h = (a.length - 1) * Math.min(1, Math.max(0, q));
  const lo = Math.floor(h);
  const hi = Math.min(a.length - 1, lo + 1);
  return a[lo]! + (a[hi]! - a[lo]!) * (h - lo);
}

export interface Domain {
  readonly lo: number;
  readonly hi: number;
}

/**
 * The scale's domain: from the median (about the background, since plumes
 * cover a small part of a survey) to the 99.5th percentile. A flat series
 * gets a unit-wide domain so the scale never divides by zero.
 */
export function concentrationDomain(values: ArrayLike<number>): Domain {
  const lo = quantile(values, 0.5);
  const hi = quantile(values, 0.995);
  if (Number.isNaN(lo) || Number.isNaN(hi)) return { lo: 0, hi: 1 };
  if (hi - lo <= Math.abs(lo) * 1e-9 || hi <= lo) return { lo, hi: lo + Math.max(1e-30, Math.abs(lo)) };
  return { lo, hi };
}

/** Where v falls in the domain, 0..1 (clamped). */
export function scalePosition(d: Domain, v: number): number {
  return Math.min(1, Math.max(0, (v - d.lo) / (d.hi - d.lo)));
}

/** [value, colour] pairs at the ramp's stops over the domain, for a MapLibre `interpolate` and the legend. */
export function colourStops(d: Domain): [number, string][] {
  return RAMP.map((c, i) => [d.lo + ((d.hi - d.lo) * i) / (RAMP.length - 1), c]);
}
