/**
 * The bounding box of every footprint of a video, for a coarse spatial
 * pre-filter (a database query for the videos that may show a place).
 * Longitudes are taken as they are: a video whose footprints cross the
 * antimeridian gets a box spanning the globe the other way (west > east is
 * not produced), which over-includes but never misses.
 */
import { FOOTPRINT_NONE } from './footprint-source.js';
import type { VideoFrames } from './video-frames.js';

export interface Bounds {
  readonly west: number;
  readonly south: number;
  readonly east: number;
  readonly north: number;
}

/** Undefined when no frame has a footprint. */
export function footprintBounds(f: VideoFrames): Bounds | undefined {
  let west = Infinity, south = Infinity, east = -Infinity, north = -Infinity;
  for (let i = 0; i < f.count; i++) {
    if (f.footprintSource[i] === FOOTPRINT_NONE) continue;
    for (let k = 4 * i; k < 4 * i + 4; k++) {
      const la = f.cornerLatDeg[k]!, lo = f.cornerLonDeg[k]!;
      if (!Number.isFinite(la) || !Number.isFinite(lo)) continue;
      if (la < south) south = la;
      if (la > north) north = la;
      if (lo < west) west = lo;
      if (lo > east) east = lo;
    }
  }
  return west <= east ? { west, south, east, north } : undefined;
}
