/** The VideoStore, AnnotationStore and VideoJobStore parts of the store contract (videos.ts, annotations.ts, video-jobs.ts). */
import assert from 'node:assert/strict';
import type { NewVideo, Store } from '../src/index.js';

type WithStore = (title: string, body: (s: Store) => Promise<void>) => void;

function rejects(p: Promise<unknown>, code: string): Promise<void> {
  return assert.rejects(p, (err: unknown) => err instanceof Error && 'code' in err && err.code === code);
}

/** A video as an upload makes it; `byteSize` above 2^32 checks the 64-bit column. */
const newVideo = (id: string, o: Partial<NewVideo> = {}): NewVideo => ({
  id, name: `${id}.ts`, byteSize: 1234, sha256: 'ab'.repeat(32), createdBy: 'ana', originalPath: `${id}/original.ts`, ...o,
});

export function videoContract(withStore: WithStore): void {
  withStore('a video moves from uploaded through processing to ready with its metadata; its frames BLOB reads back exactly', async (s) => {
    const v = await s.videos.createVideo(newVideo('v1', { byteSize: 8 * 1024 ** 3 + 7 }));
    assert.equal(v.status, 'uploaded');
    assert.equal(v.byteSize, 8 * 1024 ** 3 + 7);
    assert.equal(v.progress, 0);
    assert.equal(v.report, undefined);
    assert.equal(v.bounds, undefined);
    assert.equal(v.mediaPath, undefined);
    assert.match(v.createdAt, /^\d{4}-\d\d-\d\dT/);
    await rejects(s.videos.createVideo(newVideo('v1')), 'NARIZ_CONFLICT');
    const p = await s.videos.updateVideo('v1', { status: 'processing', progress: 0.25, message: 'reading metadata' });
    assert.equal(p?.status, 'processing');
    assert.equal(p?.progress, 0.25);
    assert.equal(await s.videos.videoFrames('v1'), undefined, 'no frames before extraction');
    const frames = new Uint8Array(70_001).map((_, i) => (i * 31) & 0xff);
    const report = { packets: 12, checksumErrors: 0, videoCodec: 'h264', note: 'año' };
    const bounds = { west: 5.1, south: 52.0, east: 5.2, north: 52.1 };
    const ready = await s.videos.updateVideo('v1', { status: 'ready', progress: 1, durationS: 12.5, codec: 'h264', frameCount: 300, report, bounds, frames: frames.subarray(1), mediaPath: 'v1/media.mp4' });
    assert.equal(ready?.status, 'ready');
    assert.equal(ready?.durationS, 12.5);
    assert.equal(ready?.codec, 'h264');
    assert.equal(ready?.frameCount, 300);
    assert.deepEqual(ready?.report, report);
    assert.deepEqual(ready?.bounds, bounds);
    assert.equal(ready?.mediaPath, 'v1/media.mp4');
    assert.equal(ready?.message, 'reading metadata', 'an absent field is kept');
    assert.deepEqual(await s.videos.videoFrames('v1'), frames.subarray(1), 'a view into a larger buffer is stored as its own bytes');
    assert.equal(await s.videos.updateVideo('nope', { progress: 1 }), undefined);
    const failed = await s.videos.updateVideo((await s.videos.createVideo(newVideo('v2'))).id, { status: 'failed', failure: { code: 'NARIZ_MPEGTS', message: 'not a transport stream' } });
    assert.deepEqual(failed?.failure, { code: 'NARIZ_MPEGTS', message: 'not a transport stream' });
    assert.deepEqual((await s.videos.listVideos()).map((x) => x.id), ['v2', 'v1']);
    assert.deepEqual((await s.videos.listVideos({ statuses: ['uploaded', 'processing'] })).map((x) => x.id), []);
    assert.deepEqual((await s.videos.listVideos({ statuses: ['failed'] })).map((x) => x.id), ['v2']);
    assert.deepEqual((await s.videos.listVideos({ statuses: [] })).map((x) => x.id), []);
  });

  withStore('videosAt finds the ready videos whose footprint bounds hold the point, across the antimeridian too', async (s) => {
    const at = async (lat: number, lon: number): Promise<string[]> => (await s.videos.videosAt(lat, lon)).map((v) => v.id).sort();
    await s.videos.createVideo(newVideo('nl'));
    await s.videos.updateVideo('nl', { status: 'ready', bounds: { west: 5.1, south: 52.0, east: 5.2, north: 52.1 } });
    await s.videos.createVideo(newVideo('fiji'));
    await s.videos.updateVideo('fiji', { status: 'ready', bounds: { west: 179.5, south: -17.0, east: -179.5, north: -16.5 } });
    await s.videos.createVideo(newVideo('busy'));
    await s.videos.updateVideo('busy', { status: 'processing', bounds: { west: 5.0, south: 51.9, east: 5.3, north: 52.2 } });
    await s.videos.createVideo(newVideo('blind'));
    await s.videos.updateVideo('blind', { status: 'ready' });
    assert.deepEqual(await at(52.05, 5.15), ['nl'], 'inside; a video still processing is not offered');
    assert.deepEqual(await at(52.0, 5.2), ['nl'], 'the edge counts');
    assert.deepEqual(await at(52.5, 5.15), []);
    assert.deepEqual(await at(52.05, 5.25), []);
    assert.deepEqual(await at(-16.7, 179.9), ['fiji']);
    assert.deepEqual(await at(-16.7, -179.9), ['fiji']);
    assert.deepEqual(await at(-16.7, 0), []);
    assert.deepEqual(await at(-16.7, 179.0), []);
  });

  withStore('annotations are created, searched by text and tag in any case and script, by link, edited and deleted; they go with their video', async (s) => {
    await s.videos.createVideo(newVideo('va'));
    await s.videos.createVideo(newVideo('vb'));
    const base = { kind: 'annotation' as const, ground: undefined, pixel: undefined, link: undefined, author: 'ana' };
    const a1 = await s.annotations.createAnnotation({
      ...base, id: 'a1', videoId: 'va', tS: 12.5, text: 'White TRUCK leaves the Ñandú farm', tags: ['Vehicle', 'truck'],
      ground: { latDeg: 52.05, lonDeg: 5.15 }, pixel: { u: 0.25, v: 0.75 }, link: { kind: 'source', id: 'src-7' },
    });
    assert.deepEqual(a1.tags, ['Vehicle', 'truck']);
    assert.deepEqual(a1.ground, { latDeg: 52.05, lonDeg: 5.15 });
    assert.deepEqual(a1.pixel, { u: 0.25, v: 0.75 });
    assert.deepEqual(a1.link, { kind: 'source', id: 'src-7' });
    assert.equal(a1.createdAt, a1.updatedAt);
    await s.annotations.createAnnotation({ ...base, id: 'a2', videoId: 'va', tS: 3, kind: 'bookmark', text: 'take-off', tags: [] });
    await s.annotations.createAnnotation({ ...base, id: 'a3', videoId: 'vb', tS: 1, text: 'smoke from the chimney', tags: ['SMOKE'], author: 'luis', link: { kind: 'lead', id: 'l-1' } });
    await rejects(s.annotations.createAnnotation({ ...base, id: 'a4', videoId: 'nope', tS: 0, text: '', tags: [] }), 'NARIZ_NOT_FOUND');
    await rejects(s.annotations.createAnnotation({ ...base, id: 'a1', videoId: 'va', tS: 0, text: '', tags: [] }), 'NARIZ_CONFLICT');
    const ids = async (q: Parameters<Store['annotations']['listAnnotations']>[0]): Promise<string[]> => (await s.annotations.listAnnotations(q)).map((a) => a.id);
    assert.deepEqual(await ids({ videoId: 'va' }), ['a2', 'a1'], 'timeline order');
    assert.deepEqual(await ids({ text: 'truck' }), ['a1']);
    assert.deepEqual(await ids({ text: 'ÑANDÚ' }), ['a1'], 'case folded beyond ASCII');
    assert.deepEqual(await ids({ text: 'smok' }), ['a3']);
    assert.deepEqual(await ids({ text: 'vehic' }), ['a1'], 'a substring of a tag');
    assert.deepEqual(await ids({ text: '%' }), [], 'no LIKE wildcards');
    assert.deepEqual(await ids({ tag: 'TRUCK' }), ['a1']);
    assert.deepEqual(await ids({ tag: 'truc' }), [], 'a tag matches whole');
    assert.deepEqual(await ids({ tag: 'smoke', videoId: 'va' }), []);
    assert.deepEqual(await ids({ link: { kind: 'lead', id: 'l-1' } }), ['a3']);
    assert.deepEqual(await ids({ link: { kind: 'source', id: 'l-1' } }), []);
    const edited = await s.annotations.updateAnnotation('a1', { text: 'Blue van', tags: ['van'], pixel: null, link: null, tS: 13 });
    assert.equal(edited?.text, 'Blue van');
    assert.equal(edited?.tS, 13);
    assert.equal(edited?.pixel, undefined);
    assert.equal(edited?.link, undefined);
    assert.deepEqual(edited?.ground, { latDeg: 52.05, lonDeg: 5.15 }, 'an absent field is kept');
    assert.equal(edited?.createdAt, a1.createdAt);
    assert.deepEqual(await ids({ text: 'truck' }), [], 'the search follows the edit');
    assert.deepEqual(await ids({ tag: 'van' }), ['a1']);
    assert.equal(await s.annotations.updateAnnotation('nope', { text: 'x' }), undefined);
    assert.equal(await s.annotations.deleteAnnotation('a2'), true);
    assert.equal(await s.annotations.deleteAnnotation('a2'), false);
    assert.equal(await s.videos.deleteVideo('va'), true);
    assert.equal(await s.annotations.getAnnotation('a1'), undefined, 'deleted with its video');
    assert.deepEqual(await ids({}), ['a3']);
    assert.equal(await s.videos.deleteVideo('va'), false);
  });

  withStore('video jobs move to done with their result, a final one never changes, and they go with their video', async (s) => {
    await s.videos.createVideo(newVideo('vj'));
    const j = await s.videoJobs.createVideoJob({ id: 'm1', videoId: 'vj', kind: 'motion', options: { roi: { x0: 0, y0: 0, x1: 1, y1: 1 }, fps: 5 }, createdBy: 'ana' });
    assert.equal(j.state, 'queued');
    assert.deepEqual(j.options, { roi: { x0: 0, y0: 0, x1: 1, y1: 1 }, fps: 5 });
    await rejects(s.videoJobs.createVideoJob({ id: 'm0', videoId: 'nope', kind: 'motion', options: {}, createdBy: undefined }), 'NARIZ_NOT_FOUND');
    const run = await s.videoJobs.updateVideoJob('m1', { state: 'running', startedAt: '2026-11-27T10:00:00.000Z', progress: 0.5, message: 'decoding' });
    assert.equal(run?.startedAt, '2026-11-27T10:00:00.000Z');
    const result = { segments: [{ kind: 'motion-cue', start_s: 4, end_s: 6.2 }] };
    await s.videoJobs.updateVideoJob('m1', { state: 'done', progress: 1, finishedAt: '2026-11-27T10:00:02.000Z', result });
    assert.deepEqual(await s.videoJobs.videoJobResult('m1'), result);
    assert.equal((await s.videoJobs.updateVideoJob('m1', { state: 'failed', error: { code: 'NARIZ_VIDEO', message: 'late' } }))?.state, 'done');
    await s.videoJobs.createVideoJob({ id: 'm2', videoId: 'vj', kind: 'motion', options: {}, createdBy: undefined });
    await s.videoJobs.updateVideoJob('m2', { state: 'failed', error: { code: 'NARIZ_VIDEO', message: 'ffmpeg failed' } });
    assert.deepEqual((await s.videoJobs.getVideoJob('m2'))?.error, { code: 'NARIZ_VIDEO', message: 'ffmpeg failed' });
    assert.deepEqual((await s.videoJobs.listVideoJobs({ videoId: 'vj' })).map((x) => x.id), ['m2', 'm1']);
    assert.deepEqual((await s.videoJobs.listVideoJobs({ states: ['queued', 'running'] })).map((x) => x.id), []);
    assert.deepEqual((await s.videoJobs.listVideoJobs({ kind: 'motion', states: ['done'] })).map((x) => x.id), ['m1']);
    assert.equal(await s.videoJobs.videoJobResult('nope'), undefined);
    await s.videos.deleteVideo('vj');
    assert.deepEqual(await s.videoJobs.listVideoJobs(), []);
  });
}
