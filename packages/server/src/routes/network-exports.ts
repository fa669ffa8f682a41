/**
 * The network a user may see as files (network/graph-export.ts): nodes are
 * the visible entities with merges applied for them, edges the visible
 * assertions (one each, ends resolved), every item with its portion mark,
 * the file with the banner over all of it (also in the `X-Nariz-Banner`
 * header; an assertions file's banner covers the entities it names). Each export is audited (network.export) with its counts and
 * banner marking.
 *
 *   GET /api/network/export/graph.graphml     application/graphml+xml
 *   GET /api/network/export/graph.gexf        application/gexf+xml
 *   GET /api/network/export/entities.csv      text/csv
 *   GET /api/network/export/assertions.csv    text/csv
 */
import type { FastifyPluginAsync } from 'fastify';
import { bannerMarking, canAccess, combine } from '@nariz/security';
import type { NetworkSnapshot } from '@nariz/store';
import { accessOf } from '../leads/acting-subject.js';
import { markingJson } from '../leads/lead-json.js';
import { assertionsCsv, entitiesCsv, toGexf, toGraphml } from '../network/graph-export.js';
import type { Platform } from '../platform.js';

const FILES = {
  'graph.graphml': 'application/graphml+xml; charset=utf-8',
  'graph.gexf': 'application/gexf+xml; charset=utf-8',
  'entities.csv': 'text/csv; charset=utf-8',
  'assertions.csv': 'text/csv; charset=utf-8',
} as const;
type FileName = keyof typeof FILES;

export const networkExportRoutes: FastifyPluginAsync<{ platform: Platform }> = async (app, { platform: p }) => {
  app.get<{ Params: { file: FileName } }>(
    '/network/export/:file',
    {
      config: { right: 'network:read' },
      schema: { params: { type: 'object', properties: { file: { type: 'string', enum: Object.keys(FILES) } }, required: ['file'] }, produces: Object.values(FILES) },
    },
    async (req, reply) => {
      const a = await accessOf(req, p.store, p.security);
      const raw = await p.store.network.snapshot(a.who);
      // The exit re-check: only what canAccess allows, whatever the query returned.
      const sees = (m: Parameters<typeof canAccess>[1]): boolean => canAccess(a.subject, m, p.security).allowed;
      const snap: NetworkSnapshot = { entities: raw.entities.filter((e) => sees(e.marking)), merged: raw.merged.filter((e) => sees(e.marking)), assertions: raw.assertions.filter((x) => sees(x.marking)) };
      const file = req.params.file;
      // An assertions file names its ends: their markings are in its banner too.
      const ends = new Set(snap.assertions.flatMap((x) => [x.resolvedFrom, x.resolvedTo]));
      const markings = [
        ...(file === 'assertions.csv' ? snap.entities.filter((e) => ends.has(e.id)) : snap.entities).map((e) => e.marking),
        ...(file === 'entities.csv' ? [] : snap.assertions.map((x) => x.marking)),
      ];
      const banner = markings.length === 0 ? null : bannerMarking(markings, p.security);
      const body = file === 'graph.graphml' ? toGraphml(snap, banner, p.security)
        : file === 'graph.gexf' ? toGexf(snap, banner, p.security, p.now().toISOString().slice(0, 10))
        : file === 'entities.csv' ? entitiesCsv(snap.entities, p.security) : assertionsCsv(snap.assertions, p.security);
      await p.store.audit.append({
        actor: a.subject.username, action: 'network.export', target: file,
        details: {
          entities: file === 'assertions.csv' ? ends.size : snap.entities.length, assertions: file === 'entities.csv' ? 0 : snap.assertions.length,
          ...(markings.length > 0 ? { marking: markingJson(combine(markings, p.security)) } : {}),
        },
      });
      return reply
        .header('content-type', FILES[file])
        .header('content-disposition', `attachment; filename="nariz-${file}"`)
        .header('x-nariz-banner', banner ?? '')
        .send(body);
    },
  );
};
