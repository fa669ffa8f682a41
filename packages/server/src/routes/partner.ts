/**
 * The partner portal (docs/leads.md, "Partner portal"): partner officials
 * (role `partner`, right `partner:portal`, nothing else) see the packages
 * released to their own country that their clearance and accesses allow,
 * in Spanish or English, and report back: acknowledgement, action and
 * outcome become the lead's transitions, attributed to them, audited
 * (`partner.update`) and announced live.
 *
 *   GET  /api/partner/packages?lang&limit&offset
 *   GET  /api/partner/packages/:id?lang                 the package, its status and its history (audited: partner.view)
 *   GET  /api/partner/packages/:id/html?lang            the HTML rendering
 *   GET  /api/partner/packages/:id/pdf?lang             the PDF (Chromium; 503 without it)
 *   POST /api/partner/packages/:id/acknowledge          {note?}
 *   POST /api/partner/packages/:id/action               {note, at?}
 *   POST /api/partner/packages/:id/outcome              {kind, arrests, seizures, note?, at?}
 *
 * A package released to another country, or one the official may not see,
 * is a 404 like one that does not exist. The history shown is this
 * package's: its release and the partner's own updates, never the
 * analysts' notes.
 */
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { NarizError } from '@nariz/core';
import { assertAccess } from '@nariz/security';
import {
  OUTCOME_KINDS, releaseId, TEXT_LANGUAGES, type LeadEvent, type LeadOutcome, type LeadRecord, type LeadStatus, type OutcomeKind, type ReleaseRecord, type TextLanguage,
} from '@nariz/store';
import { accessOf, type Access } from '../leads/acting-subject.js';
import { moveLead } from '../leads/lead-changes.js';
import { nextStates } from '../leads/lifecycle.js';
import { markingJson } from '../leads/lead-json.js';
import type { Platform } from '../platform.js';
import { packageObject } from './leads-releases.js';

const lang = { type: 'string', enum: [...TEXT_LANGUAGES] } as const;
const params = { type: 'object', properties: { id: { type: 'string', maxLength: 64 } }, required: ['id'] } as const;
const langQuery = { type: 'object', properties: { lang }, additionalProperties: false } as const;
/** How far in the future a reported time may lie (clock skew between the partner's device and ours). */
const FUTURE_SLACK_MS = 5 * 60_000;
/** Transitions made through this portal: whose notes the partner may see again. */
const PORTAL_STATES: ReadonlySet<LeadStatus> = new Set(['acknowledged', 'action-taken', 'outcome-reported']);

const historySchema = {
  type: 'array',
  items: {
    type: 'object',
    properties: {
      status: { type: 'string' }, at: { type: 'string' }, occurred_at: { type: 'string' }, by: { type: ['string', 'null'] }, note: { type: ['string', 'null'] },
      outcome: {
        type: ['object', 'null'],
        properties: {
          kind: { type: 'string' }, arrests: { type: 'integer' },
          seizures: { type: 'array', items: { type: 'object', properties: { what: { type: 'string' }, quantity: { type: 'number' }, unit: { type: 'string' } }, required: ['what', 'quantity', 'unit'] } },
        },
      },
    },
    required: ['status', 'at', 'occurred_at', 'by', 'note', 'outcome'],
  },
} as const;

const summaryProperties = {
  id: { type: 'string' }, created_at: { type: 'string' }, partner_country: { type: 'string' }, partner_unit: { type: 'string' }, language: { type: 'string' },
  banner: { type: 'string' }, sha256: { type: 'string' },
  title: { type: 'object', properties: { text: { type: 'string' }, lang: { type: 'string' }, translation: { type: 'string' } }, required: ['text', 'lang', 'translation'] },
  status: { type: ['string', 'null'], description: 'the lead’s state, when the official may see the lead' },
  next_states: { type: 'array', items: { type: 'string' }, description: 'the states the official may report next from here (acknowledged, action-taken, outcome-reported); empty when there is nothing to report' },
  simulated: { type: 'boolean', description: 'exercise data from a simulated sortie: never to be acted on' },
} as const;
const summaryRequired = ['id', 'created_at', 'partner_country', 'partner_unit', 'language', 'banner', 'sha256', 'title', 'status', 'next_states', 'simulated'] as const;

/** What the partner portal may move a lead in `status` to (lifecycle.ts, the `partner` door). */
function partnerNext(status: LeadStatus | undefined): LeadStatus[] {
  return status === undefined ? [] : nextStates(status).filter((n) => n.via === 'partner').map((n) => n.status);
}

/** The package's own `simulated` flag (every package has one: release-package.ts). */
function simulatedOf(pkg: Record<string, unknown>): boolean {
  return pkg['simulated'] === true;
}

/** The title of one language version of a stored package. */
function titleIn(pkg: Record<string, unknown>, l: TextLanguage): { text: string; lang: string; translation: string } {
  const versions = pkg['versions'];
  const v = typeof versions === 'object' && versions !== null ? (versions as Record<string, unknown>)[l] : undefined;
  const t = typeof v === 'object' && v !== null ? (v as Record<string, unknown>)['title'] : undefined;
  if (typeof t !== 'object' || t === null) throw new NarizError('NARIZ_STORE_CORRUPT', `stored package has no ${l} title`);
  const { text, lang: tl, translation } = t as Record<string, unknown>;
  if (typeof text !== 'string' || typeof tl !== 'string' || typeof translation !== 'string') throw new NarizError('NARIZ_STORE_CORRUPT', `stored package has a malformed ${l} title`);
  return { text, lang: tl, translation };
}

function historyJson(events: readonly LeadEvent[], r: ReleaseRecord): Array<Record<string, unknown>> {
  return events
    .filter((e) => e.details.releaseId === r.id)
    .map((e) => {
      const mine = PORTAL_STATES.has(e.to);
      const o = e.details.outcome;
      return {
        status: e.to, at: e.at, occurred_at: e.occurredAt, by: mine ? e.actor : null, note: mine ? e.note : null,
        outcome: o === undefined ? null : { kind: o.kind, arrests: o.arrests, seizures: o.seizures.map((s) => ({ ...s })) },
      };
    });
}

export const partnerRoutes: FastifyPluginAsync<{ platform: Platform }> = async (app, { platform: p }) => {
  const access = (req: FastifyRequest): Promise<Access> => accessOf(req, p.store, p.security);

  /** A package released to the official's country that they may see; NARIZ_NOT_FOUND otherwise. */
  const ownPackage = async (a: Access, id: string): Promise<ReleaseRecord> => {
    const r = await p.store.releases.getRelease(releaseId(id), a.who, a.subject.nationality);
    if (r === undefined || r.partnerCountry !== a.subject.nationality) throw new NarizError('NARIZ_NOT_FOUND', `no package "${id}"`);
    assertAccess(a.subject, r.marking, p.security, `package "${id}"`);
    return r;
  };
  /** The package's lead, when the official may see it (they may, unless it was re-marked after the release). */
  const leadOf = async (a: Access, r: ReleaseRecord): Promise<LeadRecord | undefined> => p.store.leads.getLead(r.leadId, a.who);
  const mustLead = async (a: Access, r: ReleaseRecord): Promise<LeadRecord> => {
    const lead = await leadOf(a, r);
    if (lead === undefined) throw new NarizError('NARIZ_NOT_FOUND', `no package "${r.id}"`);
    assertAccess(a.subject, lead.marking, p.security, `package "${r.id}"`);
    return lead;
  };
  const view = async (a: Access, r: ReleaseRecord, l: TextLanguage, format: string): Promise<void> => {
    await p.store.audit.append({ actor: a.subject.username, action: 'partner.view', target: r.id, details: { format, lang: l, marking: markingJson(r.marking) } });
  };

  app.get<{ Querystring: { lang?: TextLanguage; limit?: number; offset?: number } }>(
    '/partner/packages',
    {
      config: { right: 'partner:portal' },
      schema: {
        querystring: { type: 'object', properties: { lang, limit: { type: 'integer', minimum: 1, maximum: 500 }, offset: { type: 'integer', minimum: 0 } }, additionalProperties: false },
        response: {
          200: {
            type: 'object',
            properties: { packages: { type: 'array', items: { type: 'object', properties: summaryProperties, required: summaryRequired } }, total: { type: 'integer' } },
            required: ['packages', 'total'],
          },
        },
      },
    },
    async (req) => {
      const a = await access(req);
      const q = { partnerCountry: a.subject.nationality, limit: req.query.limit ?? 100, offset: req.query.offset ?? 0 };
      const packages = [];
      for (const s of await p.store.releases.listReleases(a.who, q)) {
        const r = await ownPackage(a, s.id);
        const l = req.query.lang ?? r.language;
        const pkg = packageObject(r);
        const status = (await leadOf(a, r))?.status;
        packages.push({
          id: r.id, created_at: r.createdAt, partner_country: r.partnerCountry, partner_unit: r.partnerUnit, language: l, banner: r.banner, sha256: r.sha256,
          title: titleIn(pkg, l), status: status ?? null, next_states: partnerNext(status), simulated: simulatedOf(pkg),
        });
      }
      return { packages, total: await p.store.releases.countReleases(a.who, q) };
    },
  );

  app.get<{ Params: { id: string }; Querystring: { lang?: TextLanguage } }>(
    '/partner/packages/:id',
    {
      config: { right: 'partner:portal' },
      schema: {
        params,
        querystring: langQuery,
        response: {
          200: {
            type: 'object',
            properties: { ...summaryProperties, history: historySchema, package: { type: 'object', additionalProperties: true, description: 'the package as released (both languages)' } },
            required: [...summaryRequired, 'history', 'package'],
          },
        },
      },
    },
    async (req) => {
      const a = await access(req);
      const r = await ownPackage(a, req.params.id);
      const l = req.query.lang ?? r.language;
      const pkg = packageObject(r);
      const lead = await leadOf(a, r);
      await view(a, r, l, 'json');
      return {
        id: r.id, created_at: r.createdAt, partner_country: r.partnerCountry, partner_unit: r.partnerUnit, language: l, banner: r.banner, sha256: r.sha256,
        title: titleIn(pkg, l), status: lead?.status ?? null, next_states: partnerNext(lead?.status), simulated: simulatedOf(pkg),
        history: lead === undefined ? [] : historyJson(await p.store.leads.listEvents(lead.id, a.who), r), package: pkg,
      };
    },
  );

  app.get<{ Params: { id: string }; Querystring: { lang?: TextLanguage } }>(
    '/partner/packages/:id/html',
    { config: { right: 'partner:portal' }, schema: { params, querystring: langQuery, response: { 200: { type: 'string', description: 'text/html' } } } },
    async (req, reply) => {
      const a = await access(req);
      const r = await ownPackage(a, req.params.id);
      const l = req.query.lang ?? r.language;
      await view(a, r, l, 'html');
      return reply.type('text/html; charset=utf-8').send(r.html[l]);
    },
  );

  app.get<{ Params: { id: string }; Querystring: { lang?: TextLanguage } }>(
    '/partner/packages/:id/pdf',
    { config: { right: 'partner:portal' }, schema: { params, querystring: langQuery, response: { 200: { type: 'string', format: 'binary', description: 'application/pdf' } } } },
    async (req, reply) => {
      const a = await access(req);
      const r = await ownPackage(a, req.params.id);
      const l = req.query.lang ?? r.language;
      const pdf = await p.pdf.render(r.html[l]);
      await view(a, r, l, 'pdf');
      return reply.type('application/pdf').header('content-disposition', `inline; filename="package-${r.id}-${l}.pdf"`).send(pdf);
    },
  );

  const updateReply = {
    200: { type: 'object', properties: { id: { type: 'string' }, status: { type: 'string' }, next_states: summaryProperties.next_states, history: historySchema }, required: ['id', 'status', 'next_states', 'history'] },
  } as const;

  /** The reported time: not in the future, not before the release; default now. */
  const occurredAt = (at: string | undefined, r: ReleaseRecord): string | undefined => {
    if (at === undefined) return undefined;
    const t = Date.parse(at);
    if (t > p.now().getTime() + FUTURE_SLACK_MS) throw new NarizError('NARIZ_BAD_REQUEST', `"at" (${at}) is in the future`, { path: 'at' });
    if (t < Date.parse(r.createdAt)) throw new NarizError('NARIZ_BAD_REQUEST', `"at" (${at}) is before the package was released (${r.createdAt})`, { path: 'at' });
    return new Date(t).toISOString();
  };

  const update = async (req: FastifyRequest, id: string, to: LeadStatus, note: string, at: string | undefined, outcome?: LeadOutcome): Promise<Record<string, unknown>> => {
    const a = await access(req);
    const r = await ownPackage(a, id);
    const lead = await mustLead(a, r);
    const occurred = occurredAt(at, r);
    await moveLead(p, lead, {
      to, via: 'partner', actor: a.subject.username, note, ...(occurred !== undefined ? { occurredAt: occurred } : {}),
      details: { releaseId: r.id, partnerCountry: r.partnerCountry, partnerUnit: r.partnerUnit, ...(outcome !== undefined ? { outcome } : {}) },
      auditAction: 'partner.update',
    });
    return { id: r.id, status: to, next_states: partnerNext(to), history: historyJson(await p.store.leads.listEvents(lead.id, a.who), r) };
  };

  app.post<{ Params: { id: string }; Body: { note?: string } | undefined }>(
    '/partner/packages/:id/acknowledge',
    { config: { right: 'partner:portal' }, schema: { params, body: { type: 'object', properties: { note: { type: 'string', maxLength: 4000 } }, additionalProperties: false }, response: updateReply } },
    async (req) => update(req, req.params.id, 'acknowledged', req.body?.note ?? '', undefined),
  );

  app.post<{ Params: { id: string }; Body: { note: string; at?: string } }>(
    '/partner/packages/:id/action',
    {
      config: { right: 'partner:portal' },
      schema: {
        params,
        body: { type: 'object', properties: { note: { type: 'string', minLength: 1, maxLength: 4000 }, at: { type: 'string', format: 'date-time', description: 'when the action took place (default: now)' } }, required: ['note'], additionalProperties: false },
        response: updateReply,
      },
    },
    async (req) => update(req, req.params.id, 'action-taken', req.body.note, req.body.at),
  );

  app.post<{ Params: { id: string }; Body: { kind: OutcomeKind; arrests: number; seizures: Array<{ what: string; quantity: number; unit: string }>; note?: string; at?: string } }>(
    '/partner/packages/:id/outcome',
    {
      config: { right: 'partner:portal' },
      schema: {
        params,
        body: {
          type: 'object',
          properties: {
            kind: { type: 'string', enum: [...OUTCOME_KINDS] },
            arrests: { type: 'integer', minimum: 0, maximum: 100_000 },
            seizures: {
              type: 'array', maxItems: 200,
              items: {
                type: 'object',
                properties: { what: { type: 'string', minLength: 1, maxLength: 200 }, quantity: { type: 'number', minimum: 0, maximum: 1e12 }, unit: { type: 'string', minLength: 1, maxLength: 32 } },
                required: ['what', 'quantity', 'unit'],
                additionalProperties: false,
              },
            },
            note: { type: 'string', maxLength: 4000 },
            at: { type: 'string', format: 'date-time', description: 'when the outcome was established (default: now)' },
          },
          required: ['kind', 'arrests', 'seizures'],
          additionalProperties: false,
        },
        response: updateReply,
      },
    },
    async (req) => {
      const b = req.body;
      return update(req, req.params.id, 'outcome-reported', b.note ?? '', b.at, { kind: b.kind, arrests: b.arrests, seizures: b.seizures.map((s) => ({ what: s.what.trim(), quantity: s.quantity, unit: s.unit.trim() })) });
    },
  );
};
