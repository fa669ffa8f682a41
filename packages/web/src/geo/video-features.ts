/**
 * A video on the map, from its per-frame metadata: for the whole clip the
 * platform's track and the frame centre's track; for the frame shown, the
 * platform (sensor) position, the line of sight from it to the frame
 * centre, and the footprint (the four corners in image order: upper-left,
 * upper-right, lower-right, lower-left); and the points placed from the
 * video: saved annotations and bookmarks, the ground point of the last
 * pixel clicked, the place asked about ("which video saw this place?").
 * Unknown values (NaN) break a track into pieces and leave out what they
 * would place; nothing is drawn at 0, 0.
 */
import type { Feature, FeatureCollection, LineString, Point, Polygon, Position } from 'geojson';
import type { Annotation } from '../api/schema/annotation.js';
import type { VideoFrameColumns } from '../api/schema/video-frames.js';

export type VideoTrackRole = 'platform-track' | 'centre-track';

export interface VideoTrackProps {
  readonly role: VideoTrackRole;
}

export interface VideoFrameProps {
  readonly role: 'footprint' | 'sight' | 'platform' | 'centre';
  /** Index into the listed frames, and the frame's time. */
  readonly frame: number;
  readonly t: number;
  /** Platform heading, degrees from north (platform only; 0 when unknown). */
  readonly heading: number;
}

export interface VideoMarkProps {
  readonly role: 'annotation' | 'bookmark' | 'pick' | 'query';
  /** The annotation's id ('' for the others). */
  readonly id: string;
  readonly label: string;
}

type Columns = Pick<VideoFrameColumns, 'length' | 'tS' | 'sensorLat' | 'sensorLon' | 'headingDeg' | 'centreLat' | 'centreLon' | 'cornerLat' | 'cornerLon'>;

function known(...xs: number[]): boolean {
  return xs.every((x) => !Number.isNaN(x));
}

/** Runs of known positions; a run of one place (or one repeated place) is a point, so a hovering drone still shows. */
function trackPieces(lons: Float64Array, lats: Float64Array, role: VideoTrackRole): Feature<LineString | Point, VideoTrackProps>[] {
  const out: Feature<LineString | Point, VideoTrackProps>[] = [];
  let run: Position[] = [];
  const flush = (): void => {
    if (run.length === 0) return;
    const first = run[0]!;
    const moves = run.some((p) => p[0] !== first[0] || p[1] !== first[1]);
    out.push(moves ? { type: 'Feature', geometry: { type: 'LineString', coordinates: run }, properties: { role } } : { type: 'Feature', geometry: { type: 'Point', coordinates: first }, properties: { role } });
    run = [];
  };
  for (let i = 0; i < lons.length; i++) {
    const lon = lons[i]!;
    const lat = lats[i]!;
    if (known(lon, lat)) run.push([lon, lat]);
    else flush();
  }
  flush();
  return out;
}

/** The platform's and the frame centre's tracks over the whole clip. */
export function videoTrackFeatures(f: Columns): FeatureCollection<LineString | Point, VideoTrackProps> {
  return { type: 'FeatureCollection', features: [...trackPieces(f.sensorLon, f.sensorLat, 'platform-track'), ...trackPieces(f.centreLon, f.centreLat, 'centre-track')] };
}

/** The frame shown: footprint, line of sight, platform and frame centre. Empty for -1 (before the first frame). */
export function videoFrameFeatures(f: Columns, i: number): FeatureCollection<Polygon | LineString | Point, VideoFrameProps> {
  const features: Feature<Polygon | LineString | Point, VideoFrameProps>[] = [];
  if (i < 0 || i >= f.length) return { type: 'FeatureCollection', features };
  const t = f.tS[i]!;
  const heading = f.headingDeg[i]!;
  const props = (role: VideoFrameProps['role']): VideoFrameProps => ({ role, frame: i, t, heading: Number.isNaN(heading) ? 0 : heading });
  const ring: Position[] = [];
  for (let k = 0; k < 4; k++) {
    const lon = f.cornerLon[4 * i + k]!;
    const lat = f.cornerLat[4 * i + k]!;
    if (known(lon, lat)) ring.push([lon, lat]);
  }
  if (ring.length === 4) features.push({ type: 'Feature', geometry: { type: 'Polygon', coordinates: [[...ring, ring[0]!]] }, properties: props('footprint') });
  const sensor: Position | null = known(f.sensorLon[i]!, f.sensorLat[i]!) ? [f.sensorLon[i]!, f.sensorLat[i]!] : null;
  const centre: Position | null = known(f.centreLon[i]!, f.centreLat[i]!) ? [f.centreLon[i]!, f.centreLat[i]!] : null;
  if (sensor !== null && centre !== null) features.push({ type: 'Feature', geometry: { type: 'LineString', coordinates: [sensor, centre] }, properties: props('sight') });
  if (centre !== null) features.push({ type: 'Feature', geometry: { type: 'Point', coordinates: centre }, properties: props('centre') });
  if (sensor !== null) features.push({ type: 'Feature', geometry: { type: 'Point', coordinates: sensor }, properties: props('platform') });
  return { type: 'FeatureCollection', features };
}

/** Labels on the map are short: the text's first line, cut at this many characters. */
export const MARK_LABEL_CHARS = 24;

export function markLabel(text: string): string {
  const line = text.split('\n', 1)[0]!.trim();
  return line.length > MARK_LABEL_CHARS ? `${line.slice(0, MARK_LABEL_CHARS - 1)}…` : line;
}

export interface VideoMarks {
  readonly annotations: readonly Annotation[];
  /** The ground under the last pixel clicked. */
  readonly pick: { readonly lat: number; readonly lon: number } | null;
  /** The place of the last coverage question. */
  readonly query: { readonly lat: number; readonly lon: number } | null;
}

/** Saved annotations and bookmarks with a ground point, the last pick and the coverage query's place. */
export function videoMarkFeatures(m: VideoMarks): FeatureCollection<Point, VideoMarkProps> {
  const features: Feature<Point, VideoMarkProps>[] = [];
  for (const a of m.annotations) {
    if (a.ground === null) continue;
    features.push({ type: 'Feature', geometry: { type: 'Point', coordinates: [a.ground.lon, a.ground.lat] }, properties: { role: a.kind, id: a.id, label: markLabel(a.text) } });
  }
  if (m.pick !== null) features.push({ type: 'Feature', geometry: { type: 'Point', coordinates: [m.pick.lon, m.pick.lat] }, properties: { role: 'pick', id: '', label: '' } });
  if (m.query !== null) features.push({ type: 'Feature', geometry: { type: 'Point', coordinates: [m.query.lon, m.query.lat] }, properties: { role: 'query', id: '', label: '' } });
  return { type: 'FeatureCollection', features };
}

/** [west, south, east, north] of every known platform position, frame centre and footprint corner; null when none is known. */
export function videoExtent(f: Columns): [number, number, number, number] | null {
  let w = Infinity;
  let s = Infinity;
  let e = -Infinity;
  let n = -Infinity;
  const add = (lons: Float64Array, lats: Float64Array): void => {
    for (let i = 0; i < lons.length; i++) {
      const lon = lons[i]!;
      const lat = lats[i]!;
      if (!known(lon, lat)) continue;
      w = Math.min(w, lon);
      e = Math.max(e, lon);
      s = Math.min(s, lat);
      n = Math.max(n, lat);
    }
  };
  add(f.sensorLon, f.sensorLat);
  add(f.centreLon, f.centreLat);
  add(f.cornerLon, f.cornerLat);
  return w <= e && s <= n ? [w, s, e, n] : null;
}
