/**
 * Annotations in SQLite (the AnnotationStore contract, annotations.ts).
 * Tags are a JSON array; `tag_keys` holds the lower-cased tags between
 * unit separators (U+001F, which the server refuses in a tag) so one
 * whole tag is found with instr().
 */
import Database from 'better-sqlite3';
import { NarizError } from '@nariz/core';
import {
  annotationSearchText, annotationTagKeys, type AnnotationPatch, type AnnotationQuery, type AnnotationRecord, type AnnotationStore, type NewAnnotation,
} from '../annotations.js';
import { ANNOTATION_COLUMNS, annotationRecord, type AnnotationRowFields } from '../video-rows.js';

type Row = Omit<AnnotationRowFields, 'tags'> & { tags: string };

const US = '\u001f';
const tagKeys = (tags: readonly string[]): string => `${US}${annotationTagKeys(tags).join(US)}${US}`;
const fields = (r: Row): AnnotationRowFields => ({ ...r, tags: JSON.parse(r.tags) as unknown });

export class SqliteAnnotations implements AnnotationStore {
  constructor(
    private readonly db: Database.Database,
    private readonly now: () => Date,
  ) {}

  async createAnnotation(a: NewAnnotation): Promise<AnnotationRecord> {
    const t = this.now().toISOString();
    try {
      this.db
        .prepare(
          `INSERT INTO video_annotations (id, video_id, t_s, kind, text, tags, search_text, tag_keys, lat, lon, u, v, link_kind, link_id, author, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          a.id, a.videoId, a.tS, a.kind, a.text, JSON.stringify(a.tags), annotationSearchText(a.text, a.tags), tagKeys(a.tags),
          a.ground?.latDeg ?? null, a.ground?.lonDeg ?? null, a.pixel?.u ?? null, a.pixel?.v ?? null, a.link?.kind ?? null, a.link?.id ?? null, a.author, t, t,
        );
    } catch (err) {
      if (err instanceof Database.SqliteError && err.code === 'SQLITE_CONSTRAINT_FOREIGNKEY') throw new NarizError('NARIZ_NOT_FOUND', `no video "${a.videoId}"`, undefined, { cause: err });
      if (err instanceof Database.SqliteError && err.code.startsWith('SQLITE_CONSTRAINT')) throw new NarizError('NARIZ_CONFLICT', `an annotation with id "${a.id}" exists already`, undefined, { cause: err });
      throw err;
    }
    return (await this.getAnnotation(a.id))!;
  }

  async getAnnotation(id: string): Promise<AnnotationRecord | undefined> {
    const r = this.db.prepare(`SELECT ${ANNOTATION_COLUMNS} FROM video_annotations WHERE id = ?`).get(id) as Row | undefined;
    return r === undefined ? undefined : annotationRecord(fields(r));
  }

  async updateAnnotation(id: string, p: AnnotationPatch): Promise<AnnotationRecord | undefined> {
    return this.db.transaction((): AnnotationRecord | undefined => {
      const r = this.db.prepare(`SELECT ${ANNOTATION_COLUMNS} FROM video_annotations WHERE id = ?`).get(id) as Row | undefined;
      if (r === undefined) return undefined;
      const a = annotationRecord(fields(r));
      const text = p.text ?? a.text;
      const tags = p.tags ?? a.tags;
      const ground = p.ground === null ? undefined : (p.ground ?? a.ground);
      const pixel = p.pixel === null ? undefined : (p.pixel ?? a.pixel);
      const link = p.link === null ? undefined : (p.link ?? a.link);
      this.db
        .prepare(
          `UPDATE video_annotations SET t_s = ?, kind = ?, text = ?, tags = ?, search_text = ?, tag_keys = ?, lat = ?, lon = ?, u = ?, v = ?,
             link_kind = ?, link_id = ?, updated_at = ? WHERE id = ?`,
        )
        .run(
          p.tS ?? a.tS, p.kind ?? a.kind, text, JSON.stringify(tags), annotationSearchText(text, tags), tagKeys(tags),
          ground?.latDeg ?? null, ground?.lonDeg ?? null, pixel?.u ?? null, pixel?.v ?? null, link?.kind ?? null, link?.id ?? null, this.now().toISOString(), id,
        );
      return annotationRecord(fields(this.db.prepare(`SELECT ${ANNOTATION_COLUMNS} FROM video_annotations WHERE id = ?`).get(id) as Row));
    }).immediate();
  }

  async deleteAnnotation(id: string): Promise<boolean> {
    return this.db.prepare('DELETE FROM video_annotations WHERE id = ?').run(id).changes > 0;
  }

  async listAnnotations(q: AnnotationQuery = {}): Promise<AnnotationRecord[]> {
    const where: string[] = [];
    const args: unknown[] = [];
    if (q.videoId !== undefined) {
      where.push('video_id = ?');
      args.push(q.videoId);
    }
    if (q.text !== undefined) {
      where.push('instr(search_text, ?) > 0');
      args.push(q.text.toLowerCase());
    }
    if (q.tag !== undefined) {
      where.push('instr(tag_keys, ?) > 0');
      args.push(`${US}${q.tag.toLowerCase()}${US}`);
    }
    if (q.link !== undefined) {
      where.push('link_kind = ? AND link_id = ?');
      args.push(q.link.kind, q.link.id);
    }
    args.push(q.limit ?? 500);
    const order = q.videoId !== undefined ? 't_s, created_at, id' : 'updated_at DESC, id';
    const rows = this.db.prepare(`SELECT ${ANNOTATION_COLUMNS} FROM video_annotations ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY ${order} LIMIT ?`).all(...args) as Row[];
    return rows.map((r) => annotationRecord(fields(r)));
  }
}
