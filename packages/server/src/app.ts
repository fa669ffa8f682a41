/**
 * The HTTP application: Fastify with a JSON schema on every route (requests
 * are validated once, here, and handlers get typed values), errors answered
 * in one shape, and the OpenAPI document at /api/docs. Building the app does
 * not listen: `main.ts` does, and tests listen on a free port.
 *
 * Every error leaves as
 *   { "error": { "code": "NARIZ_...", "message": "...", "location"?: {...} } }
 * with the catalogue's HTTP status (core/src/errors.ts); a request that
 * fails its schema is NARIZ_BAD_REQUEST (400) naming the field.
 */
import Fastify, { type FastifyError, type FastifyInstance } from 'fastify';
import swagger from '@fastify/swagger';
import { NarizError } from '@nariz/core';
import type { Store } from '@nariz/store';
import { healthRoutes } from './routes/health.js';
import { sortieRoutes } from './routes/sorties.js';
import { uploadRoutes } from './routes/uploads.js';

export interface AppOptions {
  readonly store: Store;
  /** Pino logger options, or false for none (tests). */
  readonly logger?: boolean | { level: string };
  /** Largest request body, bytes (CSV batches; default 64 MiB). */
  readonly bodyLimit?: number;
}

export async function buildApp(o: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: o.logger ?? false,
    bodyLimit: o.bodyLimit ?? 64 * 1024 * 1024,
    // Unknown fields are refused, not silently dropped; query strings are coerced to their schema's types.
    ajv: { customOptions: { removeAdditional: false, coerceTypes: true, allErrors: false } },
  });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Nariz API', version: '0.1.0', description: 'Sorties, samples and source estimates of the Nariz platform.' },
    },
  });
  app.setErrorHandler((err: FastifyError | NarizError | Error, req, reply) => {
    if (err instanceof NarizError) {
      if (err.status >= 500) req.log.error({ err }, 'request failed');
      return reply.status(err.status).send({ error: err.toJSON() });
    }
    const fe = err as FastifyError;
    if (fe.validation !== undefined) {
      return reply.status(400).send({ error: { code: 'NARIZ_BAD_REQUEST', message: `${fe.validationContext ?? 'request'}: ${fe.message}` } });
    }
    if (typeof fe.statusCode === 'number' && fe.statusCode >= 400 && fe.statusCode < 500) {
      return reply.status(fe.statusCode).send({ error: { code: 'NARIZ_BAD_REQUEST', message: fe.message } });
    }
    req.log.error({ err }, 'unexpected error');
    return reply.status(500).send({ error: { code: 'NARIZ_INTERNAL', message: 'internal error (logged)' } });
  });
  app.setNotFoundHandler((req, reply) => reply.status(404).send({ error: { code: 'NARIZ_NOT_FOUND', message: `no route ${req.method} ${req.url}` } }));
  await app.register(healthRoutes, { store: o.store });
  await app.register(sortieRoutes, { store: o.store, prefix: '/api' });
  await app.register(uploadRoutes, { store: o.store, prefix: '/api' });
  app.get('/api/docs', { schema: { hide: true } }, async () => app.swagger());
  return app;
}
