/**
 * Releasing a lead to a partner (docs/leads.md, "Release"): an explicit,
 * audited act that builds an immutable package (leads/release-package.ts)
 * and moves the lead to `released`, in one store transaction.
 *
 *   POST /api/leads/:id/releases                       {partner_country, partner_unit, language?, note?} → 201
 *   POST /api/leads/:id/releases/preview               the same body → 200 the package it would make, stored nowhere
 *   GET  /api/leads/:id/releases                       the lead's releases the caller may see
 *   GET  /api/leads/:id/releases/:releaseId            one, with its package (audited: release.view)
 *   GET  /api/leads/:id/releases/:releaseId/html?lang  its HTML rendering
 *   GET  /api/leads/:id/releases/:releaseId/pdf?lang   its PDF (Chromium; 503 without it)
 *
 * There is no route that changes or deletes a release, and the store has
 * no way to (releases.ts).
 */
import { randomUUID } from 'node:crypto';
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { NarizError, sortieId } from '@nariz/core';
import { assertAccess } from '@nariz/security';
import { releaseId, TEXT_LANGUAGES, type LeadRecord, type ReleaseRecord, type TextLanguage } from '@nariz/store';
import { accessOf, type Access } from '../leads/acting-subject.js';
import { hazardZoneOf } from '../leads/estimate-source.js';
import { publishLead } from '../leads/lead-changes.js';
import { leadJson, leadSchema, markingJson, markingSchema, releaseSummaryJson, releaseSummarySchema } from '../leads/lead-json.js';
import { assertTransition } from '../leads/lifecycle.js';
import { buildRelease, type BuiltRelease } from '../leads/release-package.js';
import { leadParams, visibleLead } from '../leads/visible-lead.js';
import type { Platform } from '../platform.js';

const lang = { type: 'string', enum: [...TEXT_LANGUAGES] } as const;
const releaseParams = {
  type: 'object',
  properties: { ...leadParams.properties, releaseId: { type: 'string', maxLength: 64 } },
  required: ['id', 'releaseId'],
} as const;
const langQuery = { type: 'object', properties: { lang }, additionalProperties: false } as const;
const packageSchema = { type: 'object', additionalProperties: true, description: 'the release package (docs/leads.md): both language versions, as stored and hashed' } as const;

/** The stored package, parsed (our own canonical JSON; the store returns its exact text). */
export function packageObject(r: ReleaseRecord): Record<string, unknown> {
  const v: unknown = JSON.parse(r.packageJson);
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new NarizError('NARIZ_STORE_CORRUPT', `release "${r.id}": the stored package is not a JSON object`);
  return v as Record<string, unknown>;
}

export const leadReleaseRoutes: FastifyPluginAsync<{ platform: Platform }> = async (app, { platform: p }) => {
  const access = (req: FastifyRequest): Promise<Access> => accessOf(req, p.store, p.security);

  /** The release of a lead the caller may see, re-checked; NARIZ_NOT_FOUND otherwise. */
  const visibleRelease = async (a: Access, id: string, rid: string): Promise<ReleaseRecord> => {
    const lead = await visibleLead(p, a, id);
    const r = await p.store.releases.getRelease(releaseId(rid), a.who);
    if (r === undefined || r.leadId !== lead.id) throw new NarizError('NARIZ_NOT_FOUND', `lead "${id}" has no release "${rid}"`);
    assertAccess(a.subject, r.marking, p.security, `release "${rid}"`);
    return r;
  };

  type ReleaseBody = { partner_country: string; partner_unit: string; language?: TextLanguage; note?: string };
  const releaseBody = {
    type: 'object',
    properties: {
      partner_country: { type: 'string', pattern: '^[A-Za-z]{3}$' },
      partner_unit: { type: 'string', minLength: 1, maxLength: 200 },
      language: lang,
      note: { type: 'string', maxLength: 4000, description: 'why it is released (kept in the lead’s history, not in the package)' },
    },
    required: ['partner_country', 'partner_unit'],
    additionalProperties: false,
  } as const;
  const withheldSchema = { type: 'object', properties: { notes: { type: 'integer' }, other_evidence: { type: 'integer' } }, required: ['notes', 'other_evidence'], description: 'what stayed behind' } as const;

  /** The package a release of this lead to that partner makes now; `preview` renders it as a dry run. */
  const build = async (a: Access, idParam: string, body: ReleaseBody, preview: boolean): Promise<{ lead: LeadRecord; country: string; id: string; createdAt: string; built: BuiltRelease }> => {
    const lead = await visibleLead(p, a, idParam);
    assertTransition(lead.id, lead.status, 'released', 'release');
    const country = body.partner_country.toUpperCase();
    const stored = lead.source === undefined ? undefined : await p.store.jobs.jobResult(lead.source.jobId);
    const id = preview ? 'preview' : randomUUID();
    const createdAt = p.now().toISOString();
    const built = await buildRelease({
      id, createdAt, lead, evidence: await p.store.leads.listEvidence(lead.id, a.who),
      hazardZone: lead.source === undefined ? undefined : hazardZoneOf(stored, lead.source.sourceIndex),
      partner: { country, unit: body.partner_unit.trim() }, language: body.language ?? 'es',
      releasingOrganisation: a.subject.organisation, policy: p.security, translate: p.translation.machineTranslator,
      simulated: lead.source === undefined ? false : (await p.store.getSortie(sortieId(lead.source.sortieId)))?.simulated ?? false,
      preview,
    });
    return { lead, country, id, createdAt, built };
  };

  app.post<{ Params: { id: string }; Body: ReleaseBody }>(
    '/leads/:id/releases',
    {
      config: { right: 'lead:release' },
      schema: {
        params: leadParams,
        body: releaseBody,
        response: {
          201: {
            type: 'object',
            properties: { release: releaseSummarySchema, lead: leadSchema, package: packageSchema, withheld: withheldSchema },
            required: ['release', 'lead', 'package', 'withheld'],
          },
        },
      },
    },
    async (req, reply) => {
      const a = await access(req);
      const { lead, country, id, createdAt, built } = await build(a, req.params.id, req.body, false);
      const r = await p.store.releases.createRelease({
        id: releaseId(id), leadId: lead.id, partnerCountry: country, partnerUnit: built.pkg.partner.unit, language: built.pkg.primary_language, createdBy: a.subject.username,
        createdAt, banner: built.banner, marking: built.marking, packageJson: built.json, sha256: built.sha256, html: built.html, fromStatus: lead.status, note: req.body.note ?? '',
        withheld: built.withheld,
      });
      await p.store.audit.append({
        actor: a.subject.username, action: 'lead.release', target: lead.id,
        details: {
          release_id: r.id, partner_country: country, partner_unit: r.partnerUnit, sha256: r.sha256, marking: markingJson(r.marking), from: lead.status,
          notes: built.pkg.notes.length, withheld_notes: built.withheld.notes, withheld_evidence: built.withheld.otherEvidence, hazard_zone: built.pkg.lead.hazard_zone !== null,
        },
      });
      const after = await visibleLead(p, a, lead.id);
      publishLead(p.hub, after);
      return reply.status(201).header('location', `/api/leads/${lead.id}/releases/${r.id}`).send({
        release: releaseSummaryJson(r), lead: leadJson(after, p.security), package: built.pkg, withheld: { notes: built.withheld.notes, other_evidence: built.withheld.otherEvidence },
      });
    },
  );

  app.post<{ Params: { id: string }; Body: ReleaseBody }>(
    '/leads/:id/releases/preview',
    {
      config: { right: 'lead:release' },
      schema: {
        params: leadParams,
        body: releaseBody,
        response: {
          200: {
            type: 'object',
            properties: {
              package: packageSchema, withheld: withheldSchema, banner: { type: 'string' }, marking: markingSchema,
              html: { type: 'object', properties: { en: { type: 'string' }, es: { type: 'string' } }, required: ['en', 'es'], description: 'both renderings, marked PREVIEW and without a digest' },
            },
            required: ['package', 'withheld', 'banner', 'marking', 'html'],
          },
        },
      },
    },
    async (req) => {
      const a = await access(req);
      const { lead, country, built } = await build(a, req.params.id, req.body, true);
      // Not a release: nothing is stored and the lead keeps its state, but who looked at what a partner would get is recorded.
      await p.store.audit.append({
        actor: a.subject.username, action: 'release.preview', target: lead.id,
        details: { partner_country: country, partner_unit: built.pkg.partner.unit, marking: markingJson(built.marking), notes: built.pkg.notes.length, withheld_notes: built.withheld.notes, withheld_evidence: built.withheld.otherEvidence },
      });
      return { package: built.pkg, withheld: { notes: built.withheld.notes, other_evidence: built.withheld.otherEvidence }, banner: built.banner, marking: markingJson(built.marking), html: built.html };
    },
  );

  app.get<{ Params: { id: string } }>(
    '/leads/:id/releases',
    { config: { right: 'lead:read' }, schema: { params: leadParams, response: { 200: { type: 'object', properties: { releases: { type: 'array', items: releaseSummarySchema } }, required: ['releases'] } } } },
    async (req) => {
      const a = await access(req);
      const lead = await visibleLead(p, a, req.params.id);
      return { releases: (await p.store.releases.listReleases(a.who, { leadId: lead.id, limit: 1000 })).map(releaseSummaryJson) };
    },
  );

  app.get<{ Params: { id: string; releaseId: string } }>(
    '/leads/:id/releases/:releaseId',
    { config: { right: 'lead:read' }, schema: { params: releaseParams, response: { 200: { type: 'object', properties: { ...releaseSummarySchema.properties, package: packageSchema }, required: [...releaseSummarySchema.required, 'package'] } } } },
    async (req) => {
      const a = await access(req);
      const r = await visibleRelease(a, req.params.id, req.params.releaseId);
      await p.store.audit.append({ actor: a.subject.username, action: 'release.view', target: r.id, details: { lead_id: r.leadId, format: 'json', marking: markingJson(r.marking) } });
      return { ...releaseSummaryJson(r), package: packageObject(r) };
    },
  );

  app.get<{ Params: { id: string; releaseId: string }; Querystring: { lang?: TextLanguage } }>(
    '/leads/:id/releases/:releaseId/html',
    { config: { right: 'lead:read' }, schema: { params: releaseParams, querystring: langQuery, response: { 200: { type: 'string', description: 'text/html: the release in one language' } } } },
    async (req, reply) => {
      const a = await access(req);
      const r = await visibleRelease(a, req.params.id, req.params.releaseId);
      const l = req.query.lang ?? r.language;
      await p.store.audit.append({ actor: a.subject.username, action: 'release.view', target: r.id, details: { lead_id: r.leadId, format: 'html', lang: l, marking: markingJson(r.marking) } });
      return reply.type('text/html; charset=utf-8').send(r.html[l]);
    },
  );

  app.get<{ Params: { id: string; releaseId: string }; Querystring: { lang?: TextLanguage } }>(
    '/leads/:id/releases/:releaseId/pdf',
    { config: { right: 'lead:read' }, schema: { params: releaseParams, querystring: langQuery, response: { 200: { type: 'string', format: 'binary', description: 'application/pdf: the release in one language' } } } },
    async (req, reply) => {
      const a = await access(req);
      const r = await visibleRelease(a, req.params.id, req.params.releaseId);
      const l = req.query.lang ?? r.language;
      const pdf = await p.pdf.render(r.html[l]);
      await p.store.audit.append({ actor: a.subject.username, action: 'release.view', target: r.id, details: { lead_id: r.leadId, format: 'pdf', lang: l, marking: markingJson(r.marking) } });
      return reply.type('application/pdf').header('content-disposition', `inline; filename="release-${r.id}-${l}.pdf"`).send(pdf);
    },
  );
};
