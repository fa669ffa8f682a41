/**
 * Motion cues over a region of a video's frame, as video jobs.
 *
 *   POST /api/videos/:id/motion          analyst: {roi: {x0, y0, x1, y1}, fps?, threshold?, min_fraction?, min_duration_s?} → 202 the job
 *   GET  /api/videos/:id/motion          the video's motion jobs, newest first, each with its result once done
 *   GET  /api/videos/:id/motion/:jobId   one
 *
 * A result: {segments: [{kind: "motion-cue", start_s, end_s, peak_score, mean_score}], frames, fps, width, height, roi}.
 */
import type { FastifyPluginAsync } from 'fastify';
import { NarizError } from '@nariz/core';
import type { VideoJobRecord } from '@nariz/store';
import { principalOf } from '../auth/auth-plugin.js';
import type { Platform } from '../platform.js';
import { mustVideo, videoParams } from './video-lookup.js';
import { idSchema } from '../routes/sortie-json.js';
import { checkRoi, motionOptionsSchema, type MotionJobOptions } from './motion-options.js';
import { videoJobJson, videoJobSchema } from './video-json.js';
import { MOTION } from './video-queue.js';

export const motionRoutes: FastifyPluginAsync<{ platform: Platform }> = async (app, { platform: p }) => {
  const withResult = async (j: VideoJobRecord): Promise<Record<string, unknown>> => videoJobJson(j, j.state === 'done' ? ((await p.store.videoJobs.videoJobResult(j.id)) ?? null) : null);

  app.post<{ Params: { id: string }; Body: MotionJobOptions }>(
    '/videos/:id/motion',
    { config: { right: 'job:run' }, schema: { params: videoParams, body: motionOptionsSchema, response: { 202: videoJobSchema } } },
    async (req, reply) => {
      checkRoi(req.body.roi);
      const v = await mustVideo(p, req.params.id);
      if (v.status !== 'ready') throw new NarizError('NARIZ_VIDEO_STATE', `video ${v.id} is ${v.status}: a motion cue needs its playable file`);
      const job = await p.video.submitMotion(v.id, req.body, principalOf(req).username);
      return reply.status(202).header('location', `/api/videos/${v.id}/motion/${job.id}`).send(videoJobJson(job));
    },
  );

  app.get<{ Params: { id: string } }>(
    '/videos/:id/motion',
    { schema: { params: videoParams, response: { 200: { type: 'object', properties: { jobs: { type: 'array', items: videoJobSchema } }, required: ['jobs'] } } } },
    async (req) => {
      const v = await mustVideo(p, req.params.id);
      const jobs = await p.store.videoJobs.listVideoJobs({ videoId: v.id, kind: MOTION });
      return { jobs: await Promise.all(jobs.map(withResult)) };
    },
  );

  app.get<{ Params: { id: string; jobId: string } }>(
    '/videos/:id/motion/:jobId',
    { schema: { params: { type: 'object', properties: { id: idSchema, jobId: idSchema }, required: ['id', 'jobId'] }, response: { 200: videoJobSchema } } },
    async (req) => {
      const j = await p.store.videoJobs.getVideoJob(req.params.jobId);
      if (j === undefined || j.videoId !== req.params.id || j.kind !== MOTION) throw new NarizError('NARIZ_NOT_FOUND', `no motion job "${req.params.jobId}" on video "${req.params.id}"`);
      return withResult(j);
    },
  );
};
