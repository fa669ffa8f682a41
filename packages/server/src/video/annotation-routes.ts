/**
 * Bookmarks and annotations on videos.
 *
 *   GET    /api/videos/:id/annotations            the video's, in timeline order
 *   POST   /api/videos/:id/annotations            analyst: {t_s, kind?, text?, tags?, ground?, pixel?, link?} → 201
 *   PATCH  /api/annotations/:id                   its author or an admin: fields to change (null clears ground, pixel, link)
 *   DELETE /api/annotations/:id                   its author or an admin
 *   GET    /api/annotations?q&tag&link&video_id   search across videos, latest changed first
 *
 * An annotation with a pixel but no ground point gets the ground point
 * under that pixel when the frame at its time has a footprint. Every change
 * is written to the audit log and published live.
 */
import { randomUUID } from 'node:crypto';
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { ID_PATTERN, NarizError } from '@nariz/core';
import { ANNOTATION_LINK_KINDS, type AnnotationLink, type AnnotationPatch, type AnnotationRecord, type GroundPoint, type VideoRecord } from '@nariz/store';
import { principalOf } from '../auth/auth-plugin.js';
import { can } from '../auth/roles.js';
import type { Platform } from '../platform.js';
import { mustVideo, videoParams } from './video-lookup.js';
import { frameAt, pixelToGround } from './fmv-bridge.js';
import {
  annotationJson, annotationPatchBodySchema, annotationSchema, newAnnotationBodySchema, type AnnotationPatchBody, type NewAnnotationBody,
} from './video-json.js';

const annotationParams = { type: 'object', properties: { id: { type: 'string', pattern: ID_PATTERN.source } }, required: ['id'] } as const;
const listSchema = { type: 'object', properties: { annotations: { type: 'array', items: annotationSchema } }, required: ['annotations'] } as const;
/** `kind:id`, e.g. `source:src-7`. */
const LINK_QUERY = new RegExp(`^(${ANNOTATION_LINK_KINDS.join('|')}):(${ID_PATTERN.source.slice(1, -1)})$`);

const ground = (g: { lat: number; lon: number }): GroundPoint => ({ latDeg: g.lat, lonDeg: g.lon });

export const annotationRoutes: FastifyPluginAsync<{ platform: Platform }> = async (app, { platform: p }) => {
  const store = p.store;

  /** The ground under the pixel at that time, when the video's metadata can say. */
  const groundUnder = async (v: VideoRecord, tS: number, pixel: { u: number; v: number }): Promise<GroundPoint | undefined> => {
    const f = await p.video.frames.get(v);
    if (f === undefined) return undefined;
    const i = frameAt(f, tS);
    const g = i < 0 ? undefined : pixelToGround(f, i, pixel.u, pixel.v);
    return g === undefined ? undefined : { latDeg: g.latDeg, lonDeg: g.lonDeg };
  };

  const mustAnnotation = async (id: string): Promise<AnnotationRecord> => {
    const a = await store.annotations.getAnnotation(id);
    if (a === undefined) throw new NarizError('NARIZ_NOT_FOUND', `no annotation "${id}"`);
    return a;
  };

  /** Annotations are their author's: others may read them; only the author, or an admin, may change them. */
  const mayChange = (req: FastifyRequest, a: AnnotationRecord): string => {
    const who = principalOf(req);
    if (a.author !== who.username && !can(who.role, 'video:admin')) throw new NarizError('NARIZ_FORBIDDEN', `annotation ${a.id} is ${a.author}'s: only its author or an administrator may change it`);
    return who.username;
  };

  app.get<{ Params: { id: string } }>('/videos/:id/annotations', { schema: { params: videoParams, response: { 200: listSchema } } }, async (req) => {
    const v = await mustVideo(p, req.params.id);
    return { annotations: (await store.annotations.listAnnotations({ videoId: v.id, limit: 100_000 })).map(annotationJson) };
  });

  app.post<{ Params: { id: string }; Body: NewAnnotationBody }>(
    '/videos/:id/annotations',
    { config: { right: 'sortie:write' }, schema: { params: videoParams, body: newAnnotationBodySchema, response: { 201: annotationSchema } } },
    async (req, reply) => {
      const v = await mustVideo(p, req.params.id);
      const b = req.body;
      const who = principalOf(req).username;
      const pixel = b.pixel;
      const a = await store.annotations.createAnnotation({
        id: randomUUID(),
        videoId: v.id,
        tS: b.t_s,
        kind: b.kind ?? 'annotation',
        text: b.text ?? '',
        tags: b.tags ?? [],
        ground: b.ground !== undefined ? ground(b.ground) : pixel !== undefined ? await groundUnder(v, b.t_s, pixel) : undefined,
        pixel,
        link: b.link,
        author: who,
      });
      await store.audit.append({ actor: who, action: 'annotation.create', target: a.id, details: { video_id: v.id, kind: a.kind, t_s: a.tS } });
      p.hub.publish({ type: 'annotation', annotation: annotationJson(a) });
      return reply.status(201).header('location', `/api/annotations/${a.id}`).send(annotationJson(a));
    },
  );

  app.patch<{ Params: { id: string }; Body: AnnotationPatchBody }>(
    '/annotations/:id',
    { config: { right: 'sortie:write' }, schema: { params: annotationParams, body: annotationPatchBodySchema, response: { 200: annotationSchema } } },
    async (req) => {
      const before = await mustAnnotation(req.params.id);
      const who = mayChange(req, before);
      const b = req.body;
      const patch: AnnotationPatch = {
        ...(b.t_s !== undefined ? { tS: b.t_s } : {}),
        ...(b.kind !== undefined ? { kind: b.kind } : {}),
        ...(b.text !== undefined ? { text: b.text } : {}),
        ...(b.tags !== undefined ? { tags: b.tags } : {}),
        ...(b.ground !== undefined ? { ground: b.ground === null ? null : ground(b.ground) } : {}),
        ...(b.pixel !== undefined ? { pixel: b.pixel } : {}),
        ...(b.link !== undefined ? { link: b.link } : {}),
      };
      const a = await store.annotations.updateAnnotation(before.id, patch);
      if (a === undefined) throw new NarizError('NARIZ_NOT_FOUND', `no annotation "${req.params.id}"`);
      await store.audit.append({ actor: who, action: 'annotation.update', target: a.id, details: { video_id: a.videoId, fields: Object.keys(b).sort(), author: a.author } });
      p.hub.publish({ type: 'annotation', annotation: annotationJson(a) });
      return annotationJson(a);
    },
  );

  app.delete<{ Params: { id: string } }>('/annotations/:id', { config: { right: 'sortie:write' }, schema: { params: annotationParams } }, async (req, reply) => {
    const a = await mustAnnotation(req.params.id);
    const who = mayChange(req, a);
    if (!(await store.annotations.deleteAnnotation(a.id))) throw new NarizError('NARIZ_NOT_FOUND', `no annotation "${req.params.id}"`);
    await store.audit.append({ actor: who, action: 'annotation.delete', target: a.id, details: { video_id: a.videoId, author: a.author, text: a.text } });
    p.hub.publish({ type: 'annotation_deleted', id: a.id, video_id: a.videoId });
    return reply.status(204).send();
  });

  app.get<{ Querystring: { q?: string; tag?: string; link?: string; video_id?: string; limit?: number } }>(
    '/annotations',
    {
      schema: {
        querystring: {
          type: 'object',
          properties: {
            q: { type: 'string', minLength: 1, maxLength: 200, description: 'a substring of the text or a tag, any case' },
            tag: { type: 'string', minLength: 1, maxLength: 64, description: 'one whole tag, any case' },
            link: { type: 'string', pattern: LINK_QUERY.source, description: 'kind:id, e.g. source:src-7' },
            video_id: { type: 'string', pattern: ID_PATTERN.source },
            limit: { type: 'integer', minimum: 1, maximum: 5000 },
          },
          additionalProperties: false,
        },
        response: { 200: listSchema },
      },
    },
    async (req) => {
      const { q, tag, video_id: videoId, limit } = req.query;
      let link: AnnotationLink | undefined;
      if (req.query.link !== undefined) {
        const m = LINK_QUERY.exec(req.query.link)!;
        link = { kind: m[1] as AnnotationLink['kind'], id: m[2]! };
      }
      const found = await store.annotations.listAnnotations({
        ...(q !== undefined ? { text: q } : {}), ...(tag !== undefined ? { tag } : {}), ...(link !== undefined ? { link } : {}), ...(videoId !== undefined ? { videoId } : {}), limit: limit ?? 500,
      });
      return { annotations: found.map(annotationJson) };
    },
  );
};
