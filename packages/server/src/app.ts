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
import { createRequire } from 'node:module';
import Fastify, { type FastifyError, type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import swagger from '@fastify/swagger';
import websocket from '@fastify/websocket';
import { NarizError } from '@nariz/core';
import type { Store } from '@nariz/store';
import { installAuth } from './auth/auth-plugin.js';
import { LoginThrottle } from './auth/throttle.js';
import { liveRoutes } from './live/live-routes.js';
import { createPlatform, type PlatformOptions } from './platform.js';
import { healthRoutes } from './routes/health.js';
import { jobRoutes } from './routes/jobs.js';
import { sessionRoutes } from './routes/session.js';
import { sortieRoutes } from './routes/sorties.js';
import { uploadRoutes } from './routes/uploads.js';
import { userRoutes } from './routes/users.js';
import { installWeb } from './routes/web.js';
import { vehicleRoutes } from './routes/vehicles.js';
import { flightRoutes } from './routes/flight.js';
import { videoRoutes } from './routes/videos.js';
import { suggestRoutes } from './routes/suggest.js';
import { auditRoutes } from './routes/audit.js';
import { leadRoutes } from './routes/leads.js';
import { partnerRoutes } from './routes/partner.js';
import { networkRoutes } from './routes/network.js';
import { stixRoutes } from './routes/stix.js';
import { cotRoutes } from './routes/cot.js';
import { taxiiRoutes } from './routes/taxii.js';
import type { TakConfig } from './exchange/tak-config.js';
import { translationRoutes } from './routes/translations.js';
import type { TranslationConfig } from './translation/translation-config.js';
import { MavlinkUdpListener } from './mavlink/udp-listener.js';
import type { SensorMap } from '@nariz/formats';

export const VERSION = (createRequire(import.meta.url)('../../package.json') as { version: string }).version;

export interface AppOptions {
  readonly store: Store;
  /** Pino logger options, or false for none (tests). */
  readonly logger?: boolean | { level: string };
  /** Largest request body, bytes (CSV batches; default 64 MiB). */
  readonly bodyLimit?: number;
  /** Session cookies marked Secure (default true; false only for plain HTTP beyond localhost). */
  readonly secureCookies?: boolean;
  /** The built web app to serve at / (absent: API only). */
  readonly webRoot?: string;
  /** A PMTiles basemap to serve at /basemap.pmtiles. */
  readonly pmtilesPath?: string;
  /** Demo data were seeded (shown by the app). */
  readonly demo?: boolean;
  /** Scan threads per localisation job. */
  readonly jobThreads?: number;
  /** Live MAVLink over UDP (port 0 picks a free one: see app.platform.mavlink). */
  readonly mavlink?: { readonly port: number; readonly host: string; readonly sensorMap?: SensorMap; readonly flushMs?: number };
  /** The airspace authority live vehicles are checked against. */
  readonly liveAuthorityId?: string;
  /** Sign-in throttling (tests shorten it). */
  readonly throttle?: LoginThrottle;
  readonly now?: () => Date;
  /** Where uploaded videos are kept (absent: videos cannot be uploaded). */
  readonly videoDir?: string;
  /** ffmpeg's path (default `ffmpeg` on PATH). */
  readonly ffmpegPath?: string;
  /** Largest video upload, bytes (default 8 GiB). */
  readonly videoMaxBytes?: number;
  /** The audit checkpoint key (keyPath, or keyDir to keep one in), origin and interval (audit/audit-ledger.ts; absent: a key of this process only). */
  readonly audit?: PlatformOptions['audit'];
  /** The deployment's own country (default USA) and Chromium for release PDFs (default /usr/bin/chromium). */
  readonly ownCountry?: string;
  readonly chromiumPath?: string;
  /** Translation (translation/translation-config.ts; absent: not configured, the translation routes answer 503). */
  readonly translation?: TranslationConfig;
  /** The TAK server new releases are streamed to (exchange/tak-config.ts; absent: none). */
  readonly tak?: TakConfig;
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
      info: { title: 'Nariz API', version: VERSION, description: 'Sorties, samples and source estimates of the Nariz platform.' },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'nariz_session', description: 'Browser session (POST /api/session); changes also need the X-CSRF-Token header.' },
          token: { type: 'http', scheme: 'bearer', description: 'API token (POST /api/tokens).' },
        },
      },
      security: [{ session: [] }, { token: [] }],
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
  const now = o.now ?? (() => new Date());
  const secureCookies = o.secureCookies ?? true;
  const platform = createPlatform({
    store: o.store, log: app.log, now, ...(o.jobThreads !== undefined ? { jobThreads: o.jobThreads } : {}), ...(o.liveAuthorityId !== undefined ? { liveAuthorityId: o.liveAuthorityId } : {}),
    video: { ...(o.videoDir !== undefined ? { dir: o.videoDir } : {}), ...(o.ffmpegPath !== undefined ? { ffmpegPath: o.ffmpegPath } : {}), ...(o.videoMaxBytes !== undefined ? { maxBytes: o.videoMaxBytes } : {}) },
    ...(o.audit !== undefined ? { audit: o.audit } : {}),
    ...(o.ownCountry !== undefined ? { ownCountry: o.ownCountry } : {}), ...(o.chromiumPath !== undefined ? { chromiumPath: o.chromiumPath } : {}),
    ...(o.translation !== undefined ? { translation: o.translation } : {}),
  });
  app.decorate('platform', platform);
  await app.register(cookie);
  await app.register(websocket, { options: { maxPayload: 64 * 1024 * 1024 } });
  installAuth(app, { store: o.store, secureCookies, now });
  await app.register(healthRoutes, { store: o.store });
  const throttle = o.throttle ?? new LoginThrottle();
  await app.register(sessionRoutes, { store: o.store, throttle, secureCookies, now, policy: platform.security, prefix: '/api' });
  await app.register(userRoutes, { store: o.store, now, policy: platform.security, prefix: '/api' });
  await app.register(sortieRoutes, { platform, prefix: '/api' });
  await app.register(uploadRoutes, { platform, prefix: '/api' });
  await app.register(jobRoutes, { platform, prefix: '/api' });
  await app.register(liveRoutes, { platform, prefix: '/api' });
  await app.register(vehicleRoutes, { platform, prefix: '/api' });
  await app.register(flightRoutes, { platform, authorities: platform.authorities, prefix: '/api' });
  await app.register(videoRoutes, { platform, prefix: '/api' });
  await app.register(suggestRoutes, { platform, authorities: platform.authorities, prefix: '/api' });
  await app.register(auditRoutes, { platform, prefix: '/api' });
  await app.register(leadRoutes, { platform, prefix: '/api' });
  await app.register(partnerRoutes, { platform, prefix: '/api' });
  await app.register(translationRoutes, { platform, prefix: '/api' });
  await app.register(networkRoutes, { platform, prefix: '/api' });
  await app.register(stixRoutes, { platform, prefix: '/api' });
  await app.register(cotRoutes, { platform, ...(o.tak !== undefined ? { tak: o.tak } : {}), prefix: '/api' });
  await app.register(taxiiRoutes, { platform, throttle, prefix: '/taxii2' });
  const spa = await installWeb(app, { webRoot: o.webRoot, pmtilesPath: o.pmtilesPath, demo: o.demo ?? false, version: VERSION, ownCountry: platform.security.ownCountry });
  // Paths the web app routes itself get its index.html; anything else is a 404 in the error shape.
  app.setNotFoundHandler((req, reply) => {
    if (spa?.(req, reply) === true) return reply;
    return reply.status(404).send({ error: { code: 'NARIZ_NOT_FOUND', message: `no route ${req.method} ${req.url}` } });
  });
  app.get('/api/docs', { config: { right: 'public' }, schema: { hide: true } }, async () => app.swagger());
  // Unfinished jobs of the last run are resumed once the server is up; closing stops the running one (it resumes next time).
  app.addHook('onReady', async () => {
    await platform.audit.start();
    await platform.jobs.start();
    await platform.video.start();
    if (o.mavlink !== undefined) {
      const listener = new MavlinkUdpListener({ ...o.mavlink, platform, log: app.log });
      const port = await listener.start();
      platform.mavlink = listener;
      app.log.info({ port }, 'listening for MAVLink on UDP');
    }
  });
  app.addHook('onClose', async () => {
    await platform.mavlink?.close();
    await platform.jobs.close();
    await platform.video.close();
    await platform.detector.idle();
    await platform.audit.close();
  });
  return app;
}
