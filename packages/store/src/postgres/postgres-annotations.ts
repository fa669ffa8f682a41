/**
 * Annotations in PostgreSQL (the AnnotationStore contract, annotations.ts).
 * Tags are TEXT[]; `tag_keys` holds them lower-cased (GIN-indexed for
 * whole-tag search with @>).
 */
import type pg from 'pg';
import { NarizError } from '@nariz/core';
import {
  annotationSearchText, annotationTagKeys, type AnnotationPatch, type AnnotationQuery, type AnnotationRecord, type AnnotationStore, type NewAnnotation,
} from '../annotations.js';
import { ANNOTATION_COLUMNS, annotationRecord, type AnnotationRowFields } from '../video-rows.js';

export class PostgresAnnotations implements AnnotationStore {
  constructor(
    private readonly pool: pg.Pool,
    private readonly now: () => Date,
    private readonly tx: <T>(body: (c: pg.PoolClient) => Promise<T>) => Promise<T>,
  ) {}

  async createAnnotation(a: NewAnnotation): Promise<AnnotationRecord> {
    const t = this.now();
    try {
      const r = await this.pool.query<AnnotationRowFields>(
        `INSERT INTO video_annotations (id, video_id, t_s, kind, text, tags, search_text, tag_keys, lat, lon, u, v, link_kind, link_id, author, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $16) RETURNING ${ANNOTATION_COLUMNS}`,
        [
          a.id, a.videoId, a.tS, a.kind, a.text, [...a.tags], annotationSearchText(a.text, a.tags), annotationTagKeys(a.tags),
          a.ground?.latDeg ?? null, a.ground?.lonDeg ?? null, a.pixel?.u ?? null, a.pixel?.v ?? null, a.link?.kind ?? null, a.link?.id ?? null, a.author, t,
        ],
      );
      return annotationRecord(r.rows[0]!);
    } catch (err) {
      if (err instanceof Error && 'code' in err && err.code === '23503') throw new NarizError('NARIZ_NOT_FOUND', `no video "${a.videoId}"`, undefined, { cause: err });
      if (err instanceof Error && 'code' in err && err.code === '23505') throw new NarizError('NARIZ_CONFLICT', `an annotation with id "${a.id}" exists already`, undefined, { cause: err });
      throw err;
    }
  }

  async getAnnotation(id: string): Promise<AnnotationRecord | undefined> {
    const r = (await this.pool.query<AnnotationRowFields>(`SELECT ${ANNOTATION_COLUMNS} FROM video_annotations WHERE id = $1`, [id])).rows[0];
    return r === undefined ? undefined : annotationRecord(r);
  }

  async updateAnnotation(id: string, p: AnnotationPatch): Promise<AnnotationRecord | undefined> {
    return this.tx(async (c) => {
      const row = (await c.query<AnnotationRowFields>(`SELECT ${ANNOTATION_COLUMNS} FROM video_annotations WHERE id = $1 FOR UPDATE`, [id])).rows[0];
      if (row === undefined) return undefined;
      const a = annotationRecord(row);
      const text = p.text ?? a.text;
      const tags = p.tags ?? a.tags;
      const ground = p.ground === null ? undefined : (p.ground ?? a.ground);
      const pixel = p.pixel === null ? undefined : (p.pixel ?? a.pixel);
      const link = p.link === null ? undefined : (p.link ?? a.link);
      const r = await c.query<AnnotationRowFields>(
        `UPDATE video_annotations SET t_s = $2, kind = $3, text = $4, tags = $5, search_text = $6, tag_keys = $7, lat = $8, lon = $9, u = $10, v = $11,
           link_kind = $12, link_id = $13, updated_at = $14 WHERE id = $1 RETURNING ${ANNOTATION_COLUMNS}`,
        [
          id, p.tS ?? a.tS, p.kind ?? a.kind, text, [...tags], annotationSearchText(text, tags), annotationTagKeys(tags),
          ground?.latDeg ?? null, ground?.lonDeg ?? null, pixel?.u ?? null, pixel?.v ?? null, link?.kind ?? null, link?.id ?? null, this.now(),
        ],
      );
      return annotationRecord(r.rows[0]!);
    });
  }

  async deleteAnnotation(id: string): Promise<boolean> {
    return ((await this.pool.query('DELETE FROM video_annotations WHERE id = $1', [id])).rowCount ?? 0) > 0;
  }

  async listAnnotations(q: AnnotationQuery = {}): Promise<AnnotationRecord[]> {
    const where: string[] = [];
    const args: unknown[] = [];
    const arg = (v: unknown): string => {
      args.push(v);
      return `$${args.length}`;
    };
    if (q.videoId !== undefined) where.push(`video_id = ${arg(q.videoId)}`);
    if (q.text !== undefined) where.push(`strpos(search_text, ${arg(q.text.toLowerCase())}) > 0`);
    if (q.tag !== undefined) where.push(`tag_keys @> ARRAY[${arg(q.tag.toLowerCase())}::text]`);
    if (q.link !== undefined) where.push(`link_kind = ${arg(q.link.kind)} AND link_id = ${arg(q.link.id)}`);
    const limit = arg(q.limit ?? 500);
    const order = q.videoId !== undefined ? 't_s, created_at, id' : 'updated_at DESC, id';
    const r = await this.pool.query<AnnotationRowFields>(`SELECT ${ANNOTATION_COLUMNS} FROM video_annotations ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY ${order} LIMIT ${limit}`, args);
    return r.rows.map(annotationRecord);
  }
}
