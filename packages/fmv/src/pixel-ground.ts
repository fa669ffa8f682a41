/**
 * Image point ↔ ground point for one frame, through the projective map of
 * its footprint (footprint-plane.ts). Normalised image coordinates: u to
 * the right, v down, (0, 0) the top-left corner and (1, 1) the
 * bottom-right, whatever the pixel size. Points outside [0, 1]² are
 * extrapolated (a ground point off the picture gives u or v outside the
 * range); a point beyond the horizon line gives undefined.
 */
import { FOOTPRINT_KLV_CORNERS } from './footprint-source.js';
import { applyHomography } from './homography.js';
import { footprintPlane } from './footprint-plane.js';
import type { VideoFrames } from './video-frames.js';

export interface GroundPoint {
  readonly latDeg: number;
  readonly lonDeg: number;
  /** Which footprint: the KLV corner points, or the sensor model's corners. */
  readonly method: 'corners' | 'sensor-model';
}

/** The ground under image point (u, v) of frame `i`; undefined when the frame has no footprint. NARIZ_USAGE for an index out of range. */
export function pixelToGround(f: VideoFrames, i: number, u: number, v: number): GroundPoint | undefined {
  const plane = footprintPlane(f, i);
  if (plane === undefined) return undefined;
  const en: [number, number] = [0, 0];
  if (!applyHomography(plane.toGround, u, v, en)) return undefined;
  const g = plane.frame.unproject(en[0], en[1]);
  return { latDeg: g.lat, lonDeg: g.lon, method: f.footprintSource[i] === FOOTPRINT_KLV_CORNERS ? 'corners' : 'sensor-model' };
}

/** Where a ground point appears in frame `i` (the inverse of pixelToGround); undefined without a footprint or beyond the horizon. */
export function groundToPixel(f: VideoFrames, i: number, latDeg: number, lonDeg: number): { u: number; v: number } | undefined {
  const plane = footprintPlane(f, i);
  if (plane === undefined) return undefined;
  const [east, north] = plane.frame.project(latDeg, lonDeg);
  const uv: [number, number] = [0, 0];
  if (!applyHomography(plane.toImage, east, north, uv)) return undefined;
  return { u: uv[0], v: uv[1] };
}
