/**
 * A release as a STIX 2.1 bundle (docs/exchange/stix.md, "In the platform"):
 *
 *   GET /api/leads/:id/releases/:releaseId/stix   lead:read (viewers, analysts, admins: as the release's other renderings)
 *   GET /api/partner/packages/:id/stix            partner:portal (the official of the country it went to)
 *
 * The release is found through the caller's access predicate, every
 * portion re-checked at this exit (exchange/export-guard.ts), mapped to
 * the exchange package (exchange/release-to-package.ts), and every object
 * validated against the STIX 2.1 schemas before it leaves
 * (`application/stix+json;version=2.1`). Audited `stix.export` with the
 * object count; a refusal as `export.refused`.
 */
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import { STIX_MEDIA_TYPE } from '@nariz/exchange';
import type { ReleaseRecord } from '@nariz/store';
import { accessOf, type Access } from '../leads/acting-subject.js';
import { markingJson } from '../leads/lead-json.js';
import { leadParams } from '../leads/visible-lead.js';
import type { Platform } from '../platform.js';
import { releaseExports } from '../exchange/release-exports.js';
import { analystRelease, partnerRelease, throughExit } from '../exchange/release-exit.js';

const releaseParams = {
  type: 'object',
  properties: { ...leadParams.properties, releaseId: { type: 'string', maxLength: 64 } },
  required: ['id', 'releaseId'],
} as const;
const packageParams = { type: 'object', properties: { id: { type: 'string', maxLength: 64 } }, required: ['id'] } as const;
const bundleReply = { 200: { type: 'string', description: `${STIX_MEDIA_TYPE}: the release as one STIX 2.1 bundle, every object validated` } } as const;

export const stixRoutes: FastifyPluginAsync<{ platform: Platform }> = async (app, { platform: p }) => {
  const send = async (a: Access, r: ReleaseRecord, via: string, reply: FastifyReply): Promise<FastifyReply> => {
    const bundle = await throughExit(p, a.subject, r, releaseExports(p).of(r), { format: 'stix', via }, (x) => x.stixBundle());
    await p.store.audit.append({
      actor: a.subject.username, action: 'stix.export', target: r.id,
      details: { lead_id: r.leadId, via, objects: bundle.objects.length, partner_country: r.partnerCountry, marking: markingJson(r.marking) },
    });
    // A Buffer, so that Fastify sends the media type exactly as TAXII and STIX name it (a string would get `; charset=utf-8` and a quoted version).
    return reply.type(STIX_MEDIA_TYPE).header('content-disposition', `attachment; filename="release-${r.id}.stix.json"`).send(Buffer.from(JSON.stringify(bundle), 'utf8'));
  };

  app.get<{ Params: { id: string; releaseId: string } }>(
    '/leads/:id/releases/:releaseId/stix',
    { config: { right: 'lead:read' }, schema: { params: releaseParams, response: bundleReply } },
    async (req, reply) => {
      const a = await accessOf(req, p.store, p.security);
      return send(a, await analystRelease(p, a, req.params.id, req.params.releaseId), 'api', reply);
    },
  );

  app.get<{ Params: { id: string } }>(
    '/partner/packages/:id/stix',
    { config: { right: 'partner:portal' }, schema: { params: packageParams, response: bundleReply } },
    async (req, reply) => {
      const a = await accessOf(req, p.store, p.security);
      return send(a, await partnerRelease(p, a, req.params.id), 'partner', reply);
    },
  );
};
