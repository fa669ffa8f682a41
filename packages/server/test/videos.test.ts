/**
 * Full-motion video over HTTP against a real server, a real SQLite store,
 * real files and Debian's ffmpeg/ffprobe: clips made by ffmpeg and our
 * muxer (video-clip.ts) are uploaded, processed (metadata, then a
 * browser-playable MP4) and served with byte ranges; pixels are placed on
 * the ground, places are found in videos, annotations are kept with their
 * authors' rights, motion cues found, and a server stopped mid-processing
 * finishes the work when it starts again.
 */
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_VIDEO_NAME, seedDemoVideo } from '../src/demo/seed-demo.js';
import type { LiveMessage } from '../src/live/hub.js';
import { parseRange } from '../src/video/byte-range.js';
import { call, makeUser, startServer, until, type TestServer } from './harness.js';
import { CLIP_CENTRE, HALF_SIDE_DEG, UL_OFFSET, hasFfmpeg, makeClip, probeStreams, readBytes } from './video-clip.js';

const skip = hasFfmpeg ? false : 'ffmpeg/ffprobe not installed: run `bash scripts/setup-ffmpeg.sh` (CI does)';

interface Video {
  id: string;
  name: string;
  status: string;
  byte_size: number;
  sha256: string;
  failure: { code: string; message: string } | null;
  progress: number;
  message: string;
  duration_s: number | null;
  codec: string | null;
  frame_count: number | null;
  bbox: number[] | null;
  report: Record<string, unknown> | null;
  media_url: string | null;
  simulated: boolean;
}
interface Annotation { id: string; video_id: string; t_s: number; kind: string; text: string; tags: string[]; ground: { lat: number; lon: number } | null; pixel: { u: number; v: number } | null; link: { kind: string; id: string } | null; author: string }
type Who = { token: string };

const dir = mkdtempSync(join(tmpdir(), 'nariz-video-'));
const clips = join(dir, 'clips');
let s: TestServer;
let ana: Who, luis: Who, vera: Who, root: Who;
const heard: LiveMessage[] = [];
const MAX_BYTES = 16 * 1024 * 1024;

const as = (w: Who) => ({ auth: { token: w.token } });

/** A raw upload (the harness's client sends text). */
async function upload(body: Buffer, name: string, who: Who, base = s.base): Promise<{ status: number; json: unknown }> {
  const res = await fetch(`${base}/api/video-uploads?name=${encodeURIComponent(name)}`, { method: 'POST', body, headers: { 'content-type': 'video/mp2t', authorization: `Bearer ${who.token}` } });
  return { status: res.status, json: (await res.json()) as unknown };
}

async function getVideo(id: string, base = s.base, who: Who = ana): Promise<Video> {
  const r = await call(base, 'GET', `/api/videos/${id}`, undefined, as(who));
  assert.equal(r.status, 200, JSON.stringify(r.json));
  return r.json as Video;
}

async function settled(id: string, base = s.base, who: Who = ana): Promise<Video> {
  return until(async () => {
    const v = await getVideo(id, base, who);
    return v.status === 'ready' || v.status === 'failed' ? v : undefined;
  }, `video ${id} processed`, 120_000);
}

async function uploadReady(path: string, name: string): Promise<Video> {
  const r = await upload(readBytes(path), name, ana);
  assert.equal(r.status, 202, JSON.stringify(r.json));
  const v = await settled((r.json as Video).id);
  assert.equal(v.status, 'ready', JSON.stringify(v.failure));
  return v;
}

let klvClip: Video;
let plainClip: Video;

before(async () => {
  if (!hasFfmpeg) return;
  rmSync(clips, { recursive: true, force: true });
  const { mkdirSync } = await import('node:fs');
  mkdirSync(clips);
  s = await startServer({ dir, videoDir: join(dir, 'video'), videoMaxBytes: MAX_BYTES, jobThreads: 1 });
  s.app.platform.hub.subscribe((m) => heard.push(m));
  ana = await makeUser(s.store, 'ana', 'analyst');
  luis = await makeUser(s.store, 'luis', 'analyst');
  vera = await makeUser(s.store, 'vera', 'viewer');
  root = await makeUser(s.store, 'root', 'admin');
  klvClip = await uploadReady(makeClip({ dir: clips, name: 'klv.ts', seconds: 10, box: { fromS: 4, toS: 7 } }), 'north field.ts');
  plainClip = await uploadReady(makeClip({ dir: clips, name: 'plain.ts', seconds: 3, klv: false }), 'no metadata.ts');
});

after(async () => {
  if (s !== undefined) await s.close();
  rmSync(dir, { recursive: true, force: true });
});

test('an uploaded H.264 clip with KLV is ready with its frames, footprints, duration and a transmuxed MP4', { skip }, async () => {
  const v = klvClip;
  assert.equal(v.codec, 'h264');
  assert.equal(v.frame_count, 100);
  assert.ok(Math.abs(v.duration_s! - 10) < 0.2, `duration ${v.duration_s}`);
  assert.equal(v.byte_size, statSync(join(clips, 'klv.ts')).size);
  assert.match(v.sha256, /^[0-9a-f]{64}$/);
  assert.equal(v.media_url, `/api/videos/${v.id}/media`);
  assert.equal(v.report?.['metadata'], 'st0601');
  assert.equal(v.simulated, false, 'a clip whose KLV names another mission is not marked simulated');
  assert.equal(v.report?.['frames_with_footprint'], 100);
  assert.equal(v.report?.['playable'], 'transmuxed');
  const [w, so, e, n] = v.bbox!;
  assert.ok(Math.abs(w! - (CLIP_CENTRE.lon - HALF_SIDE_DEG)) < 1e-6 && Math.abs(n! - (CLIP_CENTRE.lat + HALF_SIDE_DEG)) < 1e-6, `bbox ${v.bbox}`);
  assert.ok(so! < CLIP_CENTRE.lat && e! > CLIP_CENTRE.lon);
  assert.ok(heard.some((m) => m.type === 'video' && m.video['id'] === v.id && m.video['status'] === 'processing'), 'progress was published');
  assert.ok(heard.some((m) => m.type === 'video' && m.video['id'] === v.id && m.video['status'] === 'ready'));
  const listed = (await call(s.base, 'GET', '/api/videos', undefined, as(vera))).json as { videos: Video[] };
  assert.deepEqual(listed.videos.map((x) => x.id).slice(-2), [plainClip.id, klvClip.id], 'newest first; viewers may read');

  const f = (await call(s.base, 'GET', `/api/videos/${v.id}/frames`, undefined, as(vera))).json as { count: number; step: number; t_s: number[]; corner_lat: number[]; centre_lon: number[]; sensor_lat: Array<number | null> };
  assert.equal(f.count, 100);
  assert.equal(f.step, 1);
  assert.equal(f.t_s.length, 100);
  assert.ok(Math.abs(f.t_s[10]! - 1) < 1e-3, `frame 10 at ${f.t_s[10]} s`);
  assert.equal(f.corner_lat.length, 400);
  assert.ok(Math.abs(f.corner_lat[0]! - (CLIP_CENTRE.lat + UL_OFFSET.lat)) < 1e-6);
  assert.ok(Math.abs(f.centre_lon[5]! - CLIP_CENTRE.lon) < 1e-6);
  assert.ok(f.sensor_lat.every((x) => x !== null && Math.abs(x - (CLIP_CENTRE.lat - 0.004)) < 1e-6));
  const d = (await call(s.base, 'GET', `/api/videos/${v.id}/frames?max=30`, undefined, as(vera))).json as { step: number; t_s: number[]; corner_lon: number[] };
  assert.equal(d.step, 4);
  assert.equal(d.t_s.length, 25);
  assert.equal(d.corner_lon.length, 100);
});

test('the media is an MP4 ffprobe reads as H.264, served with byte ranges (200, 206, suffix, open-ended, 416) and made only once', { skip }, async () => {
  const url = `${s.base}/api/videos/${klvClip.id}/media`;
  const mp4 = join(dir, 'video', klvClip.id, 'media.mp4');
  const before = statSync(mp4);
  const whole = await fetch(url, { headers: { authorization: `Bearer ${vera.token}` } });
  assert.equal(whole.status, 200);
  assert.equal(whole.headers.get('accept-ranges'), 'bytes');
  assert.equal(whole.headers.get('content-type'), 'video/mp4');
  const bytes = Buffer.from(await whole.arrayBuffer());
  assert.equal(bytes.length, before.size);
  assert.equal(Number(whole.headers.get('content-length')), before.size);
  const copy = join(dir, 'served.mp4');
  (await import('node:fs')).writeFileSync(copy, bytes);
  const streams = probeStreams(copy);
  assert.deepEqual(streams.map((x) => [x.codec_type, x.codec_name]), [['video', 'h264']]);
  assert.equal(bytes.subarray(4, 8).toString('latin1'), 'ftyp');
  // +faststart: the index (moov) comes before the media data (mdat).
  assert.ok(bytes.indexOf('moov') < bytes.indexOf('mdat'), 'moov before mdat');

  const ranged = async (range: string) => {
    const r = await fetch(url, { headers: { authorization: `Bearer ${vera.token}`, range } });
    return { status: r.status, range: r.headers.get('content-range'), length: r.headers.get('content-length'), body: Buffer.from(await r.arrayBuffer()) };
  };
  const size = bytes.length;
  const first = await ranged('bytes=0-99');
  assert.deepEqual([first.status, first.range, first.length], [206, `bytes 0-99/${size}`, '100']);
  assert.ok(first.body.equals(bytes.subarray(0, 100)));
  const suffix = await ranged('bytes=-500');
  assert.deepEqual([suffix.status, suffix.range], [206, `bytes ${size - 500}-${size - 1}/${size}`]);
  assert.ok(suffix.body.equals(bytes.subarray(size - 500)));
  const open = await ranged(`bytes=${size - 10}-`);
  assert.deepEqual([open.status, open.range, open.body.length], [206, `bytes ${size - 10}-${size - 1}/${size}`, 10]);
  const past = await ranged(`bytes=${size + 5}-${size + 10}`);
  assert.deepEqual([past.status, past.range], [416, `bytes */${size}`]);
  assert.equal((JSON.parse(past.body.toString()) as { error: { code: string } }).error.code, 'NARIZ_RANGE');
  const clipped = await ranged(`bytes=${size - 3}-${size + 100}`);
  assert.deepEqual([clipped.status, clipped.range], [206, `bytes ${size - 3}-${size - 1}/${size}`], 'a last byte past the end is the end');
  const multi = await ranged('bytes=0-1,5-6');
  assert.equal(multi.status, 200, 'several ranges: the whole file');

  const head = await fetch(url, { method: 'HEAD', headers: { authorization: `Bearer ${vera.token}` } });
  assert.deepEqual([head.status, head.headers.get('content-length'), (await head.arrayBuffer()).byteLength], [200, String(size), 0]);
  const etag = whole.headers.get('etag')!;
  assert.equal((await fetch(url, { headers: { authorization: `Bearer ${vera.token}`, 'if-none-match': etag } })).status, 304);
  const stale = await fetch(url, { headers: { authorization: `Bearer ${vera.token}`, range: 'bytes=0-9', 'if-range': '"stale"' } });
  assert.equal(stale.status, 200, 'If-Range with another validator: the whole file');
  await stale.arrayBuffer();
  const fresh = await fetch(url, { headers: { authorization: `Bearer ${vera.token}`, range: 'bytes=0-9', 'if-range': etag } });
  assert.equal(fresh.status, 206);
  await fresh.arrayBuffer();

  const after = statSync(mp4);
  assert.equal(after.mtimeMs, before.mtimeMs, 'served again, never made again');
  assert.equal(after.ino, before.ino);
  assert.deepEqual(readdirSync(join(dir, 'video', klvClip.id)).sort(), ['media.mp4', 'original.ts']);
  assert.equal((await call(s.base, 'GET', `/api/videos/${klvClip.id}/media`)).status, 401, 'behind sign-in');
});

test('a pixel is placed on the ground through the frame footprint; no footprint is 422 with the reason', { skip }, async () => {
  const g = (await call(s.base, 'GET', `/api/videos/${klvClip.id}/ground?t=1.05&u=0.5&v=0.5`, undefined, as(vera))).json as { lat: number; lon: number; frame: number; frame_t_s: number; method: string };
  assert.equal(g.method, 'corners');
  assert.equal(g.frame, 10);
  assert.ok(Math.abs(g.lat - CLIP_CENTRE.lat) < 1e-5 && Math.abs(g.lon - CLIP_CENTRE.lon) < 1e-5, JSON.stringify(g));
  const ul = (await call(s.base, 'GET', `/api/videos/${klvClip.id}/ground?t=3&u=0&v=0`, undefined, as(vera))).json as { lat: number; lon: number };
  assert.ok(Math.abs(ul.lat - (CLIP_CENTRE.lat + UL_OFFSET.lat)) < 1e-7 && Math.abs(ul.lon - (CLIP_CENTRE.lon + UL_OFFSET.lon)) < 1e-7, JSON.stringify(ul));
  const none = await call(s.base, 'GET', `/api/videos/${plainClip.id}/ground?t=1&u=0.5&v=0.5`, undefined, as(vera));
  assert.equal(none.status, 422);
  assert.equal((none.json as { error: { code: string; message: string } }).error.code, 'NARIZ_NO_FOOTPRINT');
  assert.match((none.json as { error: { message: string } }).error.message, /no KLV metadata/);
  const bad = await call(s.base, 'GET', `/api/videos/${klvClip.id}/ground?t=1&u=1.5&v=0.5`, undefined, as(vera));
  assert.equal(bad.status, 400);
  assert.equal((bad.json as { error: { code: string } }).error.code, 'NARIZ_BAD_REQUEST');
  assert.equal((await call(s.base, 'GET', '/api/videos/no-such-video/ground?t=1&u=0.5&v=0.5', undefined, as(vera))).status, 404);
});

test('coverage finds the clip for the point it shows, with when, and not for a point 50 km away', { skip }, async () => {
  const here = (await call(s.base, 'GET', `/api/video-coverage?lat=${CLIP_CENTRE.lat + 0.0005}&lon=${CLIP_CENTRE.lon}`, undefined, as(vera))).json as { coverage: Array<{ video_id: string; name: string; ranges: Array<{ start_s: number; end_s: number; frames: number; min_distance_to_centre_m: number }> }> };
  assert.deepEqual(here.coverage.map((c) => c.video_id), [klvClip.id]);
  const c = here.coverage[0]!;
  assert.equal(c.name, 'north field.ts');
  assert.equal(c.ranges.length, 1);
  assert.equal(c.ranges[0]!.frames, 100);
  assert.ok(Math.abs(c.ranges[0]!.start_s) < 1e-3 && Math.abs(c.ranges[0]!.end_s - 9.9) < 1e-3, JSON.stringify(c.ranges));
  assert.ok(Math.abs(c.ranges[0]!.min_distance_to_centre_m - 55.6) < 1, `${c.ranges[0]!.min_distance_to_centre_m} m`);
  const away = (await call(s.base, 'GET', `/api/video-coverage?lat=${CLIP_CENTRE.lat + 0.45}&lon=${CLIP_CENTRE.lon}`, undefined, as(vera))).json as { coverage: unknown[] };
  assert.deepEqual(away.coverage, []);
});

test('a clip without KLV plays, with a report that says it has no metadata', { skip }, async () => {
  const v = plainClip;
  assert.equal(v.frame_count, 0);
  assert.equal(v.bbox, null);
  assert.equal(v.report?.['metadata'], 'none');
  assert.match(String(v.report?.['note']), /no KLV metadata/);
  assert.match(v.message, /^ready; no KLV/);
  const f = (await call(s.base, 'GET', `/api/videos/${v.id}/frames`, undefined, as(vera))).json as { count: number; t_s: unknown[] };
  assert.deepEqual([f.count, f.t_s.length], [0, 0]);
  const head = await fetch(`${s.base}/api/videos/${v.id}/media`, { headers: { authorization: `Bearer ${vera.token}`, range: 'bytes=0-7' } });
  assert.equal(head.status, 206);
});

test('annotations: created with the ground under their pixel, searched, edited only by their author or an admin, audited and published', { skip }, async () => {
  const base = `/api/videos/${klvClip.id}/annotations`;
  const made = await call(s.base, 'POST', base, { t_s: 5, text: 'White van at the Ñandú gate', tags: ['vehicle', 'Van'], pixel: { u: 0.5, v: 0.5 }, link: { kind: 'source', id: 'src-7' } }, as(ana));
  assert.equal(made.status, 201, JSON.stringify(made.json));
  const a = made.json as Annotation;
  assert.equal(a.author, 'ana');
  assert.equal(a.kind, 'annotation');
  assert.ok(a.ground !== null && Math.abs(a.ground.lat - CLIP_CENTRE.lat) < 1e-5, 'the ground under the pixel');
  const mark = (await call(s.base, 'POST', base, { t_s: 1, kind: 'bookmark', text: 'take-off' }, as(luis))).json as Annotation;
  assert.equal((await call(s.base, 'POST', base, { t_s: 2, text: 'viewer note' }, as(vera))).status, 403, 'viewers read only');
  assert.equal((await call(s.base, 'POST', base, { t_s: 2, text: 'x', colour: 'red' }, as(ana))).status, 400, 'unknown fields refused');
  assert.equal((await call(s.base, 'POST', base, { t_s: 2, tags: ['a\u001fb'] }, as(ana))).status, 400, 'control characters in a tag refused');
  assert.equal((await call(s.base, 'POST', '/api/videos/nope/annotations', { t_s: 2 }, as(ana))).status, 404);

  const list = (await call(s.base, 'GET', base, undefined, as(vera))).json as { annotations: Annotation[] };
  assert.deepEqual(list.annotations.map((x) => x.id), [mark.id, a.id], 'timeline order');
  const search = async (q: string): Promise<string[]> => ((await call(s.base, 'GET', `/api/annotations?${q}`, undefined, as(vera))).json as { annotations: Annotation[] }).annotations.map((x) => x.id);
  assert.deepEqual(await search('q=ñandú'), [a.id]);
  assert.deepEqual(await search('q=VEHIC'), [a.id]);
  assert.deepEqual(await search('tag=van'), [a.id]);
  assert.deepEqual(await search('tag=va'), []);
  assert.deepEqual(await search('link=source:src-7'), [a.id]);
  assert.deepEqual(await search(`video_id=${klvClip.id}&q=take`), [mark.id]);
  assert.equal((await call(s.base, 'GET', '/api/annotations?link=planet:x', undefined, as(vera))).status, 400);

  assert.equal((await call(s.base, 'PATCH', `/api/annotations/${a.id}`, { text: 'mine now' }, as(luis))).status, 403, 'another analyst cannot edit');
  assert.equal((await call(s.base, 'DELETE', `/api/annotations/${a.id}`, undefined, as(luis))).status, 403, 'nor delete');
  assert.equal((await call(s.base, 'PATCH', `/api/annotations/${a.id}`, { text: 'x' }, as(vera))).status, 403);
  const edited = await call(s.base, 'PATCH', `/api/annotations/${a.id}`, { text: 'Blue van', tags: ['van'], link: null }, as(ana));
  assert.equal(edited.status, 200, JSON.stringify(edited.json));
  assert.deepEqual([(edited.json as Annotation).text, (edited.json as Annotation).link, (edited.json as Annotation).tags], ['Blue van', null, ['van']]);
  assert.equal((await call(s.base, 'PATCH', `/api/annotations/${a.id}`, {}, as(ana))).status, 400, 'an empty change');
  assert.equal((await call(s.base, 'PATCH', `/api/annotations/${mark.id}`, { t_s: 1.5 }, as(root))).status, 200, 'an admin may edit anyone\'s');
  assert.equal((await call(s.base, 'DELETE', `/api/annotations/${mark.id}`, undefined, as(root))).status, 204);
  assert.equal((await call(s.base, 'DELETE', `/api/annotations/${mark.id}`, undefined, as(root))).status, 404);

  const audit = (await call(s.base, 'GET', '/api/audit?limit=200', undefined, as(root))).json as { entries: Array<{ actor: string; action: string; target: string }> };
  const mine = audit.entries.filter((e) => e.target === a.id || e.target === mark.id).map((e) => `${e.actor} ${e.action}`).reverse();
  assert.deepEqual(mine, ['ana annotation.create', 'luis annotation.create', 'ana annotation.update', 'root annotation.update', 'root annotation.delete']);
  assert.ok(heard.some((m) => m.type === 'annotation' && m.annotation['id'] === a.id && m.annotation['text'] === 'Blue van'));
  assert.ok(heard.some((m) => m.type === 'annotation_deleted' && m.id === mark.id && m.video_id === klvClip.id));
});

test('not a transport stream is refused at once (400) and leaves nothing; a stream without video fails with its reason; neither touches other videos', { skip }, async () => {
  const videosBefore = ((await call(s.base, 'GET', '/api/videos', undefined, as(ana))).json as { videos: Video[] }).videos.length;
  const junk = Buffer.alloc(300_000, 'not video at all ');
  const r = await upload(junk, 'junk.bin', ana);
  assert.equal(r.status, 400);
  assert.equal((r.json as { error: { code: string } }).error.code, 'NARIZ_MPEGTS');
  assert.equal((await upload(Buffer.alloc(0), 'empty.ts', ana)).status, 400);
  assert.equal((await upload(Buffer.from('x'), 'x.ts', vera)).status, 403);
  assert.deepEqual(readdirSync(join(dir, 'video', 'incoming')), []);
  assert.equal(((await call(s.base, 'GET', '/api/videos', undefined, as(ana))).json as { videos: Video[] }).videos.length, videosBefore, 'no video recorded');

  // Null packets only: transport stream packets, but no program and no video.
  const nul = Buffer.alloc(188 * 2000);
  for (let k = 0; k < 2000; k++) nul.set([0x47, 0x1f, 0xff, 0x10 | (k & 15)], 188 * k);
  const accepted = await upload(nul, 'nothing inside.ts', ana);
  assert.equal(accepted.status, 202);
  const failed = await settled((accepted.json as Video).id);
  assert.equal(failed.status, 'failed');
  assert.equal(failed.failure?.code, 'NARIZ_MPEGTS');
  assert.match(failed.failure?.message ?? '', /^no video stream .*nothing inside\.ts/);
  assert.doesNotMatch(failed.failure?.message ?? '', /original\.ts|\/tmp/, 'no server path in what users see');
  assert.equal(failed.media_url, null);
  assert.equal((await call(s.base, 'GET', `/api/videos/${failed.id}/media`, undefined, as(ana))).status, 409);

  // A clip cut off in the middle of a packet plays as far as it goes.
  const whole = readBytes(join(clips, 'klv.ts'));
  const cut = await upload(whole.subarray(0, Math.floor(whole.length * 0.6) + 77), 'cut.ts', ana);
  const cutV = await settled((cut.json as Video).id);
  assert.equal(cutV.status, 'ready', JSON.stringify(cutV.failure));
  assert.ok(cutV.frame_count! > 30 && cutV.frame_count! < 100, `${cutV.frame_count} frames`);

  assert.equal((await getVideo(klvClip.id)).status, 'ready', 'the others are as they were');
  assert.ok(existsSync(join(dir, 'video', klvClip.id, 'media.mp4')));
});

test('a body over the limit is 413, an upload cut off by the client leaves nothing behind', { skip }, async () => {
  const big = await upload(Buffer.concat([readBytes(join(clips, 'klv.ts')), Buffer.alloc(MAX_BYTES)]), 'big.ts', ana);
  assert.equal(big.status, 413);
  assert.equal((big.json as { error: { code: string } }).error.code, 'NARIZ_TOO_LARGE');
  const count = async (): Promise<number> => ((await call(s.base, 'GET', '/api/videos', undefined, as(ana))).json as { videos: Video[] }).videos.length;
  const n = await count();
  // Half a clip sent, then the connection dropped.
  const head = readBytes(join(clips, 'klv.ts'));
  await new Promise<void>((resolve) => {
    const u = new URL(`${s.base}/api/video-uploads?name=aborted.ts`);
    const req = request({ host: u.hostname, port: u.port, path: u.pathname + u.search, method: 'POST', headers: { 'content-type': 'video/mp2t', 'content-length': head.length * 2, authorization: `Bearer ${ana.token}` } });
    req.on('error', () => resolve());
    req.write(head, () => setTimeout(() => {
      req.destroy();
      resolve();
    }, 200));
  });
  await until(async () => (readdirSync(join(dir, 'video', 'incoming')).length === 0 ? true : undefined), 'the partial upload removed', 10_000);
  assert.equal(await count(), n, 'no video recorded');
});

test('motion cue: a job over a region finds the interval the box moves, stored with the video', { skip }, async () => {
  const url = `/api/videos/${klvClip.id}/motion`;
  assert.equal((await call(s.base, 'POST', url, { roi: { x0: 0, y0: 0, x1: 1, y1: 1 } }, as(vera))).status, 403);
  const empty = await call(s.base, 'POST', url, { roi: { x0: 0.5, y0: 0, x1: 0.5, y1: 1 } }, as(ana));
  assert.equal(empty.status, 400);
  assert.match((empty.json as { error: { message: string } }).error.message, /x0 .* less than x1/);
  const posted = await call(s.base, 'POST', url, { roi: { x0: 0, y0: 0.3, x1: 1, y1: 0.9 }, fps: 5 }, as(ana));
  assert.equal(posted.status, 202, JSON.stringify(posted.json));
  const jobId = (posted.json as { id: string }).id;
  const done = await until(async () => {
    const j = (await call(s.base, 'GET', `${url}/${jobId}`, undefined, as(vera))).json as { state: string; result: { segments: Array<{ kind: string; start_s: number; end_s: number; peak_score: number }>; frames: number } | null; error: unknown };
    return j.state === 'done' || j.state === 'failed' ? j : undefined;
  }, 'the motion job', 60_000);
  assert.equal(done.state, 'done', JSON.stringify(done.error));
  assert.equal(done.result!.frames, 50);
  const segs = done.result!.segments;
  assert.ok(segs.length >= 1, JSON.stringify(segs));
  assert.ok(segs.every((x) => x.kind === 'motion-cue'));
  // The box moves from 4 s to 7 s; a cue lies within it (give a frame either side).
  assert.ok(segs.every((x) => x.start_s >= 3.8 && x.end_s <= 7.2), JSON.stringify(segs));
  assert.ok(segs.some((x) => x.start_s <= 4.6 && x.end_s >= 6.4), JSON.stringify(segs));
  const listed = (await call(s.base, 'GET', url, undefined, as(vera))).json as { jobs: Array<{ id: string; result: unknown }> };
  assert.equal(listed.jobs[0]?.id, jobId);
  assert.deepEqual(listed.jobs[0]?.result, done.result);
  assert.ok(heard.some((m) => m.type === 'video_job' && m.job['id'] === jobId && m.job['state'] === 'done'));
});

test('deleting a video is for admins, audited, and takes its annotations, jobs and files', { skip }, async () => {
  const v = await uploadReady(join(clips, 'plain.ts'), 'to delete.ts');
  const a = (await call(s.base, 'POST', `/api/videos/${v.id}/annotations`, { t_s: 1, text: 'gone soon' }, as(ana))).json as Annotation;
  assert.equal((await call(s.base, 'DELETE', `/api/videos/${v.id}`, undefined, as(ana))).status, 403);
  assert.equal((await call(s.base, 'DELETE', `/api/videos/${v.id}`, undefined, as(root))).status, 204);
  assert.equal((await call(s.base, 'GET', `/api/videos/${v.id}`, undefined, as(ana))).status, 404);
  assert.equal(await s.store.annotations.getAnnotation(a.id), undefined);
  assert.equal(existsSync(join(dir, 'video', v.id)), false);
  assert.equal((await call(s.base, 'DELETE', `/api/videos/${v.id}`, undefined, as(root))).status, 404);
  const audit = (await call(s.base, 'GET', `/api/audit?action=video.delete`, undefined, as(root))).json as { entries: Array<{ actor: string; target: string; details: { name: string } }> };
  assert.deepEqual(audit.entries.map((e) => [e.actor, e.target, e.details.name]), [['root', v.id, 'to delete.ts']]);
  assert.ok(heard.some((m) => m.type === 'video_deleted' && m.id === v.id));
});

test('a server stopped while it transcodes finishes the video when it starts again', { skip }, async () => {
  const d = mkdtempSync(join(tmpdir(), 'nariz-video-resume-'));
  try {
    // MPEG-2 must be transcoded (not copied): long enough to stop the server in the middle.
    const clip = makeClip({ dir: d, name: 'mpeg2.ts', seconds: 60, fps: 25, size: '640x360', codec: 'mpeg2' });
    const first = await startServer({ dir: d, videoDir: join(d, 'video'), jobThreads: 1 });
    const w = await makeUser(first.store, 'ana', 'analyst');
    const r = await upload(readBytes(clip), 'mpeg2.ts', w, first.base);
    assert.equal(r.status, 202);
    const id = (r.json as Video).id;
    await until(async () => {
      const v = await first.store.videos.getVideo(id);
      return v?.message.startsWith('making') === true ? true : undefined;
    }, 'the transcode under way', 60_000);
    await first.close();
    const left = (await (async () => {
      const { SqliteStore } = await import('@nariz/store');
      const st = new SqliteStore({ path: join(d, 'nariz.db') });
      try {
        return await st.videos.getVideo(id);
      } finally {
        await st.close();
      }
    })())!;
    assert.equal(left.status, 'processing', 'stopped in the middle');
    assert.equal(existsSync(join(d, 'video', id, 'media.mp4')), false);
    const second = await startServer({ dir: d, videoDir: join(d, 'video'), jobThreads: 1 });
    try {
      const v = await until(async () => {
        const x = await second.store.videos.getVideo(id);
        return x?.status === 'ready' || x?.status === 'failed' ? x : undefined;
      }, 'the resumed video', 120_000);
      assert.equal(v.status, 'ready', JSON.stringify(v.failure));
      assert.equal(v.codec, 'mpeg2');
      assert.equal((v.report as Record<string, unknown>)['playable'], 'transcoded');
      assert.deepEqual(probeStreams(join(d, 'video', id, 'media.mp4')).map((x) => x.codec_name), ['h264']);
      assert.deepEqual(readdirSync(join(d, 'video', id)).sort(), ['media.mp4', 'original.ts'], 'no half file left');
    } finally {
      await second.close();
    }
  } finally {
    rmSync(d, { recursive: true, force: true });
  }
});

test('the demo video: rendered by the simulator, taken in like an upload, placed over its lab; the motion cue finds the passing vehicle', { skip }, async () => {
  const d = mkdtempSync(join(tmpdir(), 'nariz-video-demo-'));
  const said: string[] = [];
  try {
    const srv = await startServer({ dir: d, videoDir: join(d, 'video'), jobThreads: 1 });
    try {
      const w = await makeUser(srv.store, 'ana', 'analyst');
      const seeded = await seedDemoVideo(srv.app.platform, (l) => said.push(l), { durationS: 8, width: 320, height: 180, motion: { startS: 3, endS: 6 } });
      assert.ok(seeded !== undefined);
      assert.equal(seeded.name, DEMO_VIDEO_NAME);
      assert.equal(seeded.createdBy, 'system');
      const v = await settled(seeded.id, srv.base, w);
      assert.equal(v.status, 'ready', JSON.stringify(v.failure));
      assert.equal(v.report?.['frames_with_footprint'], 80);
      // The simulator's mission id marks it SIMULATED in the API.
      assert.deepEqual(v.report?.['mission_ids'], ['SIMULATED']);
      assert.equal(v.simulated, true);
      assert.equal(await seedDemoVideo(srv.app.platform, (l) => said.push(l)), undefined, 'only into a deployment without videos');
      assert.equal(said.length, 0, said.join('; '));
      // The camera stares at the lab: the frame centre is the point, and coverage finds the whole clip there.
      const f = (await call(srv.base, 'GET', `/api/videos/${v.id}/frames`, undefined, { auth: w })).json as { centre_lat: number[]; centre_lon: number[] };
      const cov = (await call(srv.base, 'GET', `/api/video-coverage?lat=${f.centre_lat[0]}&lon=${f.centre_lon[0]}`, undefined, { auth: w })).json as { coverage: Array<{ video_id: string; ranges: Array<{ frames: number }> }> };
      assert.deepEqual(cov.coverage.map((c) => [c.video_id, c.ranges.map((r) => r.frames)]), [[v.id, [80]]]);
      // Around the point the camera stares at (the picture turns as the drone orbits; the cue removes only translation).
      const posted = await call(srv.base, 'POST', `/api/videos/${v.id}/motion`, { roi: { x0: 0.3, y0: 0.2, x1: 0.7, y1: 0.8 }, fps: 10 }, { auth: w });
      assert.equal(posted.status, 202);
      const job = await until(async () => {
        const j = (await call(srv.base, 'GET', `/api/videos/${v.id}/motion/${(posted.json as { id: string }).id}`, undefined, { auth: w })).json as { state: string; result: { segments: Array<{ start_s: number; end_s: number; peak_score: number }> } | null };
        return j.state === 'done' || j.state === 'failed' ? j : undefined;
      }, 'the motion job on the demo video', 60_000);
      // The strongest cue is the vehicle, from 3 s to 6 s to within a frame (weaker ones may follow from the orbit's parallax and rotation).
      const segs = [...(job.result?.segments ?? [])].sort((a, b) => b.peak_score - a.peak_score);
      assert.ok(segs.length >= 1 && Math.abs(segs[0]!.start_s - 3) <= 0.1 + 1e-9 && Math.abs(segs[0]!.end_s - 6) <= 0.1 + 1e-9, JSON.stringify(segs));
    } finally {
      await srv.close();
    }
    const blind = await startServer({ dir: d, videoDir: join(d, 'video2'), ffmpegPath: join(d, 'no', 'ffmpeg') });
    try {
      await blind.store.videos.deleteVideo((await blind.store.videos.listVideos())[0]!.id);
      assert.equal(await seedDemoVideo(blind.app.platform, (l) => said.push(l)), undefined);
      assert.equal(said.length, 1);
      assert.match(said[0]!, /^demo video skipped: ffmpeg not found at ".*no\/ffmpeg"/);
    } finally {
      await blind.close();
    }
  } finally {
    rmSync(d, { recursive: true, force: true });
  }
});

test('the OpenAPI document lists the video routes', { skip }, async () => {
  const doc = (await call(s.base, 'GET', '/api/docs')).json as { paths: Record<string, unknown> };
  for (const path of ['/api/video-uploads', '/api/videos', '/api/videos/{id}/media', '/api/videos/{id}/ground', '/api/video-coverage', '/api/annotations', '/api/annotations/{id}', '/api/videos/{id}/motion']) {
    assert.ok(path in doc.paths, path);
  }
});

test('Range headers: one range served, a suffix longer than the file is all of it, several or malformed ones are ignored, past the end unsatisfiable', () => {
  const cases: Array<[string | undefined, number, ReturnType<typeof parseRange>]> = [
    [undefined, 100, { kind: 'full' }],
    ['bytes=0-0', 100, { kind: 'partial', start: 0, end: 0 }],
    ['bytes=10-19', 100, { kind: 'partial', start: 10, end: 19 }],
    ['bytes = 10 - 19', 100, { kind: 'partial', start: 10, end: 19 }],
    ['bytes=90-', 100, { kind: 'partial', start: 90, end: 99 }],
    ['bytes=90-500', 100, { kind: 'partial', start: 90, end: 99 }],
    ['bytes=-10', 100, { kind: 'partial', start: 90, end: 99 }],
    ['bytes=-500', 100, { kind: 'partial', start: 0, end: 99 }],
    ['bytes=-0', 100, { kind: 'unsatisfiable' }],
    ['bytes=100-', 100, { kind: 'unsatisfiable' }],
    ['bytes=0-', 0, { kind: 'unsatisfiable' }],
    ['bytes=-5', 0, { kind: 'unsatisfiable' }],
    ['bytes=20-10', 100, { kind: 'full' }],
    ['bytes=0-1,5-6', 100, { kind: 'full' }],
    ['items=0-1', 100, { kind: 'full' }],
    ['bytes=-', 100, { kind: 'full' }],
    ['bytes=a-b', 100, { kind: 'full' }],
  ];
  for (const [h, size, want] of cases) assert.deepEqual(parseRange(h, size), want, `${h} of ${size}`);
});
