/**
 * The full-motion video readers on payloads shaped as the server's routes
 * give them (packages/server/src/video/video-json.ts, frames-json.ts,
 * annotation-routes.ts, motion-routes.ts; routes/videos.ts): good ones read
 * completely, nulls become NaN or null (never 0), absent optional fields
 * their defaults; broken ones are refused with the path of the bad field.
 * And the request bodies the app sends, from the annotation form.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readAnnotationBody, readAnnotationList } from '../src/api/schema/annotation.js';
import { readLiveMessage } from '../src/api/schema/live-message.js';
import { readVideoJobBody, readVideoJobList } from '../src/api/schema/motion.js';
import { SchemaError } from '../src/api/schema/read.js';
import { readCoverageAnswer } from '../src/api/schema/video-coverage.js';
import { readVideoFrames } from '../src/api/schema/video-frames.js';
import { hasNoMetadata, readGroundPick, readVideoBody, readVideoList } from '../src/api/schema/video.js';
import { annotationFormValues, annotationPatchJson, newAnnotationJson, parseTags, readAnnotationForm } from '../src/video/annotation-request.js';

const schemaError = (path: string) => (e: unknown): boolean => e instanceof SchemaError && e.path === path;
const clone = <T>(v: T): T => structuredClone(v);

const VIDEO_ID = '0b7c2f5e-0f3a-4a8e-9c1d-2f6b8a9e4d11';

const video = {
  id: VIDEO_ID,
  name: 'orbit.ts',
  byte_size: 812_340,
  sha256: 'ab'.repeat(32),
  status: 'ready',
  failure: null,
  progress: 1,
  message: 'ready',
  created_by: 'admin',
  created_at: '2026-05-01T10:00:00.000Z',
  updated_at: '2026-05-01T10:00:09.000Z',
  duration_s: 6,
  codec: 'h264',
  frame_count: 60,
  bbox: [-103.352, 20.657, -103.347, 20.662],
  report: { metadata: 'st0601', note: null, frames: 60, frames_with_footprint: 60, footprint_sources: { klv_corners: 60, sensor_model: 0 }, packets: 60, time_source: 'pts', playable: 'transmux' },
  media_url: `/api/videos/${VIDEO_ID}/media`,
};

test('videos: a ready one reads completely; processing, failed and no-metadata ones too; simulated when the server says so', () => {
  const [v] = readVideoList({ videos: [video] });
  assert.ok(v !== undefined);
  assert.deepEqual([v.id, v.status, v.durationS, v.frameCount, v.mediaUrl, v.simulated], [VIDEO_ID, 'ready', 6, 60, `/api/videos/${VIDEO_ID}/media`, false]);
  assert.deepEqual(v.bbox, [-103.352, 20.657, -103.347, 20.662]);
  assert.deepEqual(v.report, { metadata: 'st0601', note: null, framesWithFootprint: 60 });
  assert.equal(hasNoMetadata(v), false);

  const processing = readVideoBody({ ...video, status: 'processing', progress: 0.42, message: 'reading metadata', duration_s: null, codec: null, frame_count: null, bbox: null, report: null, media_url: null });
  assert.deepEqual([processing.status, processing.progress, processing.message, processing.durationS, processing.bbox, processing.report, processing.mediaUrl], ['processing', 0.42, 'reading metadata', null, null, null, null]);
  assert.equal(hasNoMetadata(processing), false, 'not known yet');

  const failed = readVideoBody({ ...video, status: 'failed', failure: { code: 'NARIZ_FORMAT', message: 'not an MPEG transport stream' }, media_url: null });
  assert.deepEqual(failed.failure, { code: 'NARIZ_FORMAT', message: 'not an MPEG transport stream' });

  const bare = readVideoBody({ ...video, frame_count: 0, bbox: null, report: { metadata: 'none', note: 'no KLV metadata (MISB ST 0601) in this file', frames: 0 } });
  assert.equal(hasNoMetadata(bare), true);
  assert.equal(bare.report?.note, 'no KLV metadata (MISB ST 0601) in this file');
  assert.equal(bare.report?.framesWithFootprint, null, 'an absent report field is null');

  assert.equal(readVideoBody({ ...video, simulated: true }).simulated, true);
  assert.equal(readVideoBody({ ...video, progress: 1.0000001 }).progress, 1, 'progress is clamped to 0..1');
});

test('broken videos name the bad field', () => {
  assert.throws(() => readVideoList({ videos: [{ ...video, status: 'transcoding' }] }), schemaError('body.videos[0].status'));
  assert.throws(() => readVideoList({ videos: [{ ...video, id: '../etc' }] }), schemaError('body.videos[0].id'));
  assert.throws(() => readVideoBody({ ...video, bbox: [1, 2, 3] }), schemaError('video.bbox'));
  assert.throws(() => readVideoBody({ ...video, failure: { code: 'X' } }), schemaError('video.failure.message'));
  assert.throws(() => readVideoBody({ ...video, frame_count: 1.5 }), schemaError('video.frame_count'));
  assert.throws(() => readVideoBody({ ...video, report: { metadata: 'mpeg7' } }), schemaError('video.report.metadata'));
  assert.throws(() => readVideoBody({ ...video, simulated: 'yes' }), schemaError('video.simulated'));
  const noMedia = clone(video) as Partial<typeof video>;
  delete noMedia.media_url;
  assert.throws(() => readVideoBody(noMedia), schemaError('video.media_url'));
});

/** Three listed frames (step 2 of 5): the middle one without a footprint or a position. */
const frames = {
  video_id: VIDEO_ID,
  count: 5,
  step: 2,
  t_s: [0, 0.2, 0.4],
  sensor_lat: [20.657, null, 20.6575],
  sensor_lon: [-103.35, null, -103.3495],
  sensor_hae_m: [1680, null, 1680.5],
  heading_deg: [90, 91, null],
  centre_lat: [20.6597, 20.6597, 20.6597],
  centre_lon: [-103.3496, -103.3496, -103.3496],
  corner_lat: [20.661, 20.661, 20.658, 20.658, null, null, null, null, 20.661, 20.661, 20.658, 20.658],
  corner_lon: [-103.351, -103.348, -103.348, -103.351, null, null, null, null, -103.351, -103.348, -103.348, -103.351],
  footprint_source: [1, 0, 2],
};

test('frames: columns into typed arrays, null as NaN; the lengths follow count and step', () => {
  const f = readVideoFrames(frames);
  assert.deepEqual([f.count, f.step, f.length], [5, 2, 3]);
  assert.deepEqual([...f.tS], [0, 0.2, 0.4]);
  assert.ok(Number.isNaN(f.sensorLat[1]!) && Number.isNaN(f.headingDeg[2]!));
  assert.equal(f.sensorLat[0], 20.657);
  assert.equal(f.cornerLat.length, 12);
  assert.ok(Number.isNaN(f.cornerLon[5]!));
  assert.deepEqual([...f.footprintSource], [1, 0, 2]);
  const empty = readVideoFrames({ ...frames, count: 0, step: 1, t_s: [], sensor_lat: [], sensor_lon: [], sensor_hae_m: [], heading_deg: [], centre_lat: [], centre_lon: [], corner_lat: [], corner_lon: [], footprint_source: [] });
  assert.equal(empty.length, 0);
});

test('broken frames name the bad column and value', () => {
  assert.throws(() => readVideoFrames({ ...frames, sensor_lat: [20.657, null] }), schemaError('frames.sensor_lat'));
  assert.throws(() => readVideoFrames({ ...frames, corner_lat: frames.corner_lat.slice(0, 8) }), schemaError('frames.corner_lat'));
  assert.throws(() => readVideoFrames({ ...frames, heading_deg: [90, '91', null] }), schemaError('frames.heading_deg[1]'));
  assert.throws(() => readVideoFrames({ ...frames, t_s: [0, null, 0.4] }), schemaError('frames.t_s[1]'));
  assert.throws(() => readVideoFrames({ ...frames, t_s: [0, 0.4, 0.2] }), schemaError('frames.t_s[2]'), 'times must not go back: the lookup is a binary search');
  assert.throws(() => readVideoFrames({ ...frames, footprint_source: [1, 3, 2] }), schemaError('frames.footprint_source[1]'));
  assert.throws(() => readVideoFrames({ ...frames, step: 0 }), schemaError('frames.step'));
  assert.equal(readVideoFrames({ ...frames, count: 6 }).length, 3, 'six frames at step 2: three listed');
  assert.throws(() => readVideoFrames({ ...frames, count: 7 }), schemaError('frames.t_s'), 'seven frames at step 2 list four');
});

test('ground picks and coverage', () => {
  const g = readGroundPick({ video_id: VIDEO_ID, t_s: 2.31, frame: 23, frame_t_s: 2.3, lat: 20.6601, lon: -103.3499, method: 'corners' });
  assert.deepEqual([g.frame, g.frameTS, g.lat, g.lon, g.method], [23, 2.3, 20.6601, -103.3499, 'corners']);
  assert.throws(() => readGroundPick({ video_id: VIDEO_ID, t_s: 2.31, frame: 23, frame_t_s: 2.3, lat: 20.6601, lon: -103.3499, method: 'guess' }), schemaError('ground.method'));

  const c = readCoverageAnswer({ lat: 20.6597, lon: -103.3496, coverage: [{ video_id: VIDEO_ID, name: 'orbit.ts', duration_s: 6, ranges: [{ start_s: 0, end_s: 5.9, frames: 60, min_distance_to_centre_m: 0.4 }, { start_s: 7, end_s: 8, frames: 3, min_distance_to_centre_m: null }] }] });
  assert.equal(c.coverage.length, 1);
  assert.deepEqual(c.coverage[0]!.ranges.map((r) => [r.startS, r.endS, r.frames, r.minDistanceToCentreM]), [[0, 5.9, 60, 0.4], [7, 8, 3, null]]);
  assert.deepEqual(readCoverageAnswer({ lat: 0, lon: 0, coverage: [] }).coverage, []);
  assert.throws(() => readCoverageAnswer({ lat: 0, lon: 0, coverage: [{ video_id: VIDEO_ID, name: 'x', duration_s: null, ranges: [{ start_s: 0, end_s: 1, frames: 2.5, min_distance_to_centre_m: 1 }] }] }), schemaError('body.coverage[0].ranges[0].frames'));
});

const annotation = {
  id: '5d1e6a2c-9b7f-4c3e-8a1d-0f2e4b6c8d10',
  video_id: VIDEO_ID,
  t_s: 2.3,
  kind: 'annotation',
  text: 'White van on the road',
  tags: ['vehicle', 'white van'],
  ground: { lat: 20.6601, lon: -103.3499 },
  pixel: { u: 0.52, v: 0.41 },
  link: { kind: 'sortie', id: 'demo-west' },
  author: 'admin',
  created_at: '2026-05-01T10:01:00.000Z',
  updated_at: '2026-05-01T10:01:00.000Z',
};

test('annotations: read with their ground point, pixel and link, or without them', () => {
  const [a] = readAnnotationList({ annotations: [annotation] });
  assert.ok(a !== undefined);
  assert.deepEqual([a.kind, a.tS, a.tags, a.ground, a.pixel, a.link], ['annotation', 2.3, ['vehicle', 'white van'], { lat: 20.6601, lon: -103.3499 }, { u: 0.52, v: 0.41 }, { kind: 'sortie', id: 'demo-west' }]);
  const bookmark = readAnnotationBody({ ...annotation, kind: 'bookmark', text: '', tags: [], ground: null, pixel: null, link: null });
  assert.deepEqual([bookmark.kind, bookmark.ground, bookmark.pixel, bookmark.link], ['bookmark', null, null, null]);
  assert.throws(() => readAnnotationBody({ ...annotation, pixel: { u: 1.2, v: 0.4 } }), schemaError('annotation.pixel.u'));
  assert.throws(() => readAnnotationBody({ ...annotation, link: { kind: 'plan', id: 'p-1' } }), schemaError('annotation.link.kind'));
  assert.throws(() => readAnnotationBody({ ...annotation, tags: ['ok', 7] }), schemaError('annotation.tags[1]'));
  assert.throws(() => readAnnotationList({ annotations: [{ ...annotation, kind: 'note' }] }), schemaError('body.annotations[0].kind'));
});

const motionJob = {
  id: 'a9f1c3e5-7b2d-4f60-8e1a-3c5d7f9b1e20',
  kind: 'motion',
  video_id: VIDEO_ID,
  state: 'done',
  progress: 1,
  message: '1 motion cue(s)',
  options: { roi: { x0: 0.3, y0: 0.2, x1: 0.7, y1: 0.8 } },
  created_by: 'admin',
  created_at: '2026-05-01T10:02:00.000Z',
  started_at: '2026-05-01T10:02:00.100Z',
  finished_at: '2026-05-01T10:02:03.000Z',
  error: null,
  result: { segments: [{ kind: 'motion-cue', start_s: 2.2, end_s: 4.4, peak_score: 0.081, mean_score: 0.04 }], frames: 30, fps: 5, width: 160, height: 90, roi: { x0: 0.3, y0: 0.2, x1: 0.7, y1: 0.8 } },
};

test('motion jobs: the region from the options, the segments once done; a queued one without a result', () => {
  const j = readVideoJobBody(motionJob);
  assert.deepEqual(j.roi, { x0: 0.3, y0: 0.2, x1: 0.7, y1: 0.8 });
  assert.deepEqual(j.result?.segments, [{ startS: 2.2, endS: 4.4, peakScore: 0.081, meanScore: 0.04 }]);
  assert.deepEqual([j.result?.frames, j.result?.fps], [30, 5]);
  const queued = clone(motionJob) as Partial<typeof motionJob>;
  delete queued.result;
  const q = readVideoJobList({ jobs: [{ ...queued, state: 'queued', progress: 0, started_at: null, finished_at: null }] })[0]!;
  assert.deepEqual([q.state, q.result, q.finishedAt], ['queued', null, null]);
  assert.equal(readVideoJobBody({ ...motionJob, result: null }).result, null, 'a null result (not done yet) is none');
  assert.throws(() => readVideoJobBody({ ...motionJob, result: { ...motionJob.result, segments: [{ ...motionJob.result.segments[0], kind: 'detection' }] } }), schemaError('job.result.segments[0].kind'));
  assert.throws(() => readVideoJobBody({ ...motionJob, options: { roi: { x0: 0.3, y0: 0.2, x1: 0.7 } } }), schemaError('job.options.roi.y1'));
  assert.throws(() => readVideoJobBody({ ...motionJob, state: 'paused' }), schemaError('job.state'));
});

test('live messages: videos, their deletion, video jobs and annotations', () => {
  assert.deepEqual(readLiveMessage({ type: 'video', video: { ...video, status: 'processing', progress: 0.5 } })?.type, 'video');
  assert.deepEqual(readLiveMessage({ type: 'video_deleted', id: VIDEO_ID }), { type: 'video_deleted', id: VIDEO_ID });
  const m = readLiveMessage({ type: 'video_job', job: motionJob });
  assert.ok(m?.type === 'video_job' && m.job.result?.segments.length === 1);
  const a = readLiveMessage({ type: 'annotation', annotation });
  assert.ok(a?.type === 'annotation' && a.annotation.text === 'White van on the road');
  assert.deepEqual(readLiveMessage({ type: 'annotation_deleted', id: annotation.id, video_id: VIDEO_ID }), { type: 'annotation_deleted', id: annotation.id, videoId: VIDEO_ID });
  assert.throws(() => readLiveMessage({ type: 'video', video: { ...video, status: 'lost' } }), schemaError('live.video.status'));
  assert.throws(() => readLiveMessage({ type: 'annotation_deleted', id: annotation.id }), schemaError('live.video_id'));
});

test('annotation requests: the form read into the body, its problems named by message keys', () => {
  assert.deepEqual(parseTags(' vehicle, White Van ,,white van, VEHICLE,  gate '), ['vehicle', 'White Van', 'gate']);
  assert.deepEqual(parseTags(''), []);
  const ok = readAnnotationForm({ kind: 'bookmark', text: '  Van stops at the gate  ', tags: 'vehicle, gate', linkKind: 'sortie', linkId: ' demo-west ' });
  assert.ok(ok.ok);
  assert.deepEqual([ok.kind, ok.text, ok.tags, ok.link], ['bookmark', 'Van stops at the gate', ['vehicle', 'gate'], { kind: 'sortie', id: 'demo-west' }]);
  const noLink = readAnnotationForm({ kind: 'annotation', text: '', tags: '', linkKind: '', linkId: 'ignored' });
  assert.ok(noLink.ok && noLink.link === null);

  const bad = (f: Partial<Parameters<typeof readAnnotationForm>[0]>): unknown => {
    const r = readAnnotationForm({ kind: 'annotation', text: 'x', tags: '', linkKind: '', linkId: '', ...f });
    return r.ok ? null : [r.problem.field, r.problem.key];
  };
  assert.deepEqual(bad({ text: 'x'.repeat(10_001) }), ['text', 'annotation.error.textLong']);
  assert.deepEqual(bad({ tags: 't'.repeat(65) }), ['tags', 'annotation.error.tag']);
  assert.deepEqual(bad({ tags: Array.from({ length: 33 }, (_, i) => `t${i}`).join(',') }), ['tags', 'annotation.error.tooManyTags']);
  assert.deepEqual(bad({ linkKind: 'source', linkId: '' }), ['link', 'annotation.error.linkId']);
  assert.deepEqual(bad({ linkKind: 'lead', linkId: '-starts-with-a-dash' }), ['link', 'annotation.error.linkId']);

  assert.deepEqual(
    newAnnotationJson({ tS: 2.3, kind: 'annotation', text: 'Van', tags: ['vehicle'], ground: { lat: 20.66, lon: -103.35 }, pixel: { u: 0.5, v: 0.4 }, link: { kind: 'sortie', id: 'demo-west' } }),
    { t_s: 2.3, kind: 'annotation', text: 'Van', tags: ['vehicle'], ground: { lat: 20.66, lon: -103.35 }, pixel: { u: 0.5, v: 0.4 }, link: { kind: 'sortie', id: 'demo-west' } },
  );
  assert.deepEqual(newAnnotationJson({ tS: 1, kind: 'bookmark', text: '', tags: [], ground: null, pixel: null, link: null }), { t_s: 1, kind: 'bookmark', text: '', tags: [] }, 'absent optional fields are left out (the server refuses null in a new one)');
  assert.deepEqual(annotationPatchJson({ text: 'Van (edited)', link: null }), { text: 'Van (edited)', link: null }, 'null clears the link');
  assert.deepEqual(annotationPatchJson({}), {});
  assert.deepEqual(annotationFormValues({ kind: 'bookmark', text: 'a', tags: ['x', 'y'], link: { kind: 'lead', id: 'L-1' } }), { kind: 'bookmark', text: 'a', tags: 'x, y', linkKind: 'lead', linkId: 'L-1' });
});
