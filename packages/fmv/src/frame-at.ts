/** The frame in effect at a time on the video's clock. */
import type { VideoFrames } from './video-frames.js';

/**
 * Index of the last frame with `tS[i] ≤ tS` (binary search over the sorted
 * times), −1 before the first frame, for NaN or an empty set. After the
 * last frame it stays in effect.
 */
export function frameAt(f: VideoFrames, tS: number): number {
  const t = f.tS;
  if (f.count === 0 || !(tS >= t[0]!)) return -1;
  let lo = 0;
  let hi = f.count;
  // Invariant: t[lo] ≤ tS, and every index ≥ hi has t > tS.
  while (hi - lo > 1) {
    const mid = (lo + hi) >>> 1;
    if (t[mid]! <= tS) lo = mid;
    else hi = mid;
  }
  return lo;
}
