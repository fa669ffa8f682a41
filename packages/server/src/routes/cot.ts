/**
 * A release as Cursor-on-Target (docs/exchange/cot.md, "In the platform"):
 *
 *   GET /api/leads/:id/releases/:releaseId/cot           lead:read: its events
 *   GET /api/leads/:id/releases/:releaseId/cot-package   lead:read: a TAK data package (zip)
 *   GET /api/partner/packages/:id/cot                    partner:portal: the same, for the
 *   GET /api/partner/packages/:id/cot-package            official of the country it went to
 *   GET /api/cot/status                                  user:admin: the TAK stream's link and counts
 *
 * `/cot` answers the events as TAK's streaming protocol carries them: each
 * `<event>` element (no XML declaration) on its own line, so
 * `curl … | nc takserver 8087` delivers them; one event is a well-formed
 * document, several are an XML external parsed entity. The data package
 * holds each as a `.cot` file with a manifest, for ATAK and WinTAK to
 * import. Downloaded events go stale seven days after the download (not
 * after the release: a package fetched weeks later must still show).
 *
 * Every portion is re-checked at the exit (exchange/export-guard.ts);
 * audited `cot.export` with the event count, a refusal `export.refused`.
 * With a TAK server configured (exchange/tak-config.ts) this plugin also
 * owns the TAK stream (exchange/tak-link.ts), started when the app is
 * ready and closed with it.
 */
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import { cotDataPackage, cotEvents, DEFAULT_STALE_AFTER_S, type ReleasePackage } from '@nariz/exchange';
import type { ReleaseRecord } from '@nariz/store';
import { accessOf, type Access } from '../leads/acting-subject.js';
import { markingJson } from '../leads/lead-json.js';
import { leadParams } from '../leads/visible-lead.js';
import type { Platform } from '../platform.js';
import { releaseExports } from '../exchange/release-exports.js';
import { analystRelease, partnerRelease, throughExit } from '../exchange/release-exit.js';
import type { TakConfig } from '../exchange/tak-config.js';
import { TakLink } from '../exchange/tak-link.js';

export interface CotRouteOptions {
  readonly platform: Platform;
  /** The TAK server to stream new releases to (absent: no stream). */
  readonly tak?: TakConfig;
}

type Format = 'cot' | 'data-package';

const releaseParams = {
  type: 'object',
  properties: { ...leadParams.properties, releaseId: { type: 'string', maxLength: 64 } },
  required: ['id', 'releaseId'],
} as const;
const packageParams = { type: 'object', properties: { id: { type: 'string', maxLength: 64 } }, required: ['id'] } as const;
const eventsReply = { 200: { type: 'string', description: 'application/xml: the release’s CoT events, one <event> element a line (the TAK streaming form)' } } as const;
const zipReply = { 200: { type: 'string', format: 'binary', description: 'application/zip: a TAK data package (MANIFEST/manifest.xml and one .cot file per event)' } } as const;

const statusReply = {
  200: {
    type: 'object',
    properties: {
      configured: { type: 'boolean' }, host: { type: 'string' }, port: { type: 'integer' }, tls: { type: 'boolean' },
      releasable_to: { type: 'string' }, clearance: { type: 'string' }, accesses: { type: 'array', items: { type: 'string' } },
      state: { type: 'string', enum: ['connecting', 'connected', 'waiting', 'closed', 'stopped'] }, last_error: { type: ['string', 'null'] }, since: { type: ['string', 'null'] },
      releases_sent: { type: 'integer' }, releases_refused: { type: 'integer' },
      events_queued: { type: 'integer' }, events_written: { type: 'integer' }, events_dropped: { type: 'integer' }, connections: { type: 'integer' },
    },
    required: ['configured'],
  },
} as const;

/** Seconds from the release to `stale`: seven days from now, at least seven from the release. */
function staleAfterS(pkg: ReleasePackage, now: Date): number {
  return Math.max(DEFAULT_STALE_AFTER_S, Math.ceil((now.getTime() - Date.parse(pkg.createdAt)) / 1000) + DEFAULT_STALE_AFTER_S);
}

export const cotRoutes: FastifyPluginAsync<CotRouteOptions> = async (app, o) => {
  const p = o.platform;
  const link = o.tak === undefined ? undefined : new TakLink({ platform: p, config: o.tak, log: app.log });
  if (link !== undefined) {
    app.addHook('onReady', async () => link.start());
    app.addHook('onClose', async () => link.close());
  }

  const send = async (a: Access, r: ReleaseRecord, via: string, format: Format, reply: FastifyReply): Promise<FastifyReply> => {
    const now = p.now();
    const out = await throughExit(p, a.subject, r, releaseExports(p).of(r), { format, via }, (x) => {
      const pkg = x.package();
      const opts = { staleAfterS: staleAfterS(pkg, now) };
      return format === 'cot' ? { events: cotEvents(pkg, opts), zip: undefined } : { events: cotEvents(pkg, opts), zip: cotDataPackage(pkg, opts) };
    });
    await p.store.audit.append({
      actor: a.subject.username, action: 'cot.export', target: r.id,
      details: { lead_id: r.leadId, via, format, events: out.events.length, partner_country: r.partnerCountry, marking: markingJson(r.marking) },
    });
    if (out.zip !== undefined) {
      return reply.type('application/zip').header('content-disposition', `attachment; filename="release-${r.id}-tak.zip"`).send(Buffer.from(out.zip));
    }
    return reply
      .type('application/xml; charset=utf-8')
      .header('content-disposition', `attachment; filename="release-${r.id}.cot.xml"`)
      .send(out.events.map((e) => `${e.xml}\n`).join(''));
  };

  for (const format of ['cot', 'data-package'] as const) {
    const suffix = format === 'cot' ? 'cot' : 'cot-package';
    const response = format === 'cot' ? eventsReply : zipReply;
    app.get<{ Params: { id: string; releaseId: string } }>(
      `/leads/:id/releases/:releaseId/${suffix}`,
      { config: { right: 'lead:read' }, schema: { params: releaseParams, response } },
      async (req, reply) => {
        const a = await accessOf(req, p.store, p.security);
        return send(a, await analystRelease(p, a, req.params.id, req.params.releaseId), 'api', format, reply);
      },
    );
    app.get<{ Params: { id: string } }>(
      `/partner/packages/:id/${suffix}`,
      { config: { right: 'partner:portal' }, schema: { params: packageParams, response } },
      async (req, reply) => {
        const a = await accessOf(req, p.store, p.security);
        return send(a, await partnerRelease(p, a, req.params.id), 'partner', format, reply);
      },
    );
  }

  app.get('/cot/status', { config: { right: 'user:admin' }, schema: { response: statusReply } }, async () => link?.status() ?? { configured: false });
};
