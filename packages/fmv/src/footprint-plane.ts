/**
 * One frame's footprint on a local east/north plane (core's LocalFrame at
 * the centroid of its corners), with the homography from normalised image
 * coordinates to that plane and back. The plane is where the projective
 * map is exact; lat/lon are not a plane, and over a few kilometres the
 * tangent plane departs from the ellipsoid by centimetres.
 */
import { LocalFrame, NarizError } from '@nariz/core';
import { FOOTPRINT_NONE } from './footprint-source.js';
import { invertHomography, squareToQuad } from './homography.js';
import type { VideoFrames } from './video-frames.js';

export interface FootprintPlane {
  readonly frame: LocalFrame;
  /** Image (u, v) → (east, north) metres. */
  readonly toGround: Float64Array;
  /** (east, north) metres → image (u, v). */
  readonly toImage: Float64Array;
}

/** Throws NARIZ_USAGE unless `i` is a frame of `f`. */
export function checkFrameIndex(f: VideoFrames, i: number): void {
  if (!Number.isInteger(i) || i < 0 || i >= f.count) throw new NarizError('NARIZ_USAGE', `frame index ${i} is not one of the ${f.count} frames (0..${f.count - 1})`);
}

/** The frame's footprint plane; undefined without a footprint or when its corners are not a convex quadrilateral. */
export function footprintPlane(f: VideoFrames, i: number): FootprintPlane | undefined {
  checkFrameIndex(f, i);
  if (f.footprintSource[i] === FOOTPRINT_NONE) return undefined;
  let lat0 = 0;
  let lon0 = 0;
  for (let k = 0; k < 4; k++) {
    const la = f.cornerLatDeg[4 * i + k]!, lo = f.cornerLonDeg[4 * i + k]!;
    if (!Number.isFinite(la) || !Number.isFinite(lo)) return undefined;
    lat0 += la / 4;
    lon0 += lo / 4;
  }
  const frame = new LocalFrame({ lat: lat0, lon: lon0 });
  const east = new Float64Array(4);
  const north = new Float64Array(4);
  for (let k = 0; k < 4; k++) [east[k], north[k]] = frame.project(f.cornerLatDeg[4 * i + k]!, f.cornerLonDeg[4 * i + k]!);
  const toGround = squareToQuad(east, north);
  if (toGround === undefined) return undefined;
  const toImage = invertHomography(toGround);
  return toImage === undefined ? undefined : { frame, toGround, toImage };
}
