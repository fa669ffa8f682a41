/**
 * The counter-network record (issue 7; docs/network.md, "In the platform"):
 * entities and the assertions that link them, merges of duplicates, and
 * saved chart layouts. Every read is filtered by the caller's markings in
 * the store's query and re-checked here before it leaves; an entity or
 * assertion the caller may not see is a 404 like one that does not exist.
 *
 *   POST   /api/network/entities                      {type, label, aliases?, attributes?, lat?, lon?, lead_id?, marking}
 *   GET    /api/network/entities?type&q&lead_id&located&include_merged&limit&offset
 *   GET    /api/network/entities/:id                  with its merges
 *   PATCH  /api/network/entities/:id                  any of the fields (lat/lon or lead_id null clears)
 *   DELETE /api/network/entities/:id                  409 while assertions or merges refer to it
 *   GET    /api/network/map                           located entities as GeoJSON points (beside labs and sources)
 *   POST   /api/network/assertions                    {from, to, type, directed?, source_ref, source_title?, date? | valid_from+valid_to?, grading, count?, note?, marking}
 *   GET    /api/network/assertions?entity_id&limit&offset
 *   GET    /api/network/assertions/:id
 *   PATCH  /api/network/assertions/:id
 *   DELETE /api/network/assertions/:id
 *   POST   /api/network/merges                        {survivor, merged: [...], reason}
 *   POST   /api/network/merges/:id/undo
 *   GET    /api/network/merges?entity_id&active
 *   GET    /api/network/merges/:id
 *   GET    /api/network/layouts, GET|PUT|DELETE /api/network/layouts/:name
 *   (imports: network-imports.ts; analysis, paths, ego, windows, provenance: network-analysis.ts; exports: network-exports.ts)
 *
 * Changes are audited (network.entity.create|change|delete,
 * network.assertion.create|change|delete, network.merge, network.merge.undo)
 * and announced live to the sockets whose user may see what changed.
 */
import { randomUUID } from 'node:crypto';
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { NarizError } from '@nariz/core';
import { parseGrading } from '@nariz/network';
import { portionMarking, type Marking } from '@nariz/security';
import {
  ENTITY_TYPES, leadId, type EntityAttributes, type EntityType, type InformationCredibilityCode, type LayoutPositions, type NetworkAssertionPatch,
  type NetworkEntityPatch, type SourceReliabilityCode,
} from '@nariz/store';
import { accessOf, markingFromRequest, type Access } from '../leads/acting-subject.js';
import { markingJson, markingSchema } from '../leads/lead-json.js';
import { visibleLead } from '../leads/visible-lead.js';
import {
  allowedFor, auditNetwork, bannerOf, combined, publishNetwork, visibleAssertion, visibleEntity,
} from '../network/network-access.js';
import {
  assertionJson, assertionSchema, entityJson, entitySchema, layoutJson, mergeJson, mergeSchema, networkIdSchema,
} from '../network/network-json.js';
import type { Platform } from '../platform.js';
import { networkAnalysisRoutes } from './network-analysis.js';
import { networkExportRoutes } from './network-exports.js';
import { networkImportRoutes } from './network-imports.js';

const idParams = { type: 'object', properties: { id: networkIdSchema }, required: ['id'] } as const;
/** Flat: JSON scalars only (Ajv's strict mode refuses a union of several types, hence anyOf). */
const attributesSchema = {
  type: 'object', maxProperties: 100,
  additionalProperties: { anyOf: [{ type: 'string', maxLength: 2000 }, { type: 'number' }, { type: 'boolean' }, { type: 'null' }] },
} as const;
const label = { type: 'string', minLength: 1, maxLength: 300 } as const;
const aliases = { type: 'array', items: label, maxItems: 50 } as const;
const gradingSchema = { type: 'string', pattern: '^[A-Fa-f][1-6]$', description: 'Admiralty: source reliability A-F, information credibility 1-6, e.g. "B2"' } as const;
const when = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}(T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:\\d{2}))?$', description: 'a date (the whole day, UTC) or an ISO 8601 date-time' } as const;
const listOf = (key: string, items: unknown) => ({
  type: 'object',
  properties: { [key]: { type: 'array', items }, total: { type: 'integer' }, limit: { type: 'integer' }, offset: { type: 'integer' }, banner: { type: ['string', 'null'] } },
  required: [key, 'total', 'limit', 'offset', 'banner'],
});

interface EntityBody {
  type: EntityType;
  label: string;
  aliases?: string[];
  attributes?: EntityAttributes;
  lat?: number | null;
  lon?: number | null;
  lead_id?: string | null;
  marking: unknown;
}

interface AssertionBody {
  from: string;
  to: string;
  type: string;
  directed?: boolean;
  source_ref: string;
  source_title?: string;
  date?: string;
  valid_from?: string | null;
  valid_to?: string | null;
  grading: string;
  count?: number;
  note?: string;
  marking: unknown;
}

const DAY_MS = 86_400_000;

/** A date is the whole day (UTC); a date-time an instant. */
function instantRange(s: string): [number, number] {
  const date = s.length === 10;
  const t = Date.parse(date ? `${s}T00:00:00Z` : s);
  if (Number.isNaN(t)) throw new NarizError('NARIZ_BAD_REQUEST', `"${s}" is not a date or date-time`, { path: 'date' });
  return date ? [t, t + DAY_MS - 1] : [t, t];
}

/** The interval an assertion body gives: undefined when it says nothing, null for undated. */
function intervalOf(b: Partial<AssertionBody>): { validFrom: string; validTo: string } | null | undefined {
  if (b.date !== undefined && (b.valid_from !== undefined || b.valid_to !== undefined)) throw new NarizError('NARIZ_BAD_REQUEST', 'give date, or valid_from and valid_to, not both', { path: 'date' });
  if (b.date !== undefined) {
    const [a, z] = instantRange(b.date);
    return { validFrom: new Date(a).toISOString(), validTo: new Date(z).toISOString() };
  }
  if (b.valid_from === undefined && b.valid_to === undefined) return undefined;
  if (b.valid_from === null && b.valid_to === null) return null;
  if (typeof b.valid_from !== 'string' || typeof b.valid_to !== 'string') throw new NarizError('NARIZ_BAD_REQUEST', 'give both valid_from and valid_to (or both null)', { path: 'valid_from' });
  const from = instantRange(b.valid_from)[0];
  const to = instantRange(b.valid_to)[1];
  if (to < from) throw new NarizError('NARIZ_BAD_REQUEST', 'valid_to is before valid_from', { path: 'valid_to' });
  return { validFrom: new Date(from).toISOString(), validTo: new Date(to).toISOString() };
}

function gradingOf(text: string): { reliability: SourceReliabilityCode; credibility: InformationCredibilityCode } {
  const g = parseGrading(text);
  return { reliability: g.reliability, credibility: g.credibility };
}

export const networkRoutes: FastifyPluginAsync<{ platform: Platform }> = async (app, { platform: p }) => {
  const access = (req: FastifyRequest): Promise<Access> => accessOf(req, p.store, p.security);
  const locationOf = (lat: number | null | undefined, lon: number | null | undefined): NetworkEntityPatch['location'] => {
    if (lat === undefined && lon === undefined) return undefined;
    if (lat === null && lon === null) return null;
    if (typeof lat !== 'number' || typeof lon !== 'number') throw new NarizError('NARIZ_BAD_REQUEST', 'give both lat and lon (or both null)', { path: 'lat' });
    return { lat, lon };
  };
  const leadLink = async (a: Access, id: string | null | undefined): Promise<ReturnType<typeof leadId> | null | undefined> =>
    id === undefined || id === null ? id : (await visibleLead(p, a, id)).id;

  const entityBody = {
    type: 'object',
    properties: {
      type: { type: 'string', enum: [...ENTITY_TYPES] }, label, aliases, attributes: attributesSchema,
      lat: { type: ['number', 'null'], minimum: -90, maximum: 90 }, lon: { type: ['number', 'null'], minimum: -180, maximum: 180 },
      lead_id: { type: ['string', 'null'], maxLength: 128 }, marking: markingSchema,
    },
    additionalProperties: false,
  } as const;

  app.post<{ Body: EntityBody }>(
    '/network/entities',
    { config: { right: 'network:write' }, schema: { body: { ...entityBody, required: ['type', 'label', 'marking'] }, response: { 201: entitySchema } } },
    async (req, reply) => {
      const a = await access(req);
      const b = req.body;
      const marking = markingFromRequest(b.marking, a, p.security, 'marking');
      const location = locationOf(b.lat, b.lon);
      const lead = await leadLink(a, b.lead_id);
      const e = await p.store.network.createEntity({
        id: randomUUID(), type: b.type, label: b.label.trim(), aliases: (b.aliases ?? []).map((x) => x.trim()), attributes: b.attributes ?? {},
        lat: location?.lat, lon: location?.lon, leadId: lead ?? undefined, marking, createdBy: a.subject.username, at: p.now().toISOString(),
      });
      await auditNetwork(p, a.subject.username, 'network.entity.create', e.id, { type: e.type, ...(e.leadId !== undefined ? { lead_id: e.leadId } : {}) }, marking);
      publishNetwork(p, 'entity', e.id, 'created', marking);
      return reply.status(201).header('location', `/api/network/entities/${e.id}`).send(entityJson(e, p.security));
    },
  );

  app.get<{ Querystring: { type?: string; q?: string; lead_id?: string; located?: boolean; include_merged?: boolean; limit?: number; offset?: number } }>(
    '/network/entities',
    {
      config: { right: 'network:read' },
      schema: {
        querystring: {
          type: 'object',
          properties: {
            type: { type: 'string', pattern: `^(${ENTITY_TYPES.join('|')})(,(${ENTITY_TYPES.join('|')}))*$`, description: 'comma-separated entity types' },
            q: { type: 'string', maxLength: 200, description: 'case-insensitive text in the label or an alias' }, lead_id: { type: 'string', maxLength: 128 },
            located: { type: 'boolean' }, include_merged: { type: 'boolean', description: 'also entities merged into another (with merged_into)' },
            limit: { type: 'integer', minimum: 1, maximum: 5000 }, offset: { type: 'integer', minimum: 0 },
          },
          additionalProperties: false,
        },
        response: { 200: listOf('entities', entitySchema) },
      },
    },
    async (req) => {
      const a = await access(req);
      const r = req.query;
      const q = {
        ...(r.type !== undefined ? { types: r.type.split(',') as EntityType[] } : {}), ...(r.q !== undefined ? { text: r.q } : {}),
        ...(r.lead_id !== undefined ? { leadId: leadId(r.lead_id) } : {}), ...(r.located !== undefined ? { located: r.located } : {}),
        ...(r.include_merged !== undefined ? { includeMerged: r.include_merged } : {}), limit: r.limit ?? 100, offset: r.offset ?? 0,
      };
      const entities = (await p.store.network.listEntities(a.who, q)).filter((e) => allowedFor(p, a)(e.marking));
      return {
        entities: entities.map((e) => entityJson(e, p.security)), total: await p.store.network.countEntities(a.who, q), limit: q.limit, offset: q.offset,
        banner: bannerOf(p, entities.map((e) => e.marking)),
      };
    },
  );

  app.get<{ Params: { id: string } }>(
    '/network/entities/:id',
    {
      config: { right: 'network:read' },
      schema: {
        params: idParams,
        response: { 200: { type: 'object', properties: { ...entitySchema.properties, merges: { type: 'array', items: mergeSchema }, banner: { type: 'string' } }, required: [...entitySchema.required, 'merges', 'banner'] } },
      },
    },
    async (req) => {
      const a = await access(req);
      const e = await visibleEntity(p, a, req.params.id);
      const merges = await p.store.network.listMerges(a.who, { entityId: e.id });
      return { ...entityJson(e, p.security), merges: merges.map(mergeJson), banner: bannerOf(p, [e.marking])! };
    },
  );

  app.patch<{ Params: { id: string }; Body: Partial<EntityBody> }>(
    '/network/entities/:id',
    { config: { right: 'network:write' }, schema: { params: idParams, body: { ...entityBody, minProperties: 1 }, response: { 200: entitySchema } } },
    async (req) => {
      const a = await access(req);
      const e = await visibleEntity(p, a, req.params.id);
      const b = req.body;
      const marking = b.marking === undefined ? undefined : markingFromRequest(b.marking, a, p.security, 'marking');
      const location = locationOf(b.lat, b.lon);
      const lead = await leadLink(a, b.lead_id);
      const patch: NetworkEntityPatch = {
        ...(b.type !== undefined ? { type: b.type } : {}), ...(b.label !== undefined ? { label: b.label.trim() } : {}),
        ...(b.aliases !== undefined ? { aliases: b.aliases.map((x) => x.trim()) } : {}), ...(b.attributes !== undefined ? { attributes: b.attributes } : {}),
        ...(location !== undefined ? { location } : {}), ...(lead !== undefined ? { leadId: lead } : {}), ...(marking !== undefined ? { marking } : {}),
      };
      const changed = await p.store.network.updateEntity(e.id, patch, p.now().toISOString(), a.who);
      if (changed === undefined) throw new NarizError('NARIZ_NOT_FOUND', `no entity "${e.id}"`);
      await auditNetwork(p, a.subject.username, 'network.entity.change', e.id, { fields: Object.keys(b).filter((k) => k !== 'marking').sort(), ...(marking !== undefined ? { from: markingJson(e.marking) } : {}) }, changed.marking);
      // The message carries the banner of the marking before and after: it reaches those who may see both.
      publishNetwork(p, 'entity', e.id, 'changed', combined(p, [e.marking, changed.marking]));
      return entityJson(changed, p.security);
    },
  );

  app.delete<{ Params: { id: string } }>('/network/entities/:id', { config: { right: 'network:write' }, schema: { params: idParams } }, async (req, reply) => {
    const a = await access(req);
    const e = await visibleEntity(p, a, req.params.id);
    if (!(await p.store.network.deleteEntity(e.id))) throw new NarizError('NARIZ_NOT_FOUND', `no entity "${e.id}"`);
    await auditNetwork(p, a.subject.username, 'network.entity.delete', e.id, { type: e.type }, e.marking);
    publishNetwork(p, 'entity', e.id, 'deleted', e.marking);
    return reply.status(204).send();
  });

  app.get('/network/map', {
    config: { right: 'network:read' },
    schema: { response: { 200: { type: 'object', additionalProperties: true, description: 'GeoJSON FeatureCollection of Points: {id, label, type, lead_id, portion}, and banner' } } },
  }, async (req) => {
    const a = await access(req);
    const entities = (await p.store.network.listEntities(a.who, { located: true, limit: 100_000 })).filter((e) => allowedFor(p, a)(e.marking));
    return {
      type: 'FeatureCollection',
      banner: bannerOf(p, entities.map((e) => e.marking)),
      features: entities.map((e) => ({
        type: 'Feature', id: e.id, geometry: { type: 'Point', coordinates: [e.lon!, e.lat!] },
        properties: { id: e.id, label: e.label, type: e.type, lead_id: e.leadId ?? null, portion: portionMarking(e.marking, p.security) },
      })),
    };
  });

  const assertionBody = {
    type: 'object',
    properties: {
      from: networkIdSchema, to: networkIdSchema, type: { type: 'string', minLength: 1, maxLength: 64 }, directed: { type: 'boolean' },
      source_ref: { type: 'string', minLength: 1, maxLength: 300 }, source_title: { type: 'string', maxLength: 300 }, date: when,
      valid_from: { anyOf: [when, { type: 'null' }] }, valid_to: { anyOf: [when, { type: 'null' }] }, grading: gradingSchema,
      count: { type: 'number', exclusiveMinimum: 0, maximum: 1e9 }, note: { type: 'string', maxLength: 4000 }, marking: markingSchema,
    },
    additionalProperties: false,
  } as const;

  app.post<{ Body: AssertionBody }>(
    '/network/assertions',
    { config: { right: 'network:write' }, schema: { body: { ...assertionBody, required: ['from', 'to', 'type', 'source_ref', 'grading', 'marking'] }, response: { 201: assertionSchema } } },
    async (req, reply) => {
      const a = await access(req);
      const b = req.body;
      const marking = markingFromRequest(b.marking, a, p.security, 'marking');
      const from = await visibleEntity(p, a, b.from);
      const to = await visibleEntity(p, a, b.to);
      const interval = intervalOf(b) ?? undefined;
      const x = await p.store.network.createAssertion({
        id: randomUUID(), from: from.id, to: to.id, type: b.type.trim(), directed: b.directed ?? false, sourceRef: b.source_ref.trim(), sourceTitle: b.source_title?.trim() ?? '',
        validFrom: interval?.validFrom, validTo: interval?.validTo, ...gradingOf(b.grading), count: b.count ?? 1, note: b.note ?? '', marking,
        createdBy: a.subject.username, at: p.now().toISOString(),
      });
      await auditNetwork(p, a.subject.username, 'network.assertion.create', x.id, { from: x.from, to: x.to, type: x.type, grading: `${x.reliability}${x.credibility}` }, marking);
      publishNetwork(p, 'assertion', x.id, 'created', combined(p, [marking, from.marking, to.marking]));
      return reply.status(201).header('location', `/api/network/assertions/${x.id}`).send(assertionJson(x, p.security));
    },
  );

  app.get<{ Querystring: { entity_id?: string; limit?: number; offset?: number } }>(
    '/network/assertions',
    {
      config: { right: 'network:read' },
      schema: {
        querystring: {
          type: 'object',
          properties: { entity_id: { type: 'string', maxLength: 128 }, limit: { type: 'integer', minimum: 1, maximum: 5000 }, offset: { type: 'integer', minimum: 0 } },
          additionalProperties: false,
        },
        response: { 200: listOf('assertions', assertionSchema) },
      },
    },
    async (req) => {
      const a = await access(req);
      const q = { ...(req.query.entity_id !== undefined ? { entityId: req.query.entity_id } : {}), limit: req.query.limit ?? 100, offset: req.query.offset ?? 0 };
      const xs = (await p.store.network.listAssertions(a.who, q)).filter((x) => allowedFor(p, a)(x.marking));
      return {
        assertions: xs.map((x) => assertionJson(x, p.security)), total: await p.store.network.countAssertions(a.who, q), limit: q.limit, offset: q.offset,
        banner: bannerOf(p, xs.map((x) => x.marking)),
      };
    },
  );

  app.get<{ Params: { id: string } }>('/network/assertions/:id', { config: { right: 'network:read' }, schema: { params: idParams, response: { 200: assertionSchema } } }, async (req) => {
    const a = await access(req);
    return assertionJson(await visibleAssertion(p, a, req.params.id), p.security);
  });

  app.patch<{ Params: { id: string }; Body: Partial<AssertionBody> }>(
    '/network/assertions/:id',
    { config: { right: 'network:write' }, schema: { params: idParams, body: { ...assertionBody, minProperties: 1 }, response: { 200: assertionSchema } } },
    async (req) => {
      const a = await access(req);
      const x = await visibleAssertion(p, a, req.params.id);
      const b = req.body;
      if (b.from !== undefined || b.to !== undefined) throw new NarizError('NARIZ_BAD_REQUEST', 'an assertion’s ends do not change: delete it and assert the new link', { path: b.from !== undefined ? 'from' : 'to' });
      const marking = b.marking === undefined ? undefined : markingFromRequest(b.marking, a, p.security, 'marking');
      const interval = intervalOf(b);
      const patch: NetworkAssertionPatch = {
        ...(b.type !== undefined ? { type: b.type.trim() } : {}), ...(b.directed !== undefined ? { directed: b.directed } : {}),
        ...(b.source_ref !== undefined ? { sourceRef: b.source_ref.trim() } : {}), ...(b.source_title !== undefined ? { sourceTitle: b.source_title.trim() } : {}),
        ...(interval !== undefined ? { interval } : {}), ...(b.grading !== undefined ? gradingOf(b.grading) : {}), ...(b.count !== undefined ? { count: b.count } : {}),
        ...(b.note !== undefined ? { note: b.note } : {}), ...(marking !== undefined ? { marking } : {}),
      };
      const changed = await p.store.network.updateAssertion(x.id, patch, p.now().toISOString());
      if (changed === undefined) throw new NarizError('NARIZ_NOT_FOUND', `no assertion "${x.id}"`);
      await auditNetwork(p, a.subject.username, 'network.assertion.change', x.id, { fields: Object.keys(b).filter((k) => k !== 'marking').sort(), ...(marking !== undefined ? { from: markingJson(x.marking) } : {}) }, changed.marking);
      publishNetwork(p, 'assertion', x.id, 'changed', combined(p, [x.marking, changed.marking]));
      return assertionJson(changed, p.security);
    },
  );

  app.delete<{ Params: { id: string } }>('/network/assertions/:id', { config: { right: 'network:write' }, schema: { params: idParams } }, async (req, reply) => {
    const a = await access(req);
    const x = await visibleAssertion(p, a, req.params.id);
    if (!(await p.store.network.deleteAssertion(x.id))) throw new NarizError('NARIZ_NOT_FOUND', `no assertion "${x.id}"`);
    await auditNetwork(p, a.subject.username, 'network.assertion.delete', x.id, { from: x.from, to: x.to }, x.marking);
    publishNetwork(p, 'assertion', x.id, 'deleted', x.marking);
    return reply.status(204).send();
  });

  app.post<{ Body: { survivor: string; merged: string[]; reason: string } }>(
    '/network/merges',
    {
      config: { right: 'network:write' },
      schema: {
        body: {
          type: 'object',
          properties: { survivor: networkIdSchema, merged: { type: 'array', items: networkIdSchema, minItems: 1, maxItems: 100, uniqueItems: true }, reason: { type: 'string', minLength: 1, maxLength: 2000 } },
          required: ['survivor', 'merged', 'reason'],
          additionalProperties: false,
        },
        response: { 201: mergeSchema },
      },
    },
    async (req, reply) => {
      const a = await access(req);
      const survivor = await visibleEntity(p, a, req.body.survivor);
      if (survivor.mergedInto !== undefined) throw new NarizError('NARIZ_CONFLICT', `"${survivor.id}" is merged into "${survivor.mergedInto}"; merge into that one`, { path: 'survivor' });
      const merged = [];
      for (const id of req.body.merged) merged.push(await visibleEntity(p, a, id));
      const m = await p.store.network.createMerge({ id: randomUUID(), survivor: survivor.id, merged: merged.map((e) => e.id), reason: req.body.reason, by: a.subject.username, at: p.now().toISOString() });
      const marking = combined(p, [survivor.marking, ...merged.map((e) => e.marking)]);
      await auditNetwork(p, a.subject.username, 'network.merge', m.id, { survivor: m.survivor, merged: [...m.merged] }, marking);
      publishNetwork(p, 'merge', m.id, 'created', marking);
      return reply.status(201).header('location', `/api/network/merges/${m.id}`).send(mergeJson(m));
    },
  );

  app.post<{ Params: { id: string } }>('/network/merges/:id/undo', { config: { right: 'network:write' }, schema: { params: idParams, response: { 200: mergeSchema } } }, async (req) => {
    const a = await access(req);
    const m = await p.store.network.getMerge(req.params.id, a.who);
    if (m === undefined) throw new NarizError('NARIZ_NOT_FOUND', `no merge "${req.params.id}"`);
    const markings: Marking[] = [];
    for (const id of [m.survivor, ...m.merged]) markings.push((await visibleEntity(p, a, id)).marking);
    const undone = await p.store.network.undoMerge(m.id, a.subject.username, p.now().toISOString());
    const marking = combined(p, markings);
    await auditNetwork(p, a.subject.username, 'network.merge.undo', m.id, { survivor: m.survivor, merged: [...m.merged] }, marking);
    publishNetwork(p, 'merge', m.id, 'undone', marking);
    return mergeJson(undone);
  });

  app.get<{ Querystring: { entity_id?: string; active?: boolean; limit?: number } }>(
    '/network/merges',
    {
      config: { right: 'network:read' },
      schema: {
        querystring: { type: 'object', properties: { entity_id: { type: 'string', maxLength: 128 }, active: { type: 'boolean' }, limit: { type: 'integer', minimum: 1, maximum: 1000 } }, additionalProperties: false },
        response: { 200: { type: 'object', properties: { merges: { type: 'array', items: mergeSchema } }, required: ['merges'] } },
      },
    },
    async (req) => {
      const a = await access(req);
      const merges = await p.store.network.listMerges(a.who, {
        ...(req.query.entity_id !== undefined ? { entityId: req.query.entity_id } : {}), ...(req.query.active === true ? { activeOnly: true } : {}), limit: req.query.limit ?? 100,
      });
      return { merges: merges.map(mergeJson) };
    },
  );

  app.get<{ Params: { id: string } }>('/network/merges/:id', { config: { right: 'network:read' }, schema: { params: idParams, response: { 200: mergeSchema } } }, async (req) => {
    const a = await access(req);
    const m = await p.store.network.getMerge(req.params.id, a.who);
    if (m === undefined) throw new NarizError('NARIZ_NOT_FOUND', `no merge "${req.params.id}"`);
    return mergeJson(m);
  });

  const layoutName = { type: 'object', properties: { name: { type: 'string', minLength: 1, maxLength: 100, pattern: '^[^/\\x00-\\x1f]+$' } }, required: ['name'] } as const;
  const layoutSchema = { type: 'object', properties: { name: { type: 'string' }, positions: { type: 'object', additionalProperties: true }, updated_at: { type: 'string' } }, required: ['name', 'positions', 'updated_at'] } as const;
  const visibleIds = async (a: Access): Promise<Set<string>> => {
    const snap = await p.store.network.snapshot(a.who);
    return new Set([...snap.entities, ...snap.merged].map((e) => e.id));
  };

  app.get('/network/layouts', {
    config: { right: 'network:read' },
    schema: { response: { 200: { type: 'object', properties: { layouts: { type: 'array', items: { type: 'object', properties: { name: { type: 'string' }, updated_at: { type: 'string' }, nodes: { type: 'integer' } }, required: ['name', 'updated_at', 'nodes'] } } }, required: ['layouts'] } } },
  }, async (req) => {
    const a = await access(req);
    const visible = await visibleIds(a);
    const layouts = await p.store.network.listLayouts(a.subject.username);
    return { layouts: layouts.map((l) => ({ name: l.name, updated_at: l.updatedAt, nodes: Object.keys(l.positions).filter((id) => visible.has(id)).length })) };
  });

  app.get<{ Params: { name: string } }>('/network/layouts/:name', { config: { right: 'network:read' }, schema: { params: layoutName, response: { 200: layoutSchema } } }, async (req) => {
    const a = await access(req);
    const l = await p.store.network.getLayout(a.subject.username, req.params.name);
    if (l === undefined) throw new NarizError('NARIZ_NOT_FOUND', `no layout "${req.params.name}"`);
    return layoutJson(l, await visibleIds(a));
  });

  app.put<{ Params: { name: string }; Body: { positions: Record<string, { x: number; y: number; pinned?: boolean }> } }>(
    '/network/layouts/:name',
    {
      config: { right: 'network:read' },
      schema: {
        params: layoutName,
        body: {
          type: 'object',
          properties: {
            positions: {
              type: 'object', maxProperties: 100_000,
              additionalProperties: { type: 'object', properties: { x: { type: 'number' }, y: { type: 'number' }, pinned: { type: 'boolean' } }, required: ['x', 'y'], additionalProperties: false },
            },
          },
          required: ['positions'],
          additionalProperties: false,
        },
        response: { 200: layoutSchema },
      },
    },
    async (req) => {
      const a = await access(req);
      const visible = await visibleIds(a);
      const positions: Record<string, { x: number; y: number; pinned: boolean }> = {};
      for (const [id, pos] of Object.entries(req.body.positions)) {
        if (!visible.has(id)) throw new NarizError('NARIZ_NOT_FOUND', `no entity "${id}"`, { path: `positions.${id}` });
        positions[id] = { x: pos.x, y: pos.y, pinned: pos.pinned ?? false };
      }
      const l = await p.store.network.saveLayout(a.subject.username, req.params.name, positions as LayoutPositions, p.now().toISOString());
      return layoutJson(l, visible);
    },
  );

  app.delete<{ Params: { name: string } }>('/network/layouts/:name', { config: { right: 'network:read' }, schema: { params: layoutName } }, async (req, reply) => {
    const a = await access(req);
    if (!(await p.store.network.deleteLayout(a.subject.username, req.params.name))) throw new NarizError('NARIZ_NOT_FOUND', `no layout "${req.params.name}"`);
    return reply.status(204).send();
  });

  await app.register(networkImportRoutes, { platform: p });
  await app.register(networkAnalysisRoutes, { platform: p });
  await app.register(networkExportRoutes, { platform: p });
};
