/**
 * A whole sortie file in one request:
 *
 *   POST /api/sortie-uploads?name=...&simulated=...&id=...   (text/csv body)
 *
 * The body is read as a stream and stored in batches of UPLOAD_BATCH_ROWS
 * rows as it arrives (readSortieCsvBatches), so a file of hundreds of MB
 * needs the memory of one batch. The answer is 201 with the new sortie and
 * the reader's warnings. A bad row answers 400 with its line and column, and
 * the sortie this upload created is deleted again: a failed upload leaves
 * nothing behind. A complete upload gets a queued localisation job.
 */
import { randomUUID } from 'node:crypto';
import type { FastifyPluginAsync } from 'fastify';
import type { Readable } from 'node:stream';
import { sortieId } from '@nariz/core';
import { readSortieCsvBatches } from '@nariz/formats';
import type { Platform } from '../platform.js';
import { idSchema, sortieJson, sortieSchema } from './sortie-json.js';

/** Rows per stored batch of an upload (about 1 MB of columns with three species). */
export const UPLOAD_BATCH_ROWS = 10_000;

export const uploadRoutes: FastifyPluginAsync<{ platform: Platform }> = async (app, { platform }) => {
  const store = platform.store;
  // The body stays a stream here (this plugin's own parser).
  app.addContentTypeParser('text/csv', (_req, payload, done) => done(null, payload));
  // An answer given before the body was read to its end (a bad row, a bad
  // query string) closes the connection once sent: the client may still be
  // sending the rest of the file, which nobody will read.
  app.addHook('onSend', async (req, reply, payload) => {
    if (!req.raw.complete) {
      reply.header('connection', 'close');
      reply.raw.once('finish', () => req.raw.socket.destroy());
    }
    return payload;
  });

  app.post<{ Querystring: { name: string; simulated?: boolean; id?: string }; Body: Readable }>(
    '/sortie-uploads',
    {
      bodyLimit: Number.MAX_SAFE_INTEGER,
      config: { right: 'sortie:write' },
      schema: {
        consumes: ['text/csv'],
        querystring: {
          type: 'object',
          properties: { name: { type: 'string', minLength: 1, maxLength: 200 }, simulated: { type: 'boolean' }, id: idSchema },
          required: ['name'],
          additionalProperties: false,
        },
        response: { 201: { type: 'object', properties: { sortie: sortieSchema, warnings: { type: 'array' } }, required: ['sortie', 'warnings'] } },
      },
    },
    async (req, reply) => {
      const id = sortieId(req.query.id ?? randomUUID());
      const created = await store.createSortie({ id, name: req.query.name, simulated: req.query.simulated ?? false });
      platform.hub.publish({ type: 'sortie', sortie: sortieJson(created) });
      try {
        // Not destroyed when the read stops early, so the answer can still be sent (see the onSend hook).
        const body = req.body.iterator({ destroyOnReturn: false });
        const r = await readSortieCsvBatches(body, { batchRows: UPLOAD_BATCH_ROWS, fileName: req.query.name }, async (batch, k) => {
          const ack = await store.appendBatch(id, `upload-${k}`, batch);
          platform.hub.publish({ type: 'batch', sortie_id: id, first_sample: ack.firstSample, count: ack.count });
        });
        const rec = await store.getSortie(id);
        platform.hub.publish({ type: 'sortie', sortie: sortieJson(rec!) });
        // One localisation for the whole file (its detections are served by GET .../detections).
        if (rec!.sampleCount >= 10) await platform.jobs.ensureLocate(id);
        return reply.status(201).header('location', `/api/sorties/${encodeURIComponent(id)}`).send({
          sortie: sortieJson(rec!),
          warnings: r.warnings.map((w) => ({ code: w.code, message: w.message, count: w.count })),
        });
      } catch (err) {
        await store.deleteSortie(id);
        platform.hub.publish({ type: 'sortie_deleted', id });
        throw err;
      }
    },
  );
};
