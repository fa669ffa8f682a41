/**
 * Full-motion video (issue 5; docs/video.md).
 *
 *   POST   /api/video-uploads?name          a transport stream as the body → 202 the video (processed in the background)
 *   GET    /api/videos                      list, newest first, with status, duration and footprint bbox
 *   GET    /api/videos/:id                  one
 *   DELETE /api/videos/:id                  admin: the video, its annotations, jobs and files (audited)
 *   GET    /api/videos/:id/media            the browser-playable MP4, with byte ranges
 *   GET    /api/videos/:id/frames?step&max  per-frame metadata as columns, for the map
 *   GET    /api/videos/:id/ground?t&u&v     the ground under a pixel of the frame at time t
 *   GET    /api/video-coverage?lat&lon      which videos saw this place, and when
 *
 * and, registered from here, annotations (video/annotation-routes.ts) and
 * motion cues (video/motion-routes.ts).
 */
import type { Readable } from 'node:stream';
import type { FastifyPluginAsync } from 'fastify';
import { NarizError } from '@nariz/core';
import { principalOf } from '../auth/auth-plugin.js';
import type { Platform } from '../platform.js';
import { annotationRoutes } from '../video/annotation-routes.js';
import { coverageOf, frameAt, pixelToGround } from '../video/fmv-bridge.js';
import { framesJson, framesSchema, stepFor } from '../video/frames-json.js';
import { motionRoutes } from '../video/motion-routes.js';
import { sendMedia } from '../video/send-media.js';
import { videoJson, videoSchema } from '../video/video-json.js';
import { mustFrames, mustVideo, videoParams } from '../video/video-lookup.js';

const num = (x: number): number | null => (Number.isFinite(x) ? x : null);

const uploadRoutes: FastifyPluginAsync<{ platform: Platform }> = async (app, { platform: p }) => {
  // The body stays a stream (this plugin's own parsers): a video is never held in memory.
  for (const type of ['video/mp2t', 'application/octet-stream']) app.addContentTypeParser(type, (_req, payload, done) => done(null, payload));
  // An answer given before the body was read to its end (not a transport
  // stream, too large) closes the connection once sent: the client may
  // still be sending gigabytes nobody will read.
  app.addHook('onSend', async (req, reply, payload) => {
    if (!req.raw.complete) {
      reply.header('connection', 'close');
      reply.raw.once('finish', () => req.raw.socket.destroy());
    }
    return payload;
  });

  app.post<{ Querystring: { name: string }; Body: Readable }>(
    '/video-uploads',
    {
      bodyLimit: Number.MAX_SAFE_INTEGER,
      config: { right: 'sortie:write' },
      schema: {
        consumes: ['video/mp2t', 'application/octet-stream'],
        querystring: { type: 'object', properties: { name: { type: 'string', minLength: 1, maxLength: 200 } }, required: ['name'], additionalProperties: false },
        response: { 202: videoSchema },
      },
    },
    async (req, reply) => {
      const declared = Number(req.headers['content-length'] ?? NaN);
      if (declared > p.video.maxBytes) throw new NarizError('NARIZ_TOO_LARGE', `the upload (${declared} bytes) is larger than the limit of ${p.video.maxBytes} bytes (videoMaxBytes)`, { file: req.query.name });
      const who = principalOf(req).username;
      // Not destroyed when the read stops early, so the answer can still be sent (see the onSend hook).
      const v = await p.video.ingest(req.body.iterator({ destroyOnReturn: false }), req.query.name, who);
      await p.store.audit.append({ actor: who, action: 'video.upload', target: v.id, details: { name: v.name, bytes: v.byteSize, sha256: v.sha256 } });
      return reply.status(202).header('location', `/api/videos/${v.id}`).send(videoJson(v));
    },
  );
};

export const videoRoutes: FastifyPluginAsync<{ platform: Platform }> = async (app, { platform: p }) => {
  await app.register(uploadRoutes, { platform: p });
  await app.register(annotationRoutes, { platform: p });
  await app.register(motionRoutes, { platform: p });

  app.get('/videos', { schema: { response: { 200: { type: 'object', properties: { videos: { type: 'array', items: videoSchema } }, required: ['videos'] } } } }, async () => ({
    videos: (await p.store.videos.listVideos()).map(videoJson),
  }));

  app.get<{ Params: { id: string } }>('/videos/:id', { schema: { params: videoParams, response: { 200: videoSchema } } }, async (req) => videoJson(await mustVideo(p, req.params.id)));

  app.delete<{ Params: { id: string } }>('/videos/:id', { config: { right: 'video:admin' }, schema: { params: videoParams } }, async (req, reply) => {
    const v = await mustVideo(p, req.params.id);
    if (!(await p.video.delete(v.id))) throw new NarizError('NARIZ_NOT_FOUND', `no video "${req.params.id}"`);
    await p.store.audit.append({ actor: principalOf(req).username, action: 'video.delete', target: v.id, details: { name: v.name, sha256: v.sha256, created_by: v.createdBy } });
    p.hub.publish({ type: 'video_deleted', id: v.id });
    return reply.status(204).send();
  });

  app.get<{ Params: { id: string } }>(
    '/videos/:id/media',
    { schema: { params: videoParams, produces: ['video/mp4'], description: 'The browser-playable MP4 (H.264). Range requests: 206 with Content-Range, 416 past the end.' } },
    async (req, reply) => sendMedia(req, reply, await p.video.media(await mustVideo(p, req.params.id)), 'video/mp4'),
  );

  app.get<{ Params: { id: string }; Querystring: { step?: number; max?: number } }>(
    '/videos/:id/frames',
    {
      schema: {
        params: videoParams,
        querystring: { type: 'object', properties: { step: { type: 'integer', minimum: 1 }, max: { type: 'integer', minimum: 1, maximum: 100_000 } }, additionalProperties: false },
        response: { 200: framesSchema },
      },
    },
    async (req) => {
      const v = await mustVideo(p, req.params.id);
      const f = await mustFrames(p, v);
      return framesJson(v.id, f, req.query.step ?? stepFor(f.count, req.query.max ?? 5000));
    },
  );

  app.get<{ Params: { id: string }; Querystring: { t: number; u: number; v: number } }>(
    '/videos/:id/ground',
    {
      schema: {
        params: videoParams,
        querystring: {
          type: 'object',
          properties: { t: { type: 'number', minimum: 0 }, u: { type: 'number', minimum: 0, maximum: 1 }, v: { type: 'number', minimum: 0, maximum: 1 } },
          required: ['t', 'u', 'v'],
          additionalProperties: false,
        },
        response: {
          200: {
            type: 'object',
            properties: {
              video_id: { type: 'string' }, t_s: { type: 'number' }, frame: { type: 'integer' }, frame_t_s: { type: 'number' },
              lat: { type: 'number' }, lon: { type: 'number' }, method: { type: 'string', enum: ['corners', 'sensor-model'] },
            },
            required: ['video_id', 't_s', 'frame', 'frame_t_s', 'lat', 'lon', 'method'],
          },
        },
      },
    },
    async (req) => {
      const v = await mustVideo(p, req.params.id);
      const f = await mustFrames(p, v);
      const { t, u, v: vv } = req.query;
      if (f.count === 0) throw new NarizError('NARIZ_NO_FOOTPRINT', `video ${v.id} has no KLV metadata, so no frame can be placed on the ground`);
      const i = frameAt(f, t);
      if (i < 0) throw new NarizError('NARIZ_NO_FOOTPRINT', `no metadata at ${t} s: the video's metadata starts at ${f.tS[0]!.toFixed(3)} s`);
      const g = pixelToGround(f, i, u, vv);
      if (g === undefined) throw new NarizError('NARIZ_NO_FOOTPRINT', `the frame at ${f.tS[i]!.toFixed(3)} s (metadata frame ${i}) has no ground footprint: no KLV corner points and too little for the sensor model`);
      return { video_id: v.id, t_s: t, frame: i, frame_t_s: f.tS[i]!, lat: g.latDeg, lon: g.lonDeg, method: g.method };
    },
  );

  const rangeSchema = {
    type: 'object',
    properties: { start_s: { type: 'number' }, end_s: { type: 'number' }, frames: { type: 'integer' }, min_distance_to_centre_m: { type: ['number', 'null'] } },
    required: ['start_s', 'end_s', 'frames', 'min_distance_to_centre_m'],
  } as const;

  app.get<{ Querystring: { lat: number; lon: number; max_gap_s?: number } }>(
    '/video-coverage',
    {
      schema: {
        querystring: {
          type: 'object',
          properties: { lat: { type: 'number', minimum: -90, maximum: 90 }, lon: { type: 'number', minimum: -180, maximum: 180 }, max_gap_s: { type: 'number', minimum: 0, maximum: 3600 } },
          required: ['lat', 'lon'],
          additionalProperties: false,
        },
        response: {
          200: {
            type: 'object',
            properties: {
              lat: { type: 'number' },
              lon: { type: 'number' },
              coverage: {
                type: 'array',
                items: { type: 'object', properties: { video_id: { type: 'string' }, name: { type: 'string' }, duration_s: { type: ['number', 'null'] }, ranges: { type: 'array', items: rangeSchema } }, required: ['video_id', 'name', 'duration_s', 'ranges'] },
              },
            },
            required: ['lat', 'lon', 'coverage'],
          },
        },
      },
    },
    async (req) => {
      const { lat, lon } = req.query;
      const coverage: Array<Record<string, unknown>> = [];
      // The database's bbox prefilter first; then each candidate's footprints, frame by frame.
      for (const v of await p.store.videos.videosAt(lat, lon)) {
        const f = await p.video.frames.get(v);
        if (f === undefined) continue;
        const ranges = coverageOf(f, lat, lon, req.query.max_gap_s !== undefined ? { maxGapS: req.query.max_gap_s } : {});
        if (ranges.length === 0) continue;
        coverage.push({
          video_id: v.id, name: v.name, duration_s: v.durationS ?? null,
          ranges: ranges.map((r) => ({ start_s: r.startS, end_s: r.endS, frames: r.frames, min_distance_to_centre_m: num(r.minDistanceToCentreM) })),
        });
      }
      return { lat, lon, coverage };
    },
  );
};
