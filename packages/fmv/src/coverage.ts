/**
 * When a ground point was in the picture: the time ranges of frames whose
 * footprint quadrilateral contains it. Frames without a footprint say
 * nothing and neither split nor extend a range; a frame with a footprint
 * that misses the point ends the range, and so does a gap of more than
 * `maxGapS` between consecutive frames that contain it (a dropout).
 */
import { LocalFrame } from '@nariz/core';
import { FOOTPRINT_NONE } from './footprint-source.js';
import { pixelToGround } from './pixel-ground.js';
import type { VideoFrames } from './video-frames.js';

export interface CoverageRange {
  /** Times of the first and the last frame of the range that contain the point. */
  readonly startS: number;
  readonly endS: number;
  readonly frames: number;
  /** Closest approach of the frame centre (the line of sight's ground point) to the point over the range. */
  readonly minDistanceToCentreM: number;
}

export const DEFAULT_MAX_GAP_S = 1;

export function coverageOf(f: VideoFrames, latDeg: number, lonDeg: number, opts: { maxGapS?: number } = {}): CoverageRange[] {
  const maxGapS = opts.maxGapS ?? DEFAULT_MAX_GAP_S;
  const out: CoverageRange[] = [];
  if (f.count === 0 || !Number.isFinite(latDeg) || !Number.isFinite(lonDeg)) return out;
  // The point is the origin of the plane every footprint is projected to.
  const plane = new LocalFrame({ lat: latDeg, lon: lonDeg });
  const ex = new Float64Array(4);
  const ny = new Float64Array(4);
  let open: { startS: number; endS: number; frames: number; minDistanceToCentreM: number } | undefined;
  const close = (): void => {
    if (open !== undefined) out.push(open);
    open = undefined;
  };
  for (let i = 0; i < f.count; i++) {
    if (f.footprintSource[i] === FOOTPRINT_NONE) continue;
    let finite = true;
    for (let k = 0; k < 4; k++) {
      const la = f.cornerLatDeg[4 * i + k]!, lo = f.cornerLonDeg[4 * i + k]!;
      if (!Number.isFinite(la) || !Number.isFinite(lo)) finite = false;
      else [ex[k], ny[k]] = plane.project(la, lo);
    }
    if (!finite) continue;
    if (!containsOrigin(ex, ny)) {
      close();
      continue;
    }
    const t = f.tS[i]!;
    const d = centreDistanceM(f, i, plane);
    if (open !== undefined && t - open.endS > maxGapS) close();
    if (open === undefined) open = { startS: t, endS: t, frames: 1, minDistanceToCentreM: d };
    else {
      open.endS = t;
      open.frames++;
      if (d < open.minDistanceToCentreM) open.minDistanceToCentreM = d;
    }
  }
  close();
  return out;
}

/** Crossing-number test of (0, 0) against the polygon (x, y) (half-open edges: a point on the boundary may go either way). */
function containsOrigin(x: Float64Array, y: Float64Array): boolean {
  let inside = false;
  for (let k = 0, j = 3; k < 4; j = k++) {
    const xk = x[k]!, yk = y[k]!, xj = x[j]!, yj = y[j]!;
    if (yk > 0 !== yj > 0 && 0 < xk + ((xj - xk) * -yk) / (yj - yk)) inside = !inside;
  }
  return inside;
}

/** Metres from the point (the plane's origin) to frame i's centre: the frame-centre items, else the image centre through the footprint. */
function centreDistanceM(f: VideoFrames, i: number, plane: LocalFrame): number {
  let lat = f.centreLatDeg[i]!;
  let lon = f.centreLonDeg[i]!;
  if (!Number.isFinite(lat) || !Number.isFinite(lon)) {
    const c = pixelToGround(f, i, 0.5, 0.5);
    if (c === undefined) return NaN;
    lat = c.latDeg;
    lon = c.lonDeg;
  }
  const [e, n] = plane.project(lat, lon);
  return Math.hypot(e, n);
}
