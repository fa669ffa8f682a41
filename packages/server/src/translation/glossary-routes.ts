/**
 * The slang glossary's routes (docs/api.md, "Translation", "The
 * glossary"), registered by routes/translations.ts:
 *
 *   GET    /api/translation/glossary?q&category&reviewed&limit&offset   a page, in term order
 *   GET    /api/translation/glossary/:id                                one entry (ETag: its version)
 *   POST   /api/translation/glossary                                    a new entry (unreviewed)
 *   PATCH  /api/translation/glossary/:id                                an edit (If-Match or `version`; clears the review)
 *   POST   /api/translation/glossary/:id/review                         marks it reviewed by the caller
 *   DELETE /api/translation/glossary/:id                                removes it (If-Match optional)
 *
 * Reading needs `translate` (the analysts and admins who see the hits
 * beside their translations; viewers have no translation at all); changes
 * need `glossary:write` (admins). A stale version, or a form another entry
 * has, is 409 NARIZ_CONFLICT and changes nothing. Every change is audited
 * (`glossary.create`, `.update` with each changed field, `.review`,
 * `.delete`) and the translator's glossary is reloaded before the answer,
 * so the next translation applies it.
 */
import { randomUUID } from 'node:crypto';
import type { FastifyPluginAsync } from 'fastify';
import { NarizError } from '@nariz/core';
import type { GlossaryEntryAction, GlossaryRecord } from '@nariz/store';
import { principalOf } from '../auth/auth-plugin.js';
import { can } from '../auth/roles.js';
import type { Platform } from '../platform.js';
import type { GlossaryBook } from './glossary-book.js';
import { glossaryEntryJson, glossaryEntrySchema, glossaryParams, glossaryPatchSchema, glossaryQuerySchema, newGlossaryEntrySchema } from './glossary-json.js';
import { changedFields, editedVersion, glossaryContent, ifMatchVersion, versionTag, type GlossaryContentBody } from './glossary-request.js';

interface ListQuery {
  q?: string;
  category?: string;
  reviewed?: boolean;
  limit: number;
  offset: number;
}

const errorSchema = { type: 'object', properties: { error: { type: 'object' } } } as const;

export const glossaryRoutes: FastifyPluginAsync<{ platform: Platform; book: GlossaryBook }> = async (app, { platform: p, book }) => {
  const store = p.store.glossary;
  const at = (): string => p.now().toISOString();

  app.get<{ Querystring: ListQuery }>(
    '/translation/glossary',
    {
      config: { right: 'translate' },
      schema: {
        querystring: glossaryQuerySchema,
        response: {
          200: {
            type: 'object',
            properties: {
              entries: { type: 'array', items: glossaryEntrySchema },
              total: { type: 'integer', description: 'entries matching the query, all pages' },
              limit: { type: 'integer' }, offset: { type: 'integer' },
              counts: { type: 'object', properties: { entries: { type: 'integer' }, reviewed: { type: 'integer' } }, required: ['entries', 'reviewed'], description: 'the whole glossary' },
              editable: { type: 'boolean', description: 'whether the caller may edit and review entries (admins)' },
            },
            required: ['entries', 'total', 'limit', 'offset', 'counts', 'editable'],
          },
        },
      },
    },
    async (req) => {
      const q = req.query;
      const [page, counts] = await Promise.all([
        store.list({ ...(q.q !== undefined ? { q: q.q } : {}), ...(q.category !== undefined ? { category: q.category } : {}), ...(q.reviewed !== undefined ? { reviewed: q.reviewed } : {}), limit: q.limit, offset: q.offset }),
        store.counts(),
      ]);
      return { entries: page.entries.map(glossaryEntryJson), total: page.total, limit: q.limit, offset: q.offset, counts, editable: can(principalOf(req).role, 'glossary:write') };
    },
  );

  app.get<{ Params: { id: string } }>(
    '/translation/glossary/:id',
    { config: { right: 'translate' }, schema: { params: glossaryParams, response: { 200: glossaryEntrySchema, 404: errorSchema } } },
    async (req, reply) => {
      const e = await store.get(req.params.id);
      if (e === undefined) throw new NarizError('NARIZ_NOT_FOUND', `no glossary entry "${req.params.id}"`);
      void reply.header('etag', versionTag(e.version));
      return glossaryEntryJson(e);
    },
  );

  /** Audits the change, reloads the translator's glossary, and answers the entry with its ETag. */
  const changed = async (who: string, action: string, e: GlossaryRecord, details: Record<string, unknown>): Promise<void> => {
    await p.store.audit.append({ actor: who, action, target: e.id, details: { term: e.term, version: e.version, ...details } });
    await book.reload();
  };

  app.post<{ Body: GlossaryContentBody & { term: string; neutral: string; gloss: string; category: string; action?: GlossaryEntryAction } }>(
    '/translation/glossary',
    { config: { right: 'glossary:write' }, schema: { body: newGlossaryEntrySchema, response: { 201: glossaryEntrySchema } } },
    async (req, reply) => {
      const who = principalOf(req).username;
      const e = await store.create(randomUUID(), glossaryContent(req.body), who, at());
      await changed(who, 'glossary.create', e, { action: e.action, category: e.category });
      return reply.status(201).header('etag', versionTag(e.version)).send(glossaryEntryJson(e));
    },
  );

  app.patch<{ Params: { id: string }; Body: GlossaryContentBody }>(
    '/translation/glossary/:id',
    { config: { right: 'glossary:write' }, schema: { params: glossaryParams, body: glossaryPatchSchema, response: { 200: glossaryEntrySchema } } },
    async (req, reply) => {
      const who = principalOf(req).username;
      const version = editedVersion(req.headers['if-match'], req.body.version);
      if (version === undefined) throw new NarizError('NARIZ_BAD_REQUEST', 'give the version you edited: the If-Match header (the entry\'s ETag) or "version" in the body', { path: 'version' });
      const before = await store.get(req.params.id);
      if (before === undefined) throw new NarizError('NARIZ_NOT_FOUND', `no glossary entry "${req.params.id}"`);
      const content = glossaryContent(req.body, before);
      const e = await store.update(before.id, version, content, who, at());
      await changed(who, 'glossary.update', e, { changes: changedFields(before, content), review_cleared: before.reviewedBy !== undefined });
      return reply.header('etag', versionTag(e.version)).send(glossaryEntryJson(e));
    },
  );

  app.post<{ Params: { id: string }; Body: { version?: number } | undefined }>(
    '/translation/glossary/:id/review',
    {
      config: { right: 'glossary:write' },
      schema: {
        params: glossaryParams,
        body: { type: ['object', 'null'], properties: { version: { type: 'integer', minimum: 1 } }, additionalProperties: false },
        response: { 200: glossaryEntrySchema },
      },
    },
    async (req, reply) => {
      const who = principalOf(req).username;
      const e = await store.review(req.params.id, editedVersion(req.headers['if-match'], req.body?.version ?? undefined), who, at());
      await changed(who, 'glossary.review', e, {});
      return reply.header('etag', versionTag(e.version)).send(glossaryEntryJson(e));
    },
  );

  app.delete<{ Params: { id: string } }>(
    '/translation/glossary/:id',
    { config: { right: 'glossary:write' }, schema: { params: glossaryParams } },
    async (req, reply) => {
      const who = principalOf(req).username;
      const e = await store.delete(req.params.id, ifMatchVersion(req.headers['if-match']));
      await changed(who, 'glossary.delete', e, { entry: glossaryEntryJson(e) });
      return reply.status(204).send();
    },
  );
};
