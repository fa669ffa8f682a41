/**
 * A flown track's airspace excursions on the map: the exit and re-entry
 * points, and the part of the track flown out of bounds: from the exit,
 * through the (decimated) samples the excursion holds, to the re-entry or
 * the end of the track. The samples shown are every `step`-th sample from
 * `from` (GET /api/sorties/:id/samples); excursions index all samples.
 */
import type { Feature, FeatureCollection, LineString, Point } from 'geojson';
import type { Excursion } from '../api/schema/track-airspace.js';
import type { ViolationKind } from '../api/schema/plan-check.js';

export interface ExcursionFeatureProps {
  readonly role: 'outside' | 'exit' | 'reentry';
  /** 1-based, as listed. */
  readonly n: number;
  readonly kind: ViolationKind;
}

export interface DecimatedTrack {
  /** Index of the first sample shown. */
  readonly from: number;
  /** Every step-th sample is shown. */
  readonly step: number;
  readonly lat: ArrayLike<number>;
  readonly lon: ArrayLike<number>;
}

/** The out-of-bounds path of one excursion, [lon, lat] positions. */
export function excursionPath(e: Excursion, track: DecimatedTrack | null): [number, number][] {
  const path: [number, number][] = [[e.exit.lon, e.exit.lat]];
  if (track !== null && track.step > 0) {
    const first = Math.max(0, Math.ceil((e.fromIndex - track.from) / track.step));
    for (let i = first; i < track.lat.length; i++) {
      const sample = track.from + i * track.step;
      if (sample > e.toIndex) break;
      path.push([track.lon[i]!, track.lat[i]!]);
    }
  }
  if (e.reentry !== null) path.push([e.reentry.lon, e.reentry.lat]);
  return path;
}

export function excursionFeatures(excursions: readonly Excursion[], track: DecimatedTrack | null): FeatureCollection<LineString | Point, ExcursionFeatureProps> {
  const features: Feature<LineString | Point, ExcursionFeatureProps>[] = [];
  excursions.forEach((e, i) => {
    const props = { n: i + 1, kind: e.kind };
    const path = excursionPath(e, track);
    if (path.length >= 2) features.push({ type: 'Feature', geometry: { type: 'LineString', coordinates: path }, properties: { ...props, role: 'outside' } });
    features.push({ type: 'Feature', geometry: { type: 'Point', coordinates: [e.exit.lon, e.exit.lat] }, properties: { ...props, role: 'exit' } });
    if (e.reentry !== null) features.push({ type: 'Feature', geometry: { type: 'Point', coordinates: [e.reentry.lon, e.reentry.lat] }, properties: { ...props, role: 'reentry' } });
  });
  return { type: 'FeatureCollection', features };
}
