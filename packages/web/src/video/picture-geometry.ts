/**
 * Where the picture is inside the player, and which point of the frame a
 * pointer is on. The <video> element letterboxes the picture (object-fit:
 * contain); the overlay (annotations, the region being drawn) is laid
 * exactly over the picture, and frame points are normalised to it: u to the
 * right, v down, (0, 0) the top-left corner, (1, 1) the bottom-right,
 * whatever the video's size — the server's convention for ground picks,
 * annotations and motion-cue regions.
 */
import type { FramePoint } from '../api/schema/annotation.js';
import type { Roi } from '../api/schema/motion.js';

export interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** The picture's box inside an element of the given size (object-fit: contain, centred). The whole element before the video's size is known. */
export function pictureBox(elementW: number, elementH: number, videoW: number, videoH: number): Box {
  if (!(videoW > 0 && videoH > 0 && elementW > 0 && elementH > 0)) return { x: 0, y: 0, width: Math.max(0, elementW), height: Math.max(0, elementH) };
  const scale = Math.min(elementW / videoW, elementH / videoH);
  const width = videoW * scale;
  const height = videoH * scale;
  return { x: (elementW - width) / 2, y: (elementH - height) / 2, width, height };
}

/** The frame point at (x, y) in the picture box's coordinates; null outside the picture. */
export function framePointAt(x: number, y: number, picture: Box): FramePoint | null {
  if (picture.width <= 0 || picture.height <= 0) return null;
  const u = (x - picture.x) / picture.width;
  const v = (y - picture.y) / picture.height;
  return u >= 0 && u <= 1 && v >= 0 && v <= 1 ? { u, v } : null;
}

/** The frame point nearest (x, y): a drag that leaves the picture stops at its edge. */
export function clampedFramePointAt(x: number, y: number, picture: Box): FramePoint {
  const clamp = (a: number): number => Math.min(1, Math.max(0, a));
  if (picture.width <= 0 || picture.height <= 0) return { u: 0, v: 0 };
  return { u: clamp((x - picture.x) / picture.width), v: clamp((y - picture.y) / picture.height) };
}

/** A region smaller than this fraction of the frame in either direction is a click, not a region. */
export const MIN_ROI_FRACTION = 0.02;

/** The region between a drag's two corners (either order); null when too small. */
export function roiFromDrag(a: FramePoint, b: FramePoint, min = MIN_ROI_FRACTION): Roi | null {
  const roi = { x0: Math.min(a.u, b.u), y0: Math.min(a.v, b.v), x1: Math.max(a.u, b.u), y1: Math.max(a.v, b.v) };
  return roi.x1 - roi.x0 >= min && roi.y1 - roi.y0 >= min ? roi : null;
}
