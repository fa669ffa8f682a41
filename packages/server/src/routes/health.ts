/**
 * Liveness (/health: the process answers) and readiness (/ready: the store
 * answers a query), for a supervisor or load balancer.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { Store } from '@nariz/store';

export const healthRoutes: FastifyPluginAsync<{ store: Store }> = async (app, { store }) => {
  const status = { type: 'object', properties: { status: { type: 'string' } }, required: ['status'] } as const;
  app.get('/health', { schema: { response: { 200: status } } }, async () => ({ status: 'ok' }));
  app.get('/ready', { schema: { response: { 200: status, 503: status } } }, async (_req, reply) => {
    try {
      await store.ping();
      return { status: 'ready' };
    } catch (err) {
      app.log.warn({ err }, 'store not ready');
      return reply.status(503).send({ status: 'store unavailable' });
    }
  });
};
