/**
 * Sorties and their samples.
 *
 *   POST   /api/sorties                         create {name, simulated?, id?}
 *   GET    /api/sorties                         list (newest first)
 *   GET    /api/sorties/:id                     one
 *   DELETE /api/sorties/:id                     delete with its samples
 *   PUT    /api/sorties/:id/batches/:batchId    append a batch of samples
 *   GET    /api/sorties/:id/samples             samples for display
 *
 * A batch is sortie CSV (docs/formats/sortie-csv.md: header row, then rows),
 * sent as text/csv: the format a drone's log already has, so a live client
 * posts the rows it has logged since the last batch. PUT with the client's
 * batch id is idempotent: sending a batch again (after a lost reply) answers
 * 200 with the first acknowledgement; a new batch answers 201. The same id
 * with other samples is 409.
 */
import { randomUUID } from 'node:crypto';
import type { FastifyPluginAsync } from 'fastify';
import { NarizError, sortieId, type Sortie } from '@nariz/core';
import { principalOf } from '../auth/auth-plugin.js';
import { ingestBatch } from '../live/ingest.js';
import type { Platform } from '../platform.js';
import { idSchema, sortieJson, sortieSchema } from './sortie-json.js';


/** Every `step`-th sample of a column, as a plain array for JSON. */
function every(a: ArrayLike<number>, step: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < a.length; i += step) out.push(a[i]!);
  return out;
}

function samplesJson(s: Sortie, from: number, step: number): Record<string, unknown> {
  return {
    from,
    count: s.count,
    step,
    time_s: every(s.timeS, step),
    lat: every(s.lat, step),
    lon: every(s.lon, step),
    alt_agl_m: every(s.altAglM, step),
    wind_u_mps: every(s.windU, step),
    wind_v_mps: every(s.windV, step),
    species: Object.fromEntries(s.species.map((sp) => [sp.key, { unit: 'kg/m3', values: every(sp.kgM3, step) }])),
  };
}

const nums = { type: 'array', items: { type: 'number' } } as const;

const samplesSchema = {
  type: 'object',
  properties: {
    from: { type: 'integer' }, count: { type: 'integer' }, step: { type: 'integer' },
    time_s: nums, lat: nums, lon: nums, alt_agl_m: nums, wind_u_mps: nums, wind_v_mps: nums,
    species: { type: 'object', additionalProperties: { type: 'object', properties: { unit: { type: 'string' }, values: nums }, required: ['unit', 'values'] } },
  },
  required: ['from', 'count', 'step', 'time_s', 'lat', 'lon', 'alt_agl_m', 'wind_u_mps', 'wind_v_mps', 'species'],
} as const;

const ackSchema = {
  type: 'object',
  properties: {
    sortie_id: { type: 'string' }, batch_id: { type: 'string' }, first_sample: { type: 'integer' }, count: { type: 'integer' }, duplicate: { type: 'boolean' },
    warnings: { type: 'array', items: { type: 'object', properties: { code: { type: 'string' }, message: { type: 'string' }, count: { type: 'integer' } } } },
  },
  required: ['sortie_id', 'batch_id', 'first_sample', 'count', 'duplicate', 'warnings'],
} as const;

export const sortieRoutes: FastifyPluginAsync<{ platform: Platform }> = async (app, { platform }) => {
  const store = platform.store;
  app.addContentTypeParser('text/csv', { parseAs: 'string' }, (_req, body, done) => done(null, body));

  app.post<{ Body: { name: string; simulated?: boolean; id?: string } }>(
    '/sorties',
    {
      config: { right: 'sortie:write' },
      schema: {
        body: { type: 'object', properties: { name: { type: 'string', minLength: 1, maxLength: 200 }, simulated: { type: 'boolean' }, id: idSchema }, required: ['name'], additionalProperties: false },
        response: { 201: sortieSchema },
      },
    },
    async (req, reply) => {
      const id = sortieId(req.body.id ?? randomUUID());
      const rec = await store.createSortie({ id, name: req.body.name, simulated: req.body.simulated ?? false });
      platform.hub.publish({ type: 'sortie', sortie: sortieJson(rec) });
      return reply.status(201).header('location', `/api/sorties/${encodeURIComponent(id)}`).send(sortieJson(rec));
    },
  );

  app.get('/sorties', { schema: { response: { 200: { type: 'object', properties: { sorties: { type: 'array', items: sortieSchema } }, required: ['sorties'] } } } }, async () => ({
    sorties: (await store.listSorties()).map(sortieJson),
  }));

  app.get<{ Params: { id: string } }>(
    '/sorties/:id',
    { schema: { params: { type: 'object', properties: { id: idSchema }, required: ['id'] }, response: { 200: sortieSchema } } },
    async (req, reply) => {
      const rec = await store.getSortie(sortieId(req.params.id));
      if (rec === undefined) return reply.status(404).send({ error: { code: 'NARIZ_NOT_FOUND', message: `no sortie "${req.params.id}"` } });
      return sortieJson(rec);
    },
  );

  app.delete<{ Params: { id: string } }>('/sorties/:id', { config: { right: 'sortie:write' }, schema: { params: { type: 'object', properties: { id: idSchema }, required: ['id'] } } }, async (req, reply) => {
    const id = sortieId(req.params.id);
    // Its jobs go with it (the store cascades); a running one is stopped first.
    for (const j of await store.jobs.listJobs({ sortieId: id, states: ['queued', 'running'] })) await platform.jobs.cancel(j.id).catch(() => undefined);
    if (!(await store.deleteSortie(id))) throw new NarizError('NARIZ_NOT_FOUND', `no sortie "${req.params.id}"`);
    await store.audit.append({ actor: principalOf(req).username, action: 'sortie.delete', target: id, details: {} });
    platform.detector.forget(id);
    platform.hub.publish({ type: 'sortie_deleted', id });
    return reply.status(204).send();
  });

  app.put<{ Params: { id: string; batchId: string }; Body: string }>(
    '/sorties/:id/batches/:batchId',
    {
      config: { right: 'sortie:write' },
      schema: {
        params: { type: 'object', properties: { id: idSchema, batchId: idSchema }, required: ['id', 'batchId'] },
        consumes: ['text/csv'],
        response: { 200: ackSchema, 201: ackSchema },
      },
    },
    async (req, reply) => {
      if (typeof req.body !== 'string') return reply.status(415).send({ error: { code: 'NARIZ_BAD_REQUEST', message: 'a batch is sortie CSV sent as text/csv' } });
      const ack = await ingestBatch(platform, req.params.id, req.params.batchId, req.body);
      return reply.status(ack.duplicate ? 200 : 201).send(ack);
    },
  );

  app.get<{ Params: { id: string }; Querystring: { from?: number; to?: number; max?: number } }>(
    '/sorties/:id/samples',
    {
      schema: {
        params: { type: 'object', properties: { id: idSchema }, required: ['id'] },
        querystring: {
          type: 'object',
          properties: { from: { type: 'integer', minimum: 0 }, to: { type: 'integer', minimum: 0 }, max: { type: 'integer', minimum: 1, maximum: 1_000_000 } },
          additionalProperties: false,
        },
        response: { 200: samplesSchema },
      },
    },
    async (req) => {
      const from = req.query.from ?? 0;
      const s = await store.readSamples(sortieId(req.params.id), { from, ...(req.query.to !== undefined ? { to: req.query.to } : {}) });
      // Decimated by a stride for display; `step` says by how much.
      const step = Math.max(1, Math.ceil(s.count / (req.query.max ?? 5000)));
      return samplesJson(s, from, step);
    },
  );
};
