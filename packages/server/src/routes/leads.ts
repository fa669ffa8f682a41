/**
 * Leads (docs/leads.md): what is suspected about one clandestine lab, its
 * evidence and its lifecycle. Every read is filtered by the caller's
 * markings in the store's query and re-checked here before it leaves; a
 * lead the caller may not see is a 404 like a lead that does not exist.
 *
 *   POST   /api/leads                               create, from a located source or by hand
 *   GET    /api/leads?status&q&limit&offset          list (status: comma-separated)
 *   GET    /api/leads/dashboard                      durations per partner unit, ageing, outcomes
 *   GET    /api/leads/:id                            one, with its evidence, history and releases (audited: lead.view)
 *   PATCH  /api/leads/:id                            title, summary, language, marking
 *   POST   /api/leads/:id/transitions                {to, note?}
 *   POST   /api/leads/:id/evidence                   {kind, ref?, text, lang?, marking}
 *   DELETE /api/leads/:id/evidence/:evidenceId
 *   (releases: leads-releases.ts)
 *
 * Every change is audited (lead.create, lead.change, lead.marking,
 * lead.transition, lead.evidence.add, lead.evidence.remove) and announced
 * live to the sockets whose user may see the lead.
 */
import { randomUUID } from 'node:crypto';
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { NarizError } from '@nariz/core';
import { bannerMarking, canAccess, type Marking } from '@nariz/security';
import { EVIDENCE_KINDS, LEAD_STATUSES, TEXT_LANGUAGES, leadId, type EvidenceKind, type LeadStatus, type TextLanguage } from '@nariz/store';
import { accessOf, markingFromRequest, type Access } from '../leads/acting-subject.js';
import { leadDashboard } from '../leads/dashboard.js';
import { moveLead, publishLead } from '../leads/lead-changes.js';
import { leadFromSource, type SourceRef } from '../leads/lead-from-source.js';
import {
  eventJson, eventSchema, evidenceJson, evidenceSchema, leadDetailSchema, leadJson, leadSchema, markingJson, markingSchema, releaseSummaryJson,
} from '../leads/lead-json.js';
import { leadParams, visibleLead } from '../leads/visible-lead.js';
import type { Platform } from '../platform.js';
import { idSchema } from './sortie-json.js';
import { leadReleaseRoutes } from './leads-releases.js';

const lang = { type: 'string', enum: [...TEXT_LANGUAGES] } as const;
const STATUS_LIST = `^(${LEAD_STATUSES.join('|')})(,(${LEAD_STATUSES.join('|')}))*$`;

interface CreateBody {
  title: string;
  summary?: string;
  lang?: TextLanguage;
  marking: unknown;
  source?: SourceRef;
  lat?: number;
  lon?: number;
  ci95_m?: number;
  lab_probability?: number;
  detected_at?: string;
}

interface EvidenceBody {
  kind: EvidenceKind;
  ref?: string;
  text: string;
  lang?: TextLanguage;
  marking: unknown;
}

/** The banner of everything a response holds (B1-B6); null for nothing. */
function bannerOf(markings: readonly Marking[], p: Platform): string | null {
  return markings.length === 0 ? null : bannerMarking(markings, p.security);
}

export const leadRoutes: FastifyPluginAsync<{ platform: Platform }> = async (app, { platform: p }) => {
  const access = (req: FastifyRequest): Promise<Access> => accessOf(req, p.store, p.security);

  app.post<{ Body: CreateBody }>(
    '/leads',
    {
      config: { right: 'lead:write' },
      schema: {
        body: {
          type: 'object',
          properties: {
            title: { type: 'string', minLength: 1, maxLength: 300 },
            summary: { type: 'string', maxLength: 8000 },
            lang,
            marking: markingSchema,
            source: {
              type: 'object',
              properties: { sortie_id: idSchema, job_id: { type: 'string', maxLength: 64 }, source_index: { type: 'integer', minimum: 0, maximum: 1000 } },
              required: ['sortie_id', 'source_index'],
              additionalProperties: false,
            },
            lat: { type: 'number', minimum: -90, maximum: 90 },
            lon: { type: 'number', minimum: -180, maximum: 180 },
            ci95_m: { type: 'number', minimum: 0, maximum: 1e6 },
            lab_probability: { type: 'number', minimum: 0, maximum: 1 },
            detected_at: { type: 'string', format: 'date-time' },
          },
          required: ['title', 'marking'],
          additionalProperties: false,
        },
        response: { 201: leadSchema },
      },
    },
    async (req, reply) => {
      const a = await access(req);
      const b = req.body;
      const marking = markingFromRequest(b.marking, a, p.security, 'marking');
      const byHand = b.lat !== undefined || b.lon !== undefined || b.ci95_m !== undefined || b.lab_probability !== undefined || b.detected_at !== undefined;
      if (b.source !== undefined && byHand) throw new NarizError('NARIZ_BAD_REQUEST', 'give a source, or a position (lat, lon, ci95_m, lab_probability, detected_at), not both', { path: 'source' });
      if (b.source === undefined && (b.lat === undefined || b.lon === undefined)) throw new NarizError('NARIZ_BAD_REQUEST', 'a lead needs a source {sortie_id, job_id?, source_index}, or lat and lon', { path: 'lat' });
      const from = b.source === undefined ? undefined : await leadFromSource(p, b.source);
      const at = p.now().toISOString();
      const lead = await p.store.leads.createLead({
        id: leadId(randomUUID()), title: b.title.trim(), summary: b.summary ?? '', lang: b.lang ?? 'en', marking, createdBy: a.subject.username, at,
        lat: from?.lat ?? b.lat!, lon: from?.lon ?? b.lon!, ci95M: from === undefined ? b.ci95_m : from.ci95M,
        labProbability: from === undefined ? b.lab_probability : from.labProbability, source: from?.source,
        detectedAt: from === undefined ? (b.detected_at === undefined ? undefined : new Date(b.detected_at).toISOString()) : from.detectedAt,
      });
      await p.store.audit.append({
        actor: a.subject.username, action: 'lead.create', target: lead.id,
        details: { marking: markingJson(marking), ...(lead.source !== undefined ? { sortie_id: lead.source.sortieId, job_id: lead.source.jobId, source_index: lead.source.sourceIndex } : {}) },
      });
      publishLead(p.hub, lead);
      return reply.status(201).header('location', `/api/leads/${lead.id}`).send(leadJson(lead, p.security));
    },
  );

  app.get<{ Querystring: { status?: string; q?: string; limit?: number; offset?: number } }>(
    '/leads',
    {
      config: { right: 'lead:read' },
      schema: {
        querystring: {
          type: 'object',
          properties: {
            status: { type: 'string', pattern: STATUS_LIST, description: `comma-separated: ${LEAD_STATUSES.join(', ')}` },
            q: { type: 'string', maxLength: 200, description: 'case-insensitive text in the title or summary' },
            limit: { type: 'integer', minimum: 1, maximum: 500 },
            offset: { type: 'integer', minimum: 0 },
          },
          additionalProperties: false,
        },
        response: {
          200: {
            type: 'object',
            properties: {
              leads: { type: 'array', items: leadSchema }, total: { type: 'integer' }, limit: { type: 'integer' }, offset: { type: 'integer' },
              banner: { type: ['string', 'null'], description: 'the banner of this page of leads; null when it holds none' },
            },
            required: ['leads', 'total', 'limit', 'offset', 'banner'],
          },
        },
      },
    },
    async (req) => {
      const a = await access(req);
      const q = {
        ...(req.query.status !== undefined ? { statuses: req.query.status.split(',') as LeadStatus[] } : {}),
        ...(req.query.q !== undefined ? { text: req.query.q } : {}),
        limit: req.query.limit ?? 50,
        offset: req.query.offset ?? 0,
      };
      const leads = (await p.store.leads.listLeads(a.who, q)).filter((l) => canAccess(a.subject, l.marking, p.security).allowed);
      return {
        leads: leads.map((l) => leadJson(l, p.security)), total: await p.store.leads.countLeads(a.who, q), limit: q.limit, offset: q.offset,
        banner: bannerOf(leads.map((l) => l.marking), p),
      };
    },
  );

  const durationSchema = { type: 'object', properties: { count: { type: 'integer' }, median_h: { type: ['number', 'null'] }, p90_h: { type: ['number', 'null'] } }, required: ['count', 'median_h', 'p90_h'] } as const;
  app.get(
    '/leads/dashboard',
    {
      config: { right: 'lead:read' },
      schema: {
        response: {
          200: {
            type: 'object',
            properties: {
              generated_at: { type: 'string' },
              leads: { type: 'integer' },
              banner: { type: ['string', 'null'] },
              by_status: { type: 'object', additionalProperties: { type: 'integer' } },
              units: {
                type: 'array',
                items: {
                  type: 'object',
                  properties: {
                    partner_country: { type: 'string' }, partner_unit: { type: 'string' }, released: { type: 'integer' },
                    detection_to_release: durationSchema, release_to_acknowledgement: durationSchema, release_to_action: durationSchema,
                    outcomes: { type: 'object', additionalProperties: { type: 'integer' } }, arrests: { type: 'integer' },
                  },
                  required: ['partner_country', 'partner_unit', 'released', 'detection_to_release', 'release_to_acknowledgement', 'release_to_action', 'outcomes', 'arrests'],
                },
              },
              open: {
                type: 'object',
                properties: {
                  total: { type: 'integer' },
                  by_age: { type: 'array', items: { type: 'object', properties: { label: { type: 'string' }, from_h: { type: 'number' }, to_h: { type: ['number', 'null'] }, count: { type: 'integer' } }, required: ['label', 'from_h', 'to_h', 'count'] } },
                },
                required: ['total', 'by_age'],
              },
              outcomes: { type: 'object', additionalProperties: true, description: 'GeoJSON FeatureCollection of Points: {lead_id, outcome, at, arrests, partner_country, partner_unit}' },
            },
            required: ['generated_at', 'leads', 'banner', 'by_status', 'units', 'open', 'outcomes'],
          },
        },
      },
    },
    async (req) => {
      const a = await access(req);
      const timelines = (await p.store.leads.timelines(a.who)).filter((t) => canAccess(a.subject, t.marking, p.security).allowed);
      // The aggregate's banner covers every lead counted in it.
      return { ...leadDashboard(timelines, p.now()), banner: bannerOf(timelines.map((t) => t.marking), p) };
    },
  );

  app.get<{ Params: { id: string } }>('/leads/:id', { config: { right: 'lead:read' }, schema: { params: leadParams, response: { 200: leadDetailSchema } } }, async (req) => {
    const a = await access(req);
    const lead = await visibleLead(p, a, req.params.id);
    const allowed = (m: Marking): boolean => canAccess(a.subject, m, p.security).allowed;
    const evidence = (await p.store.leads.listEvidence(lead.id, a.who)).filter((e) => allowed(e.marking));
    const releases = (await p.store.releases.listReleases(a.who, { leadId: lead.id, limit: 1000 })).filter((r) => allowed(r.marking));
    const events = await p.store.leads.listEvents(lead.id, a.who);
    await p.store.audit.append({ actor: a.subject.username, action: 'lead.view', target: lead.id, details: { marking: markingJson(lead.marking), evidence: evidence.length } });
    return {
      ...leadJson(lead, p.security),
      banner: bannerOf([lead.marking, ...evidence.map((e) => e.marking), ...releases.map((r) => r.marking)], p),
      evidence: evidence.map((e) => evidenceJson(e, p.security)),
      events: events.map(eventJson),
      releases: releases.map(releaseSummaryJson),
    };
  });

  app.patch<{ Params: { id: string }; Body: { title?: string; summary?: string; lang?: TextLanguage; marking?: unknown } }>(
    '/leads/:id',
    {
      config: { right: 'lead:write' },
      schema: {
        params: leadParams,
        body: {
          type: 'object',
          properties: { title: { type: 'string', minLength: 1, maxLength: 300 }, summary: { type: 'string', maxLength: 8000 }, lang, marking: markingSchema },
          additionalProperties: false,
          minProperties: 1,
        },
        response: { 200: leadSchema },
      },
    },
    async (req) => {
      const a = await access(req);
      const lead = await visibleLead(p, a, req.params.id);
      const marking = req.body.marking === undefined ? undefined : markingFromRequest(req.body.marking, a, p.security, 'marking');
      const changed = await p.store.leads.updateLead(
        lead.id,
        {
          ...(req.body.title !== undefined ? { title: req.body.title.trim() } : {}), ...(req.body.summary !== undefined ? { summary: req.body.summary } : {}),
          ...(req.body.lang !== undefined ? { lang: req.body.lang } : {}), ...(marking !== undefined ? { marking } : {}),
        },
        p.now().toISOString(),
      );
      if (changed === undefined) throw new NarizError('NARIZ_NOT_FOUND', `no lead "${lead.id}"`);
      const fields = Object.keys(req.body).filter((k) => k !== 'marking');
      if (fields.length > 0) await p.store.audit.append({ actor: a.subject.username, action: 'lead.change', target: lead.id, details: { fields, marking: markingJson(changed.marking) } });
      if (marking !== undefined) {
        await p.store.audit.append({ actor: a.subject.username, action: 'lead.marking', target: lead.id, details: { from: markingJson(lead.marking), to: markingJson(marking) } });
      }
      publishLead(p.hub, changed);
      return leadJson(changed, p.security);
    },
  );

  app.post<{ Params: { id: string }; Body: { to: LeadStatus; note?: string } }>(
    '/leads/:id/transitions',
    {
      config: { right: 'lead:write' },
      schema: {
        params: leadParams,
        body: { type: 'object', properties: { to: { type: 'string', enum: [...LEAD_STATUSES] }, note: { type: 'string', maxLength: 4000 } }, required: ['to'], additionalProperties: false },
        response: { 200: { type: 'object', properties: { lead: leadSchema, event: eventSchema }, required: ['lead', 'event'] } },
      },
    },
    async (req) => {
      const a = await access(req);
      const lead = await visibleLead(p, a, req.params.id);
      const event = await moveLead(p, lead, { to: req.body.to, via: 'transition', actor: a.subject.username, note: req.body.note ?? '', details: {}, auditAction: 'lead.transition' });
      return { lead: leadJson(await visibleLead(p, a, lead.id), p.security), event: eventJson(event) };
    },
  );

  app.post<{ Params: { id: string }; Body: EvidenceBody }>(
    '/leads/:id/evidence',
    {
      config: { right: 'lead:write' },
      schema: {
        params: leadParams,
        body: {
          type: 'object',
          properties: {
            kind: { type: 'string', enum: [...EVIDENCE_KINDS] }, ref: { type: 'string', minLength: 1, maxLength: 300 }, text: { type: 'string', maxLength: 8000 }, lang, marking: markingSchema,
          },
          required: ['kind', 'text', 'marking'],
          additionalProperties: false,
        },
        response: { 201: evidenceSchema },
      },
    },
    async (req, reply) => {
      const a = await access(req);
      const lead = await visibleLead(p, a, req.params.id);
      const b = req.body;
      const marking = markingFromRequest(b.marking, a, p.security, 'marking');
      if (b.kind === 'note' && b.text.trim() === '') throw new NarizError('NARIZ_BAD_REQUEST', 'a note needs text', { path: 'text' });
      if (b.kind !== 'note' && b.ref === undefined) throw new NarizError('NARIZ_BAD_REQUEST', `evidence of kind ${b.kind} needs a ref (what it points at)`, { path: 'ref' });
      if (b.kind === 'video-annotation' && (await p.store.annotations.getAnnotation(b.ref!)) === undefined) throw new NarizError('NARIZ_NOT_FOUND', `no annotation "${b.ref}"`);
      const e = await p.store.leads.addEvidence({
        id: randomUUID(), leadId: lead.id, kind: b.kind, ref: b.ref, text: b.text, lang: b.lang ?? 'en', marking, addedBy: a.subject.username, at: p.now().toISOString(),
      });
      await p.store.audit.append({ actor: a.subject.username, action: 'lead.evidence.add', target: lead.id, details: { evidence_id: e.id, kind: e.kind, marking: markingJson(marking) } });
      publishLead(p.hub, { ...lead, updatedAt: e.addedAt });
      return reply.status(201).send(evidenceJson(e, p.security));
    },
  );

  app.delete<{ Params: { id: string; evidenceId: string } }>(
    '/leads/:id/evidence/:evidenceId',
    {
      config: { right: 'lead:write' },
      schema: { params: { type: 'object', properties: { ...leadParams.properties, evidenceId: { type: 'string', maxLength: 64 } }, required: ['id', 'evidenceId'] } },
    },
    async (req, reply) => {
      const a = await access(req);
      const lead = await visibleLead(p, a, req.params.id);
      if (!(await p.store.leads.removeEvidence(lead.id, req.params.evidenceId, a.who))) throw new NarizError('NARIZ_NOT_FOUND', `lead "${lead.id}" has no evidence "${req.params.evidenceId}"`);
      await p.store.audit.append({ actor: a.subject.username, action: 'lead.evidence.remove', target: lead.id, details: { evidence_id: req.params.evidenceId, marking: markingJson(lead.marking) } });
      publishLead(p.hub, lead);
      return reply.status(204).send();
    },
  );

  await app.register(leadReleaseRoutes, { platform: p });
};
