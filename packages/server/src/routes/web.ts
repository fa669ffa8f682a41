/**
 * The web app and what it needs before signing in.
 *
 *   GET /                    the built app (packages/web/dist/app), when present
 *   GET /api/app-config      version, the basemap in use, whether demo data were seeded, the own country
 *   GET /basemap.pmtiles     the deployment's own PMTiles basemap, when configured (range requests)
 *
 * Routes the app handles itself (anything without a file extension that is
 * not /api) get index.html.
 */
import { existsSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fastifyStatic from '@fastify/static';

export interface WebOptions {
  /** Directory of the built app; the app is not served when it is absent. */
  readonly webRoot: string | undefined;
  /** A PMTiles file to serve as the basemap. */
  readonly pmtilesPath: string | undefined;
  readonly demo: boolean;
  readonly version: string;
  /** The deployment's own country (ISO 3166-1 alpha-3): markings name it first and partners are the others. */
  readonly ownCountry: string;
}

/**
 * Installs the routes on the root instance (not an encapsulated plugin: the
 * app's not-found handler serves index.html through the same static
 * server); returns that handler's part, or undefined without an app.
 */
export async function installWeb(app: FastifyInstance, o: WebOptions): Promise<((req: FastifyRequest, reply: FastifyReply) => boolean) | undefined> {
  const pmtiles = o.pmtilesPath !== undefined && existsSync(o.pmtilesPath) ? resolve(o.pmtilesPath) : undefined;
  app.get(
    '/api/app-config',
    {
      config: { right: 'public' },
      schema: {
        response: {
          200: { type: 'object', properties: { version: { type: 'string' }, pmtiles_url: { type: ['string', 'null'] }, demo: { type: 'boolean' }, own_country: { type: 'string' } }, required: ['version', 'pmtiles_url', 'demo', 'own_country'] },
        },
      },
    },
    async () => ({ version: o.version, pmtiles_url: pmtiles === undefined ? null : '/basemap.pmtiles', demo: o.demo, own_country: o.ownCountry }),
  );
  const root = o.webRoot !== undefined && existsSync(resolve(o.webRoot, 'index.html')) ? resolve(o.webRoot) : undefined;
  if (root !== undefined) {
    // Vite's assets have content hashes in their names (cached a year); index.html is checked every time.
    await app.register(fastifyStatic, {
      root, prefix: '/', index: ['index.html'], wildcard: true, decorateReply: true, cacheControl: false,
      setHeaders: (res, path) => res.setHeader('cache-control', path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache'),
    });
  }
  if (pmtiles !== undefined) {
    await app.register(async (scope) => {
      await scope.register(fastifyStatic, { root: dirname(pmtiles), serve: false, decorateReply: root === undefined });
      scope.get('/basemap.pmtiles', { schema: { hide: true } }, async (_req, reply) => reply.sendFile(basename(pmtiles), dirname(pmtiles), { acceptRanges: true }));
    });
  }
  if (root === undefined) return undefined;
  return (req, reply) => {
    if (req.method !== 'GET' || req.url.startsWith('/api/') || /\.[a-z0-9]+($|\?)/i.test(req.url)) return false;
    void reply.header('cache-control', 'no-cache').sendFile('index.html', root);
    return true;
  };
}
