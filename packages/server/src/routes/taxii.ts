/**
 * A read-only TAXII 2.1 server for partners (OASIS TAXII 2.1;
 * docs/exchange/taxii.md, "In the platform"), mounted at /taxii2/:
 *
 *   GET /taxii2/                                                 discovery
 *   GET /taxii2/nariz/                                           the one API root
 *   GET /taxii2/nariz/collections/                               one per partner country the caller may read
 *   GET /taxii2/nariz/collections/{id}/                          one (its id, or its alias releases-<country>)
 *   GET /taxii2/nariz/collections/{id}/objects/                  added_after, match[id|type|version|spec_version], limit, next
 *   GET /taxii2/nariz/collections/{id}/objects/{object-id}/      match[version|spec_version], added_after, limit, next
 *   GET /taxii2/nariz/collections/{id}/objects/{object-id}/versions/
 *   GET /taxii2/nariz/collections/{id}/manifest/
 *   GET /taxii2/nariz/status/{id}/                               always 404: nothing is ever posted
 *
 * Writes: every collection is `can_write: false`, so POST .../objects/ and
 * DELETE .../objects/{object-id}/ answer 403 (TAXII 2.1 §5.4 and §5.7: "the
 * client does not have access to write to / delete from this collection");
 * any other method on these resources answers 405 with `Allow: GET, HEAD`.
 * Both come after authentication and after the collection is found, so a
 * collection the caller may not read is 404 whatever the method.
 *
 * Order of checks: credentials (401 with WWW-Authenticate; 429; 403 for a
 * role that reads none), Accept (406 unless application/taxii+json with
 * version 2.1 or none), the collection (404), the query (400 naming the
 * parameter). Every answer, errors included, is
 * `application/taxii+json;version=2.1`; errors are TAXII error messages.
 *
 * The markings filter every answer (exchange/taxii-collections.ts); each
 * request is audited `taxii.read` with the endpoint, the collection's
 * country and counts (objects sent, releases read, releases withheld),
 * never contents.
 */
import type { FastifyError, FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { NarizError } from '@nariz/core';
import {
  TAXII_MEDIA_TYPE,
  assertAcceptsTaxii,
  parseObjectQuery,
  selectRecords,
  taxiiApiRoot,
  taxiiCollections,
  taxiiDateAddedHeaders,
  taxiiDiscovery,
  taxiiEnvelope,
  taxiiError,
  taxiiManifest,
  taxiiVersions,
  type TaxiiEndpoint,
} from '@nariz/exchange';
import type { LoginThrottle } from '../auth/throttle.js';
import { accessOf } from '../leads/acting-subject.js';
import type { Platform } from '../platform.js';
import { taxiiCaller, type TaxiiCaller } from '../exchange/taxii-auth.js';
import { collectionCountry, collectionId, collectionRecords, collectionResource, readableCountries, type TaxiiReader } from '../exchange/taxii-collections.js';

export interface TaxiiRouteOptions {
  readonly platform: Platform;
  /** The sign-in throttle of POST /api/session: Basic failures count with browser ones. */
  readonly throttle: LoginThrottle;
}

/** The API root's name under /taxii2/. */
export const TAXII_API_ROOT = 'nariz';
const CHALLENGE = 'Basic realm="Nariz TAXII", charset="UTF-8", Bearer realm="Nariz TAXII"';
const READ_METHODS = 'GET, HEAD';
const WRITE_METHODS = ['POST', 'PUT', 'PATCH', 'DELETE'] as const;

const collectionParams = { type: 'object', properties: { cid: { type: 'string', minLength: 1, maxLength: 128 } }, required: ['cid'] } as const;
const objectParams = {
  type: 'object',
  properties: { cid: { type: 'string', minLength: 1, maxLength: 128 }, oid: { type: 'string', minLength: 1, maxLength: 300 } },
  required: ['cid', 'oid'],
} as const;
const statusParams = { type: 'object', properties: { sid: { type: 'string', maxLength: 128 } }, required: ['sid'] } as const;
/** The TAXII filters are parsed once, by exchange's parseObjectQuery (400 naming the parameter); unknown parameters are ignored, as TAXII says. */
const filters = {
  type: 'object',
  additionalProperties: true,
  description: 'added_after, limit, next, match[id], match[type], match[version], match[spec_version] (TAXII 2.1 §3.4)',
} as const;
const body = (what: string): { 200: { type: 'string'; description: string } } => ({ 200: { type: 'string', description: `${TAXII_MEDIA_TYPE}: ${what}` } });

/**
 * A body as bytes: Fastify then sends the media type exactly as TAXII names
 * it (`application/taxii+json;version=2.1`; a string body would get a
 * quoted version and `; charset=utf-8`, which strict clients refuse).
 */
const json = (value: unknown): Buffer => Buffer.from(JSON.stringify(value), 'utf8');

/** A Fastify error as a NarizError (the TAXII error message is built from one). */
function narizErrorOf(err: FastifyError | Error): NarizError | undefined {
  if (err instanceof NarizError) return err;
  const fe = err as FastifyError;
  if (fe.validation !== undefined) return new NarizError('NARIZ_BAD_REQUEST', `${fe.validationContext ?? 'request'}: ${fe.message}`);
  if (fe.statusCode === 413) return new NarizError('NARIZ_TOO_LARGE', fe.message);
  if (fe.statusCode === 415) return new NarizError('NARIZ_UNSUPPORTED_MEDIA_TYPE', fe.message);
  if (typeof fe.statusCode === 'number' && fe.statusCode >= 400 && fe.statusCode < 500) return new NarizError('NARIZ_BAD_REQUEST', fe.message);
  return undefined;
}

export const taxiiRoutes: FastifyPluginAsync<TaxiiRouteOptions> = async (app, o) => {
  const p = o.platform;
  const callers = new WeakMap<FastifyRequest, TaxiiCaller>();

  const answer = (reply: FastifyReply, e: NarizError): FastifyReply => {
    if (e.status === 401) reply.header('www-authenticate', CHALLENGE);
    if (e.code === 'NARIZ_METHOD_NOT_ALLOWED') reply.header('allow', READ_METHODS);
    return reply.status(e.status).type(TAXII_MEDIA_TYPE).send(json(taxiiError(e)));
  };
  app.setErrorHandler((err: FastifyError | Error, req, reply) => {
    const e = narizErrorOf(err);
    if (e !== undefined) {
      if (e.status >= 500) req.log.error({ err }, 'TAXII request failed');
      return answer(reply, e);
    }
    req.log.error({ err }, 'unexpected error');
    return answer(reply, new NarizError('NARIZ_INTERNAL', 'internal error (logged)'));
  });
  app.setNotFoundHandler((req, reply) => answer(reply, new NarizError('NARIZ_NOT_FOUND', `no TAXII resource ${req.method} ${req.url}`)));

  // Credentials on every request (no cookies, no session), before anything else.
  app.addHook('onRequest', async (req, reply) => {
    callers.set(req, await taxiiCaller(req, reply, { store: p.store, throttle: o.throttle }));
  });

  const caller = (req: FastifyRequest): TaxiiCaller => {
    const c = callers.get(req);
    if (c === undefined) throw new NarizError('NARIZ_AUTH', 'sign in first');
    return c;
  };
  const reader = async (req: FastifyRequest): Promise<TaxiiReader> => ({ access: await accessOf(req, p.store, p.security), scope: caller(req).scope });
  const audit = async (req: FastifyRequest, target: string, details: Record<string, unknown>): Promise<void> => {
    await p.store.audit.append({ actor: req.principal?.username ?? '', action: 'taxii.read', target, details: { via: caller(req).via, ...details } });
  };
  const send = (reply: FastifyReply, value: unknown, headers: Record<string, string> = {}): FastifyReply => reply.type(TAXII_MEDIA_TYPE).headers(headers).send(json(value));
  /** Read resources answer GET and HEAD; writes are refused as the file comment says. */
  const readOnly = (url: string, write: { method: (typeof WRITE_METHODS)[number]; refuse: (req: FastifyRequest) => Promise<never> } | undefined): void => {
    for (const method of WRITE_METHODS) {
      app.route({
        method,
        url,
        schema: { hide: true },
        onRequest: async (req) => {
          if (write !== undefined && write.method === method) return write.refuse(req);
          throw new NarizError('NARIZ_METHOD_NOT_ALLOWED', `${method} ${req.url}: TAXII resources here are read-only (${READ_METHODS})`);
        },
        handler: async () => {
          throw new NarizError('NARIZ_INTERNAL', 'unreachable: refused in onRequest');
        },
      });
    }
  };
  const base = `/${TAXII_API_ROOT}`;
  const root = (req: FastifyRequest): string => `${req.protocol}://${req.headers.host ?? 'localhost'}/taxii2${base}/`;

  app.get('/', { schema: { response: body('the discovery resource') } }, async (req, reply) => {
    assertAcceptsTaxii(req.headers.accept);
    await audit(req, 'discovery', { endpoint: 'discovery' });
    return send(reply, taxiiDiscovery({
      title: 'Nariz', description: 'Suspected clandestine laboratories released to partner countries, as STIX 2.1 (read-only).', defaultApiRoot: root(req), apiRoots: [root(req)],
    }));
  });
  readOnly('/', undefined);

  app.get(`${base}/`, { schema: { response: body('the API root') } }, async (req, reply) => {
    assertAcceptsTaxii(req.headers.accept);
    await audit(req, 'api-root', { endpoint: 'api-root' });
    // Nothing may be posted: no collection is writable.
    return send(reply, taxiiApiRoot({ title: 'Nariz releases', description: 'One collection per partner country: the STIX 2.1 objects of every release to it you may see.', maxContentLength: 0 }));
  });
  readOnly(`${base}/`, undefined);

  app.get(`${base}/collections/`, { schema: { response: body('the collections the caller may read') } }, async (req, reply) => {
    assertAcceptsTaxii(req.headers.accept);
    const countries = await readableCountries(p, await reader(req));
    await audit(req, 'collections', { endpoint: 'collections', collections: countries.length });
    return send(reply, taxiiCollections(countries.map(collectionResource)));
  });
  readOnly(`${base}/collections/`, undefined);

  app.get<{ Params: { cid: string } }>(`${base}/collections/:cid/`, { schema: { params: collectionParams, response: body('a collection') } }, async (req, reply) => {
    assertAcceptsTaxii(req.headers.accept);
    const country = await collectionCountry(p, await reader(req), req.params.cid);
    await audit(req, collectionId(country), { endpoint: 'collection', country });
    return send(reply, collectionResource(country));
  });
  readOnly(`${base}/collections/:cid/`, undefined);

  /** The object endpoints: one collection's visible records, filtered and paged by exchange's selection. */
  const objectsOf = async (req: FastifyRequest, reply: FastifyReply, endpoint: TaxiiEndpoint, cid: string, oid?: string): Promise<FastifyReply> => {
    assertAcceptsTaxii(req.headers.accept);
    const r = await reader(req);
    const country = await collectionCountry(p, r, cid);
    const q = parseObjectQuery(req.query as Record<string, unknown>, oid === undefined ? { endpoint } : { endpoint, objectId: oid });
    const { records, releases, withheld } = await collectionRecords(p, r, country, req.log);
    if (oid !== undefined && !records.some((x) => x.object.id === oid)) throw new NarizError('NARIZ_NOT_FOUND', `collection "${cid}" has no object "${oid}" you may see`);
    const page = selectRecords(records, q);
    await audit(req, collectionId(country), { endpoint, country, objects: page.records.length, more: page.more, releases, withheld });
    const out = endpoint === 'manifest' ? taxiiManifest(page) : endpoint === 'versions' ? taxiiVersions(page) : taxiiEnvelope(page);
    return send(reply, out, taxiiDateAddedHeaders(page));
  };
  const refuseWrite = (what: string) => async (req: FastifyRequest): Promise<never> => {
    const { cid } = req.params as { cid: string };
    const country = await collectionCountry(p, await reader(req), cid);
    throw new NarizError('NARIZ_FORBIDDEN', `you may not ${what} collection "${collectionId(country)}": it is read-only (can_write false)`);
  };

  app.get<{ Params: { cid: string } }>(
    `${base}/collections/:cid/objects/`,
    { schema: { params: collectionParams, querystring: filters, response: body('an envelope of STIX objects, X-TAXII-Date-Added-First/Last') } },
    async (req, reply) => objectsOf(req, reply, 'objects', req.params.cid),
  );
  readOnly(`${base}/collections/:cid/objects/`, { method: 'POST', refuse: refuseWrite('add objects to') });

  app.get<{ Params: { cid: string; oid: string } }>(
    `${base}/collections/:cid/objects/:oid/`,
    { schema: { params: objectParams, querystring: filters, response: body('an envelope of the object’s versions selected') } },
    async (req, reply) => objectsOf(req, reply, 'object', req.params.cid, req.params.oid),
  );
  readOnly(`${base}/collections/:cid/objects/:oid/`, { method: 'DELETE', refuse: refuseWrite('delete objects from') });

  app.get<{ Params: { cid: string; oid: string } }>(
    `${base}/collections/:cid/objects/:oid/versions/`,
    { schema: { params: objectParams, querystring: filters, response: body('the object’s versions') } },
    async (req, reply) => objectsOf(req, reply, 'versions', req.params.cid, req.params.oid),
  );
  readOnly(`${base}/collections/:cid/objects/:oid/versions/`, undefined);

  app.get<{ Params: { cid: string } }>(
    `${base}/collections/:cid/manifest/`,
    { schema: { params: collectionParams, querystring: filters, response: body('the manifest') } },
    async (req, reply) => objectsOf(req, reply, 'manifest', req.params.cid),
  );
  readOnly(`${base}/collections/:cid/manifest/`, undefined);

  app.get<{ Params: { sid: string } }>(`${base}/status/:sid/`, { schema: { params: statusParams, response: body('never: nothing is posted, so there is no status') } }, async (req) => {
    assertAcceptsTaxii(req.headers.accept);
    throw new NarizError('NARIZ_NOT_FOUND', `no status "${req.params.sid}": this server accepts no objects`);
  });
  readOnly(`${base}/status/:sid/`, undefined);
};
