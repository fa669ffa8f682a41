/**
 * Localisation jobs, estimates and detections.
 *
 *   POST   /api/sorties/:id/locate      queue a localisation → 202 the job
 *   GET    /api/jobs?sortie_id&state    list, newest first
 *   GET    /api/jobs/:id                one
 *   DELETE /api/jobs/:id                cancel
 *   GET    /api/sorties/:id/estimate    the newest finished localisation
 *   GET    /api/sorties/:id/detections  plume events above background
 */
import type { FastifyPluginAsync } from 'fastify';
import { NarizError, sortieId } from '@nariz/core';
import { JOB_STATES, type JobState } from '@nariz/store';
import { principalOf } from '../auth/auth-plugin.js';
import { jobJson, jobSchema } from '../jobs/job-json.js';
import { LOCATE } from '../jobs/job-runner.js';
import { locateOptionsSchema, type LocateJobOptions } from '../jobs/locate-options.js';
import { detectionsJson } from '../live/detections.js';
import type { Platform } from '../platform.js';
import { idSchema } from './sortie-json.js';

const sortieParams = { type: 'object', properties: { id: idSchema }, required: ['id'] } as const;

const estimateSchema = {
  type: 'object',
  properties: {
    job_id: { type: 'string' },
    finished_at: { type: ['string', 'null'] },
    sample_count: { type: ['integer', 'null'] },
    simulated: { type: 'boolean' },
    result: { type: ['object', 'null'], additionalProperties: true, description: 'the `nariz locate --json` object (docs/cli.md)' },
    hazards: { type: ['object', 'null'], additionalProperties: true, description: 'GeoJSON FeatureCollection of hazard zones for suspected labs, with `notes`' },
  },
  required: ['job_id', 'finished_at', 'sample_count', 'simulated', 'result', 'hazards'],
} as const;

const detectionEventSchema = {
  type: 'object',
  properties: {
    start_s: { type: 'number' }, end_s: { type: 'number' }, peak_s: { type: 'number' }, peak_kg_m3: { type: 'number' }, excess_kg_m3: { type: 'number' },
    lat: { type: 'number' }, lon: { type: 'number' }, z: { type: 'number' }, start_index: { type: 'integer' },
  },
  required: ['start_s', 'end_s', 'peak_s', 'peak_kg_m3', 'excess_kg_m3', 'lat', 'lon', 'z', 'start_index'],
} as const;

const detectionsSchema = {
  type: 'object',
  properties: {
    sortie_id: { type: 'string' },
    simulated: { type: 'boolean' },
    species: {
      type: 'array',
      items: {
        type: 'object',
        properties: { key: { type: 'string' }, chemical: { type: 'string' }, unit: { type: 'string' }, background_median: { type: 'number' }, noise_sd: { type: 'number' }, events: { type: 'array', items: detectionEventSchema } },
        required: ['key', 'chemical', 'unit', 'background_median', 'noise_sd', 'events'],
      },
    },
  },
  required: ['sortie_id', 'simulated', 'species'],
} as const;

export const jobRoutes: FastifyPluginAsync<{ platform: Platform }> = async (app, { platform: p }) => {
  const mustHaveSortie = async (id: string) => {
    const rec = await p.store.getSortie(sortieId(id));
    if (rec === undefined) throw new NarizError('NARIZ_NOT_FOUND', `no sortie "${id}"`);
    return rec;
  };

  app.post<{ Params: { id: string }; Body: LocateJobOptions | undefined }>(
    '/sorties/:id/locate',
    { config: { right: 'job:run' }, schema: { params: sortieParams, body: locateOptionsSchema, response: { 202: jobSchema } } },
    async (req, reply) => {
      const rec = await mustHaveSortie(req.params.id);
      if (rec.sampleCount < 10) throw new NarizError('NARIZ_CSV_EMPTY', `sortie "${rec.id}" has ${rec.sampleCount} samples; localisation needs at least 10`);
      const job = await p.jobs.submitLocate(rec.id, req.body ?? {}, principalOf(req).username);
      return reply.status(202).header('location', `/api/jobs/${job.id}`).send(jobJson(job));
    },
  );

  app.get<{ Querystring: { sortie_id?: string; state?: JobState; limit?: number } }>(
    '/jobs',
    {
      schema: {
        querystring: { type: 'object', properties: { sortie_id: idSchema, state: { type: 'string', enum: [...JOB_STATES] }, limit: { type: 'integer', minimum: 1, maximum: 1000 } }, additionalProperties: false },
        response: { 200: { type: 'object', properties: { jobs: { type: 'array', items: jobSchema } }, required: ['jobs'] } },
      },
    },
    async (req) => ({
      jobs: (
        await p.store.jobs.listJobs({
          ...(req.query.sortie_id !== undefined ? { sortieId: sortieId(req.query.sortie_id) } : {}),
          ...(req.query.state !== undefined ? { states: [req.query.state] } : {}),
          limit: req.query.limit ?? 100,
        })
      ).map(jobJson),
    }),
  );

  const jobParams = { type: 'object', properties: { id: { type: 'string', maxLength: 64 } }, required: ['id'] } as const;

  app.get<{ Params: { id: string } }>('/jobs/:id', { schema: { params: jobParams, response: { 200: jobSchema } } }, async (req) => {
    const job = await p.store.jobs.getJob(req.params.id);
    if (job === undefined) throw new NarizError('NARIZ_NOT_FOUND', `no job "${req.params.id}"`);
    return jobJson(job);
  });

  app.delete<{ Params: { id: string } }>('/jobs/:id', { config: { right: 'job:run' }, schema: { params: jobParams } }, async (req, reply) => {
    await p.jobs.cancel(req.params.id);
    return reply.status(204).send();
  });

  app.get<{ Params: { id: string } }>('/sorties/:id/estimate', { schema: { params: sortieParams, response: { 200: estimateSchema } } }, async (req) => {
    const rec = await mustHaveSortie(req.params.id);
    const job = await p.store.jobs.latestDone(rec.id, LOCATE);
    if (job === undefined) throw new NarizError('NARIZ_NOT_FOUND', `sortie "${rec.id}" has no finished localisation yet`);
    const stored = (await p.store.jobs.jobResult(job.id)) as { result?: unknown; hazards?: unknown } | undefined;
    return { job_id: job.id, finished_at: job.finishedAt ?? null, sample_count: job.sampleCount ?? null, simulated: rec.simulated, result: stored?.result ?? null, hazards: stored?.hazards ?? null };
  });

  app.get<{ Params: { id: string } }>('/sorties/:id/detections', { schema: { params: sortieParams, response: { 200: detectionsSchema } } }, async (req) => {
    const rec = await mustHaveSortie(req.params.id);
    return { sortie_id: rec.id, simulated: rec.simulated, species: detectionsJson(await p.store.readSamples(rec.id)) };
  });
};
