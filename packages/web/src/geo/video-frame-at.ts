/**
 * Which metadata frame belongs to a moment of the player, and which frame
 * of a track is nearest a point of the map: the two directions of the
 * player ↔ map synchronisation.
 */
import { sampleIndexAt } from './track.js';

/**
 * The player's time is the MP4's: its timestamps are rounded to the media
 * timescale, so a frame meant at 0.3 s may be presented at 0.29999. A frame
 * counts as shown from a millisecond before its time (far less than any
 * frame interval).
 */
export const FRAME_TIME_TOLERANCE_S = 1e-3;

/**
 * The frame in effect at player time `t`: the last frame whose time is at
 * or before it (binary search over the non-decreasing times), as the server
 * picks the frame of a ground pick. −1 before the first frame, for NaN or
 * no frames; after the last frame it stays in effect.
 */
export function frameIndexAt(tS: ArrayLike<number>, t: number): number {
  if (Number.isNaN(t)) return -1;
  return sampleIndexAt(tS, t + FRAME_TIME_TOLERANCE_S);
}

const M_PER_DEG = 111_320;

/**
 * The frame whose point (lon, lat columns: the platform's or the frame
 * centre's) is nearest (lon, lat), by distance on a local flat projection
 * (exact enough for the few hundred metres of a click's neighbourhood).
 * Among points at the same distance (a hovering drone, a camera staring at
 * one spot) the one nearest in time to `preferT` wins, else the first.
 * −1 when no frame has a position.
 */
export function nearestFrameTo(lons: ArrayLike<number>, lats: ArrayLike<number>, tS: ArrayLike<number>, lon: number, lat: number, preferT?: number): number {
  const kx = Math.cos((lat * Math.PI) / 180) * M_PER_DEG;
  let best = -1;
  let bestD = Infinity;
  let bestDt = Infinity;
  for (let i = 0; i < lons.length; i++) {
    const x = lons[i]!;
    const y = lats[i]!;
    if (Number.isNaN(x) || Number.isNaN(y)) continue;
    // Longitude difference wrapped into [-180, 180): a track across the antimeridian.
    const dLon = ((((x - lon) % 360) + 540) % 360) - 180;
    const d = Math.hypot(dLon * kx, (y - lat) * M_PER_DEG);
    const dt = preferT === undefined ? 0 : Math.abs(tS[i]! - preferT);
    // Metre-level ties: positions repeated to the centimetre are the same place.
    if (d < bestD - 0.01 || (Math.abs(d - bestD) <= 0.01 && dt < bestDt)) {
      best = i;
      bestD = Math.min(d, bestD);
      bestDt = dt;
    }
  }
  return best;
}
