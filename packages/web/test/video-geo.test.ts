/**
 * The pure parts of the video player and its map: which frame belongs to a
 * player time (against a brute-force oracle on seeded random clocks, with
 * repeated times and the MP4's rounding), which frame of a track is nearest
 * a clicked point, the map features of the tracks, the frame shown and the
 * points placed from the video, and the picture's geometry (letterbox,
 * frame points, regions) and timeline marks, with known answers.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readAnnotationBody, type Annotation } from '../src/api/schema/annotation.js';
import { readVideoFrames, type VideoFrameColumns } from '../src/api/schema/video-frames.js';
import { FRAME_TIME_TOLERANCE_S, frameIndexAt, nearestFrameTo } from '../src/geo/video-frame-at.js';
import { markLabel, videoExtent, videoFrameFeatures, videoMarkFeatures, videoTrackFeatures } from '../src/geo/video-features.js';
import { clampedFramePointAt, framePointAt, pictureBox, roiFromDrag } from '../src/video/picture-geometry.js';
import { ANNOTATION_HOLD_S, annotationsOnPicture, formatPlayerTime, timelineAt, timelineSpan } from '../src/video/timeline.js';

/** mulberry32: a small seeded generator for the oracle tests. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The oracle: the last frame at or before t (with the tolerance), by a linear scan. */
function bruteFrameAt(tS: readonly number[], t: number): number {
  let found = -1;
  for (let i = 0; i < tS.length; i++) if (tS[i]! <= t + FRAME_TIME_TOLERANCE_S) found = i;
  return found;
}

test('frameIndexAt: known answers at 10 fps, before the first frame, after the last, NaN, no frames', () => {
  const tS = Float64Array.from({ length: 60 }, (_, i) => i / 10);
  assert.equal(frameIndexAt(tS, 0), 0);
  assert.equal(frameIndexAt(tS, 0.05), 0);
  assert.equal(frameIndexAt(tS, 0.3), 3);
  assert.equal(frameIndexAt(tS, 0.29999), 3, 'the MP4 presents frame 3 at 0.29999 s: within the tolerance');
  assert.equal(frameIndexAt(tS, 0.298), 2, 'two milliseconds early is still the frame before');
  assert.equal(frameIndexAt(tS, 5.9), 59);
  assert.equal(frameIndexAt(tS, 120), 59, 'the last frame stays in effect');
  assert.equal(frameIndexAt(Float64Array.from([0.5, 0.6]), 0.2), -1, 'before the first metadata frame');
  assert.equal(frameIndexAt(tS, Number.NaN), -1);
  assert.equal(frameIndexAt(new Float64Array(0), 1), -1);
});

test('frameIndexAt agrees with a linear scan on seeded random clocks (gaps, repeated times)', () => {
  for (let seed = 1; seed <= 40; seed++) {
    const r = rng(seed);
    const n = 1 + Math.floor(r() * 300);
    const times: number[] = [];
    let t = r() * 2;
    for (let i = 0; i < n; i++) {
      // Mostly a frame interval, sometimes a repeat (ties keep stream order), sometimes a gap in the metadata.
      const u = r();
      t += u < 0.1 ? 0 : u < 0.15 ? 1 + r() * 5 : 1 / 30;
      times.push(t);
    }
    const tS = Float64Array.from(times);
    for (let k = 0; k < 200; k++) {
      const q = r() * (t + 3) - 1;
      assert.equal(frameIndexAt(tS, q), bruteFrameAt(times, q), `seed ${seed}, t ${q}`);
    }
    // Exactly at each frame's time: that frame, or the last one sharing its time.
    for (let i = 0; i < n; i++) assert.equal(frameIndexAt(tS, times[i]!), bruteFrameAt(times, times[i]!), `seed ${seed}, frame ${i}`);
  }
});

const lat0 = 20.6597;
const lon0 = -103.3496;
const M_PER_DEG = 111_320;

test('nearestFrameTo: the nearest position, ties to the nearest time, unknown positions skipped, across the antimeridian', () => {
  // A track flying east 10 m a frame.
  const n = 20;
  const lons = Float64Array.from({ length: n }, (_, i) => lon0 + (i * 10) / (M_PER_DEG * Math.cos((lat0 * Math.PI) / 180)));
  const lats = new Float64Array(n).fill(lat0);
  const tS = Float64Array.from({ length: n }, (_, i) => i / 10);
  // A click 3 m north of frame 7's position, and one 4 m east of it (nearer 7 than 8).
  assert.equal(nearestFrameTo(lons, lats, tS, lons[7]!, lat0 + 3 / M_PER_DEG), 7);
  assert.equal(nearestFrameTo(lons, lats, tS, lons[7]! + (lons[8]! - lons[7]!) * 0.4, lat0), 7);
  assert.equal(nearestFrameTo(lons, lats, tS, lons[7]! + (lons[8]! - lons[7]!) * 0.6, lat0), 8);
  // Frame 7 unknown: its neighbours instead.
  const gappy = Float64Array.from(lons);
  gappy[7] = Number.NaN;
  assert.ok([6, 8].includes(nearestFrameTo(gappy, lats, tS, lons[7]!, lat0)));

  // A camera staring at one point: every frame centre is the same; the frame nearest the player's time wins.
  const same = new Float64Array(n).fill(lon0);
  assert.equal(nearestFrameTo(same, lats, tS, lon0, lat0, 1.26), 13);
  assert.equal(nearestFrameTo(same, lats, tS, lon0, lat0), 0, 'without a time, the first');

  // Across the antimeridian: 179.9999 is a few metres from −179.9999.
  assert.equal(nearestFrameTo(Float64Array.from([179.9999, 170]), Float64Array.from([0, 0]), Float64Array.from([0, 1]), -179.9999, 0), 0);
  assert.equal(nearestFrameTo(Float64Array.from([Number.NaN]), Float64Array.from([0]), Float64Array.from([0]), 0, 0), -1);
});

/** Four frames; frame 2 has no footprint and no platform position. */
function sampleFrames(): VideoFrameColumns {
  const c = (lat: number, lon: number, d: number): { lat: number[]; lon: number[] } => ({ lat: [lat + d, lat + d, lat - d, lat - d], lon: [lon - d, lon + d, lon + d, lon - d] });
  const corners = [c(lat0, lon0, 0.001), c(lat0, lon0 + 0.0001, 0.001), null, c(lat0, lon0 + 0.0003, 0.001)];
  return readVideoFrames({
    video_id: 'v-1',
    count: 4,
    step: 1,
    t_s: [0, 0.1, 0.2, 0.3],
    sensor_lat: [20.657, 20.657, null, 20.657],
    sensor_lon: [-103.3496, -103.3495, null, -103.3493],
    sensor_hae_m: [1680, 1680, null, 1680],
    heading_deg: [90, 90, 90, null],
    centre_lat: [lat0, lat0, lat0, lat0],
    centre_lon: [lon0, lon0 + 0.0001, lon0 + 0.0002, lon0 + 0.0003],
    corner_lat: corners.flatMap((x) => x?.lat ?? [null, null, null, null]),
    corner_lon: corners.flatMap((x) => x?.lon ?? [null, null, null, null]),
    footprint_source: [1, 1, 0, 2],
  });
}

test('track features: the platform track breaks where its position is unknown; a track that does not move is a point', () => {
  const f = sampleFrames();
  const fc = videoTrackFeatures(f);
  const platform = fc.features.filter((x) => x.properties.role === 'platform-track');
  // Frames 0–1 are a line; frame 3 alone (after the gap at 2) is a point.
  assert.deepEqual(platform.map((x) => x.geometry.type), ['LineString', 'Point']);
  assert.deepEqual(platform[0]!.geometry.coordinates, [[-103.3496, 20.657], [-103.3495, 20.657]]);
  const centre = fc.features.filter((x) => x.properties.role === 'centre-track');
  assert.deepEqual(centre.map((x) => x.geometry.type), ['LineString']);
  assert.equal((centre[0]!.geometry.coordinates as unknown[]).length, 4);

  const hover = { ...f, centreLon: new Float64Array(4).fill(lon0) };
  const still = videoTrackFeatures(hover).features.filter((x) => x.properties.role === 'centre-track');
  assert.deepEqual(still.map((x) => [x.geometry.type, x.geometry.coordinates]), [['Point', [lon0, lat0]]], 'a camera staring at one spot: one point, still drawn and clickable');
});

test('frame features: footprint in image order and closed, line of sight, centre, platform with heading; none before the first frame', () => {
  const f = sampleFrames();
  const fc = videoFrameFeatures(f, 1);
  const byRole = new Map(fc.features.map((x) => [x.properties.role, x]));
  assert.deepEqual([...byRole.keys()].sort(), ['centre', 'footprint', 'platform', 'sight']);
  const ring = byRole.get('footprint')!.geometry.coordinates as number[][][];
  assert.equal(ring[0]!.length, 5);
  assert.deepEqual(ring[0]![0], ring[0]![4], 'closed');
  // Upper-left first: north-west of the centre.
  assert.ok(ring[0]![0]![1]! > lat0 && ring[0]![0]![0]! < lon0 + 0.0001);
  assert.deepEqual(byRole.get('sight')!.geometry.coordinates, [[-103.3495, 20.657], [lon0 + 0.0001, lat0]]);
  assert.deepEqual([byRole.get('platform')!.properties.heading, byRole.get('platform')!.properties.frame, byRole.get('platform')!.properties.t], [90, 1, 0.1]);

  // Frame 2: no footprint and no platform position: only the centre.
  assert.deepEqual(videoFrameFeatures(f, 2).features.map((x) => x.properties.role), ['centre']);
  // Frame 3: the heading unknown is drawn as 0, not left out.
  assert.equal(videoFrameFeatures(f, 3).features.find((x) => x.properties.role === 'platform')?.properties.heading, 0);
  assert.deepEqual(videoFrameFeatures(f, -1).features, []);
  assert.deepEqual(videoFrameFeatures(f, 4).features, []);
});

test('extent: every known platform position, centre and corner', () => {
  const f = sampleFrames();
  const [w, s, e, n] = videoExtent(f)!;
  assert.ok(Math.abs(w - (lon0 - 0.001)) < 1e-12 && Math.abs(e - (lon0 + 0.0013)) < 1e-12);
  assert.ok(Math.abs(s - 20.657) < 1e-12 && Math.abs(n - (lat0 + 0.001)) < 1e-12);
  const nothing = { ...f, sensorLat: new Float64Array(4).fill(Number.NaN), centreLat: new Float64Array(4).fill(Number.NaN), cornerLat: new Float64Array(16).fill(Number.NaN) };
  assert.equal(videoExtent(nothing), null);
});

/** An annotation as the server sends it, read; `o` overrides its JSON fields. */
function annotation(id: string, tS: number, o: Record<string, unknown> = {}): Annotation {
  return readAnnotationBody({
    id, video_id: 'v-1', t_s: tS, kind: 'annotation', text: `note ${id}`, tags: [], ground: null, pixel: null, link: null,
    author: 'admin', created_at: '2026-05-01T10:00:00Z', updated_at: '2026-05-01T10:00:00Z', ...o,
  });
}

test('marks: annotations and bookmarks with a ground point, the pick, the coverage place; labels cut short', () => {
  const fc = videoMarkFeatures({
    annotations: [annotation('a', 1, { ground: { lat: 1, lon: 2 } }), annotation('b', 2, { kind: 'bookmark', ground: { lat: 3, lon: 4 }, text: 'A white van stops at the gate of the yard\nsecond line' }), annotation('c', 3)],
    pick: { lat: 5, lon: 6 },
    query: { lat: 7, lon: 8 },
  });
  assert.deepEqual(fc.features.map((x) => [x.properties.role, x.geometry.coordinates]), [['annotation', [2, 1]], ['bookmark', [4, 3]], ['pick', [6, 5]], ['query', [8, 7]]]);
  assert.equal(fc.features[1]!.properties.label, 'A white van stops at th…');
  assert.equal(markLabel('short\nmore'), 'short');
  assert.deepEqual(videoMarkFeatures({ annotations: [], pick: null, query: null }).features, []);
});

test('picture geometry: the letterboxed picture, frame points, clamping, regions from a drag', () => {
  // A 16:9 video in a 4:3 element: bars above and below.
  assert.deepEqual(pictureBox(800, 600, 1280, 720), { x: 0, y: 75, width: 800, height: 450 });
  // A 4:3 video in a wide element: bars left and right.
  assert.deepEqual(pictureBox(1000, 300, 640, 480), { x: 300, y: 0, width: 400, height: 300 });
  assert.deepEqual(pictureBox(500, 200, 0, 0), { x: 0, y: 0, width: 500, height: 200 }, 'before the size is known: the element');
  const box = pictureBox(800, 600, 1280, 720);
  assert.deepEqual(framePointAt(400, 300, box), { u: 0.5, v: 0.5 });
  assert.deepEqual(framePointAt(0, 75, box), { u: 0, v: 0 });
  assert.deepEqual(framePointAt(800, 525, box), { u: 1, v: 1 });
  assert.equal(framePointAt(400, 40, box), null, 'on the bar above the picture');
  assert.deepEqual(clampedFramePointAt(-50, 700, box), { u: 0, v: 1 });

  assert.deepEqual(roiFromDrag({ u: 0.7, v: 0.8 }, { u: 0.3, v: 0.2 }), { x0: 0.3, y0: 0.2, x1: 0.7, y1: 0.8 });
  assert.equal(roiFromDrag({ u: 0.5, v: 0.5 }, { u: 0.51, v: 0.9 }), null, 'too narrow: a click');
  assert.deepEqual(roiFromDrag({ u: 0.5, v: 0.5 }, { u: 0.51, v: 0.9 }, 0), { x0: 0.5, y0: 0.5, x1: 0.51, y1: 0.9 });
});

test('timeline: spans and points as fractions, short cues still visible, annotations on the picture near their time', () => {
  assert.deepEqual(timelineSpan(1.5, 3, 6), { left: 0.25, width: 0.25 });
  assert.deepEqual(timelineSpan(3, 3, 6), { left: 0.5, width: 0.006 });
  assert.deepEqual(timelineSpan(5.99, 7, 6), { left: 1 - 0.006, width: 0.006 }, 'kept inside the bar');
  assert.deepEqual(timelineSpan(1, 2, 0), { left: 0, width: 0 });
  assert.equal(timelineAt(3, 6), 0.5);
  assert.equal(timelineAt(9, 6), 1);

  const list = [annotation('a', 1, { pixel: { u: 0.5, v: 0.5 } }), annotation('b', 1.2), annotation('c', 2.1, { pixel: { u: 0.1, v: 0.1 } })];
  assert.deepEqual(annotationsOnPicture(list, 1).map((a) => a.id), ['a'], 'only those with a pixel');
  assert.deepEqual(annotationsOnPicture(list, 1 + ANNOTATION_HOLD_S).map((a) => a.id), ['a']);
  assert.deepEqual(annotationsOnPicture(list, 1.6).map((a) => a.id), ['c']);
  assert.deepEqual(annotationsOnPicture(list, 3).map((a) => a.id), []);
  assert.deepEqual(annotationsOnPicture(list, Number.NaN), []);

  assert.equal(formatPlayerTime(0), '0:00.0');
  assert.equal(formatPlayerTime(2.34), '0:02.3');
  assert.equal(formatPlayerTime(59.96), '1:00.0');
  assert.equal(formatPlayerTime(3725.25), '1:02:05.3');
  assert.equal(formatPlayerTime(Number.NaN), '—');
});
