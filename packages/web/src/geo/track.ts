/**
 * The sortie track for the map: one segment per pair of consecutive samples,
 * carrying its end time and the concentration of the chosen species, so the
 * time slider is a filter (`t <= now`) and the colour a data expression.
 */
import type { Feature, FeatureCollection, LineString, Point } from 'geojson';

export interface TrackColumns {
  readonly timeS: ArrayLike<number>;
  readonly lat: ArrayLike<number>;
  readonly lon: ArrayLike<number>;
}

export interface SegmentProps {
  /** Time of the segment's end sample, s since the epoch. */
  readonly t: number;
  /** Concentration at the end sample in the display unit; absent when not finite. */
  readonly c?: number;
}

export function trackSegments(cols: TrackColumns, values: ArrayLike<number> | undefined, scale: number): FeatureCollection<LineString, SegmentProps> {
  const features: Feature<LineString, SegmentProps>[] = [];
  for (let i = 1; i < cols.timeS.length; i++) {
    const v = values === undefined ? Number.NaN : values[i]! * scale;
    features.push({
      type: 'Feature',
      geometry: { type: 'LineString', coordinates: [[cols.lon[i - 1]!, cols.lat[i - 1]!], [cols.lon[i]!, cols.lat[i]!]] },
      properties: Number.isFinite(v) ? { t: cols.timeS[i]!, c: v } : { t: cols.timeS[i]! },
    });
  }
  return { type: 'FeatureCollection', features };
}

/** The index of the last sample at or before t (binary search on sorted times); -1 before the first. */
export function sampleIndexAt(timeS: ArrayLike<number>, t: number): number {
  let lo = 0;
  let hi = timeS.length - 1;
  if (hi < 0 || t < timeS[0]!) return -1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (timeS[mid]! <= t) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** The drone's position at t, linear between samples; null before the first or with no samples. */
export function positionAt(cols: TrackColumns, t: number): Feature<Point, { t: number }> | null {
  const i = sampleIndexAt(cols.timeS, t);
  if (i < 0) return null;
  const j = Math.min(i + 1, cols.timeS.length - 1);
  const t0 = cols.timeS[i]!;
  const t1 = cols.timeS[j]!;
  const f = j === i || t1 === t0 ? 0 : Math.min(1, (t - t0) / (t1 - t0));
  const lon = cols.lon[i]! + (cols.lon[j]! - cols.lon[i]!) * f;
  const lat = cols.lat[i]! + (cols.lat[j]! - cols.lat[i]!) * f;
  return { type: 'Feature', geometry: { type: 'Point', coordinates: [lon, lat] }, properties: { t } };
}
