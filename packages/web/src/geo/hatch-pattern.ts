/**
 * A diagonal hatch as RGBA pixels, for MapLibre's `fill-pattern` (added
 * with map.addImage: no sprite file). Stripes run from bottom-left to
 * top-right; the period divides the size, so the tile repeats seamlessly.
 */
export interface HatchOptions {
  /** Tile edge, px. */
  readonly size: number;
  /** Distance between stripes along an axis, px; must divide `size`. */
  readonly period: number;
  /** Stripe width along an axis, px. */
  readonly width: number;
  readonly rgba: readonly [number, number, number, number];
}

export function hatchPattern(o: HatchOptions): Uint8Array {
  if (!Number.isInteger(o.size) || o.size <= 0 || !Number.isInteger(o.period) || o.period <= 0 || o.size % o.period !== 0) {
    throw new RangeError(`hatchPattern: the period (${o.period}) must divide the size (${o.size})`);
  }
  const data = new Uint8Array(o.size * o.size * 4);
  for (let y = 0; y < o.size; y++) {
    for (let x = 0; x < o.size; x++) {
      if ((x + y) % o.period >= o.width) continue;
      const k = (y * o.size + x) * 4;
      data[k] = o.rgba[0];
      data[k + 1] = o.rgba[1];
      data[k + 2] = o.rgba[2];
      data[k + 3] = o.rgba[3];
    }
  }
  return data;
}
